package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sampler that cannot load falls back, says why, and is never the end of a run. */
class SamplerChooserTest {

    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    private Path corruptLibrary() throws IOException {
        Path lib = dir.resolve("libasyncProfiler.so");
        Files.write(lib, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}); // an ELF header cut short
        return lib;
    }

    @Test
    void aCorruptAgentFallsBackWithAWarning() throws Exception {
        Path corrupt = corruptLibrary();
        ChildJava java17 = ChildJava.current();
        assumeTrue(java17.feature() < 25, "on JDK 25 the fallback is jfr-cpu-time, checked below");

        SamplerDecision asked = SamplerChooser.choose(Sampler.ASYNC_PROFILER, java17, () -> corrupt);
        assertThat(asked.used()).isEqualTo(Sampler.JFR);
        assertThat(asked.warning()).isTrue();
        assertThat(asked.reason()).contains("async-profiler did not load", "exit code 1", "JDK 25");
        assertThat(asked.agentLibrary()).isNull();

        SamplerDecision auto = SamplerChooser.choose(Sampler.AUTO, java17, () -> corrupt);
        assertThat(auto.used()).isEqualTo(Sampler.JFR);
        assertThat(auto.warning()).isTrue();
    }

    @Test
    void onJdk25TheFallbackIsTheCpuTimeSampler() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "JDK 25 at " + JDK25);
        Path corrupt = corruptLibrary();
        SamplerDecision d = SamplerChooser.choose(Sampler.AUTO, ChildJava.resolve(JDK25.toString()), () -> corrupt);
        assertThat(d.used()).isEqualTo(Sampler.JFR_CPU_TIME);
        assertThat(d.reason()).contains("async-profiler did not load");
        assertThat(d.warning()).isTrue();
    }

    @Test
    void anAgentThatCannotBeExtractedFallsBackToo() {
        SamplerDecision d = SamplerChooser.choose(Sampler.AUTO, ChildJava.current(), () -> {
            throw new IOException("read-only file system");
        });
        assertThat(d.used()).isNotEqualTo(Sampler.ASYNC_PROFILER);
        assertThat(d.reason()).contains("could not be extracted: read-only file system");
    }

    @Test
    void theShippedAgentLoadsHere() throws Exception {
        assumeTrue(AsyncProfilerLibrary.platform(System.getProperty("os.name"), System.getProperty("os.arch"))
                != null, "async-profiler has an agent for this machine");
        SamplerDecision d = SamplerChooser.choose(Sampler.AUTO, ChildJava.current(),
                SamplerChooser.extractedInto(dir));
        assertThat(d.used()).as(String.valueOf(d.reason())).isEqualTo(Sampler.ASYNC_PROFILER);
        assertThat(d.reason()).isNull();
        assertThat(d.warning()).isFalse();
        assertThat(d.agentLibrary()).startsWith(dir);
    }

    @Test
    void theCpuTimeSamplerAskedOnJdk17IsJfrWithAWarning() {
        ChildJava java17 = new ChildJava(Path.of("java"), 17, "17.0.15", "v", "/jdk", false);
        SamplerDecision d = SamplerChooser.choose(Sampler.JFR_CPU_TIME, java17, () -> {
            throw new AssertionError("jfr-cpu-time asked: async-profiler is not tried");
        });
        assertThat(d.used()).isEqualTo(Sampler.JFR);
        assertThat(d.warning()).isTrue();
        assertThat(d.reason()).contains("JDK 25", "17.0.15");
    }

    @Test
    void jfrAskedIsJfrWithoutAProbe() {
        SamplerDecision d = SamplerChooser.choose(Sampler.JFR, ChildJava.current(), () -> {
            throw new AssertionError("jfr asked: async-profiler is not tried");
        });
        assertThat(d).isEqualTo(SamplerDecision.JFR);
    }
}
