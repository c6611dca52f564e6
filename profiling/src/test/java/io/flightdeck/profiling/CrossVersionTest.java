package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording from JDK 25 analysed by whatever JDK runs the tests (17 in the first CI pass): production on a new
 * JDK, the tool on an older one. JMC's parser complains about JDK 21+ thread fields on stderr unless kept quiet.
 */
class CrossVersionTest {

    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    @Test
    void aJdk25RecordingIsAnalysedAndJmcStaysQuiet() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_25), "Temurin 25 is not on this machine");
        Path recording = TestRecordings.record(JAVA_25, dir, "jdk25", 3, "steady", "-Xmn64m");

        Analysis a = RecordingAnalyzer.analyze(recording, AnalysisOptions.defaults());

        assertThat(a.recording().jvmVersion()).contains("25.");
        assertThat(a.cpu().hotBySelf().get(0).name()).isEqualTo(AgreementWithJdkToolsTest.HOT);
        assertThat(a.rules().evaluated()).isTrue();
        System.gc(); // java.util.logging holds loggers weakly: a level set on a dropped logger would be gone now
        assertThat(Logger.getLogger("org.openjdk.jmc").getLevel()).isEqualTo(Level.SEVERE);
    }
}
