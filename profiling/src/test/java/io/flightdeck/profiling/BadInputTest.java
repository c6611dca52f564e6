package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends in one clear {@link RecordingException}, or, for a recording whose complete chunks are readable,
 * an analysis of what was read with a warning. Never a hang, never another exception.
 */
class BadInputTest {

    @TempDir
    static Path dir;
    static Path good;
    static byte[] bytes;

    @BeforeAll
    static void record() throws Exception {
        good = TestRecordings.record(dir, "good", 3, "steady");
        bytes = Files.readAllBytes(good);
    }

    @Test
    void aMissingFile() {
        assertOneLine(dir.resolve("missing.jfr"), "no such file");
    }

    @Test
    void anEmptyFile() throws Exception {
        assertOneLine(Files.createFile(dir.resolve("empty.jfr")), "is empty");
    }

    @Test
    void aTextFile() throws Exception {
        assertOneLine(Files.writeString(dir.resolve("notes.jfr"), "these are notes, not a recording\n"),
                "not a Flight Recorder file");
    }

    @Test
    void aFolder() {
        assertOneLine(dir, "folder");
    }

    @Test
    void aRecordingCutAtManyPointsFailsClearlyOrIsReadAsFarAsItGoes() throws Exception {
        int[] cuts = {1, 3, 4, 10, 47, 48, 64, 100, 1_000, 10_000, bytes.length / 4, bytes.length / 2,
                bytes.length * 3 / 4, bytes.length - 100, bytes.length - 1};
        for (int cut : cuts) {
            Path file = dir.resolve("cut-" + cut + ".jfr");
            Files.write(file, Arrays.copyOf(bytes, cut));
            analyseOrFailClearly(file);
        }
    }

    @Test
    void aRecordingCutInItsSecondChunkIsReadUpToTheCutWithAWarning() throws Exception {
        // a JFR file is a sequence of chunks: two copies make a valid two-chunk recording, cut half-way through the second
        byte[] two = new byte[bytes.length * 2];
        System.arraycopy(bytes, 0, two, 0, bytes.length);
        System.arraycopy(bytes, 0, two, bytes.length, bytes.length);
        Path file = dir.resolve("two-chunks-cut.jfr");
        Files.write(file, Arrays.copyOf(two, bytes.length + bytes.length / 2));

        Analysis cut = RecordingAnalyzer.analyze(file, AnalysisOptions.defaults());
        Analysis first = RecordingAnalyzer.analyze(good, AnalysisOptions.defaults());

        assertThat(cut.warnings()).anyMatch(w -> w.contains("cut short") && w.contains("1 whole chunks"));
        assertThat(cut.cpu().samples()).isGreaterThanOrEqualTo(first.cpu().samples());
    }

    @Test
    void aRecordingWithFlippedBytesFailsClearlyOrIsReadAsFarAsItGoes() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] damaged = bytes.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = i < 10 ? random.nextInt(Math.min(2_000, damaged.length)) : random.nextInt(damaged.length);
                damaged[at] ^= (byte) (1 + random.nextInt(255));
            }
            Path file = dir.resolve("flipped-" + i + ".jfr");
            Files.write(file, damaged);
            analyseOrFailClearly(file);
        }
    }

    private static void analyseOrFailClearly(Path file) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                Analysis a = RecordingAnalyzer.analyze(file, AnalysisOptions.defaults());
                assertThat(a.recording().events()).isPositive();
            } catch (RecordingException e) {
                assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
            } catch (Throwable t) {
                fail(file + " gave " + t, t);
            }
        }, file::toString);
    }

    private static void assertOneLine(Path file, String expected) {
        assertThatThrownBy(() -> RecordingAnalyzer.analyze(file, AnalysisOptions.defaults()))
                .isInstanceOf(RecordingException.class).hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
