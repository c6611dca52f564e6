package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJavaTest {

    @TempDir
    Path dir;

    @Test
    void aJdkHomeOrItsJavaIsReadForItsVersion() {
        ChildJava current = ChildJava.current();
        ChildJava byHome = ChildJava.resolve(current.javaHome());
        assertThat(byHome.feature()).isEqualTo(Runtime.version().feature());
        assertThat(byHome.version()).isEqualTo(System.getProperty("java.version"));
        assertThat(byHome.vendor()).isEqualTo(System.getProperty("java.vm.vendor"));
        assertThat(byHome.explicit()).isTrue();
        assertThat(ChildJava.resolve(byHome.executable().toString()).executable()).isEqualTo(byHome.executable());
    }

    @Test
    void jdk25IsKnownAs25() {
        assumeTrue(Files.isExecutable(SamplerChooserTest.JDK25), "JDK 25 installed");
        ChildJava j = ChildJava.resolve(SamplerChooserTest.JDK25.toString());
        assertThat(j.feature()).isEqualTo(25);
        assertThat(j.version()).startsWith("25");
    }

    @Test
    void whatIsNotARunnableJavaIsRefusedInOneLine() throws Exception {
        assertThatThrownBy(() -> ChildJava.resolve(dir.resolve("nope").toString()))
                .hasMessageContaining("no such java executable");
        assertThatThrownBy(() -> ChildJava.resolve(dir.toString())).hasMessageContaining("no bin/java");
        Path notExecutable = Files.writeString(dir.resolve("java"), "#!/bin/sh\n");
        assertThatThrownBy(() -> ChildJava.resolve(notExecutable.toString())).hasMessageContaining("not executable");
        Path liar = Files.writeString(dir.resolve("liar"), "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(liar, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> ChildJava.resolve(liar.toString())).hasMessageContaining("not a runnable java")
                .hasMessageNotContaining("\n");
        Path failing = Files.writeString(dir.resolve("failing"), "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> ChildJava.resolve(failing.toString())).hasMessageContaining("exited with code 3");
    }
}
