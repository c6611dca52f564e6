package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.workload.UserClassPath;

/** The children's JVM as a library caller asks for it: what is refused, what falls back, what is kept. */
class ChildJvmsTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final RunProgress progress = new RunProgress() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    @Test
    void flagsAreSplitAsAShellSplitsWords() {
        assertThat(ChildJvms.splitFlags("-Xss2m   -XX:+UseCompressedOops\t-Dk=v"))
                .containsExactly("-Xss2m", "-XX:+UseCompressedOops", "-Dk=v");
        assertThat(ChildJvms.splitFlags("-Dname=\"a b\" '-Dother=c  d'")).containsExactly("-Dname=a b", "-Dother=c  d");
        assertThat(ChildJvms.splitFlags(null)).isEmpty();
        assertThat(ChildJvms.splitFlags(" ")).isEmpty();
    }

    @Test
    void badInputIsARunInputExceptionNamingTheOption() {
        assertThatThrownBy(() -> ChildJvms.splitFlags("-Dx='open")).isInstanceOf(RunInputException.class)
                .hasMessageStartingWith("--jvm-args '-Dx='open': ").hasMessageContaining("unbalanced quotes");
        assertThatThrownBy(() -> ChildJvms.builder().sampler("perf")).isInstanceOf(RunInputException.class)
                .hasMessage("--sampler 'perf': use auto, async-profiler, jfr-cpu-time or jfr");
        assertThatThrownBy(() -> ChildJvms.builder().java(dir.toString()).resolve(List.of(dir), progress))
                .isInstanceOf(RunInputException.class)
                .hasMessageStartingWith("--java ").hasMessageContaining("no such java executable");
    }

    @Test
    void samplerNamesAreReadAsTheCommandLineReadsThem() {
        assertThat(ChildJvms.sampler(null)).isEqualTo(Sampler.AUTO);
        assertThat(ChildJvms.sampler(" JFR ")).isEqualTo(Sampler.JFR);
        assertThat(ChildJvms.sampler("async-profiler")).isEqualTo(Sampler.ASYNC_PROFILER);
    }

    @Test
    void whatWasAskedIsWhatTheChildrenGet() throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        ChildJvm child = ChildJvms.builder().sampler("jfr").jvmArgs(List.of("-Xss2m", "-Dk=a b"))
                .userClassPath(new UserClassPath(List.of(classes))).resolve(List.of(dir.resolve("cache")), progress);

        assertThat(child.sampler().used()).isEqualTo(Sampler.JFR);
        assertThat(child.java()).isEqualTo(ChildJava.current());
        assertThat(child.jvmArgs()).containsExactly("-Xss2m", "-Dk=a b");
        assertThat(child.classPath()).first().isEqualTo(classes); // then the child runtime
        assertThat(child.classPath()).hasSizeGreaterThan(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void noRecordingTriesNoSampler() {
        ChildJvm child = ChildJvms.builder().sampler("async-profiler").recording(false)
                .resolve(List.of(dir.resolve("cache")), progress);

        assertThat(child.sampler().used()).isEqualTo(Sampler.JFR);
        assertThat(child.inheritsClassPath()).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist(); // no agent extracted
    }

    @Test
    void aSamplerThisJavaCannotRunFallsBackWithAWarning() {
        ChildJava java = ChildJava.current();
        assumeTrue(java.feature() < 25, "jdk.CPUTimeSample needs JDK 25: on " + java.version() + " it would load");
        ChildJvm child = ChildJvms.builder().sampler("jfr-cpu-time").resolve(List.of(dir.resolve("cache")), progress);

        assertThat(child.sampler().used()).isEqualTo(Sampler.JFR);
        assertThat(warnings).singleElement().asString()
                .startsWith("sampler jfr instead of jfr-cpu-time: ").contains("JDK 25");
    }
}
