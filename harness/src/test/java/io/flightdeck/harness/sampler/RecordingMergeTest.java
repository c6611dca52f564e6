package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingMergeTest {

    @TempDir
    Path dir;

    @Test
    void theAgentsFileIsAppendedAndDeleted() throws Exception {
        Path jdk = Files.write(dir.resolve("recording.jfr"), new byte[] {1, 2, 3});
        Path agent = Files.write(SamplerFlags.agentRecording(jdk), new byte[] {4, 5});
        assertThat(agent.getFileName().toString()).isEqualTo("recording.async-profiler.jfr");

        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).isNull();
        assertThat(Files.readAllBytes(jdk)).containsExactly(1, 2, 3, 4, 5);
        assertThat(agent).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(jdk); // no temporary file left
        }
    }

    @Test
    void aMissingOrEmptyAgentFileKeepsTheJdkRecordingAndWarns() throws Exception {
        Path jdk = Files.write(dir.resolve("recording-fork-2.jfr"), new byte[] {1, 2, 3});
        Path agent = SamplerFlags.agentRecording(jdk);
        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).contains("async-profiler left no recording");
        Files.write(agent, new byte[0]);
        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).contains("async-profiler left no recording");
        assertThat(Files.readAllBytes(jdk)).containsExactly(1, 2, 3);
        assertThat(agent).doesNotExist();
    }

    @Test
    void withoutAJdkRecordingTheAgentsIsKept() throws Exception {
        Path jdk = dir.resolve("recording.jfr");
        Path agent = Files.write(SamplerFlags.agentRecording(jdk), new byte[] {4, 5});
        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).contains("no JFR recording");
        assertThat(Files.readAllBytes(jdk)).containsExactly(4, 5);
    }

    /**
     * A chunk as its header says (magic, size, start) with a marker byte after the header, so the order of the merged
     * chunks can be read back.
     */
    private static byte[] chunk(long startNanos, int marker) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64);
        b.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 1).putLong(64);
        b.putLong(16, 0).putLong(24, 0).putLong(32, startNanos).putLong(40, 1);
        b.put(48, (byte) marker);
        return b.array();
    }

    private static byte[] file(byte[]... chunks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static List<Integer> markers(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> markers = new java.util.ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += 64) {
            markers.add((int) bytes[offset + 48]);
        }
        return markers;
    }

    @Test
    void aResumedAgentsChunksGoBetweenTheJdksByStartSoThatNoTwoTouch() throws Exception {
        // the agent starts before JFR; the child broke JFR's chunk (2, 3) before resuming the agent (12)
        Path jdk = Files.write(dir.resolve("recording.jfr"), file(chunk(200, 1), chunk(500, 2), chunk(510, 3)));
        Path agent = Files.write(SamplerFlags.agentRecording(jdk), file(chunk(100, 11), chunk(520, 12)));

        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).isNull();
        assertThat(markers(jdk)).as("the JDK's first chunk first, then by start").containsExactly(1, 11, 2, 3, 12);
        assertThat(agent).doesNotExist();
    }

    @Test
    void theFileStillEndsWithAnAgentChunkAndACutTailStaysLast() throws Exception {
        // JFR rotated (4) after the agent's last resume (12); its recording ends in a cut chunk (5 bytes of one)
        byte[] cut = java.util.Arrays.copyOf(chunk(700, 9), 5);
        Path jdk = Files.write(dir.resolve("recording.jfr"), file(chunk(200, 1), chunk(500, 2), chunk(600, 4), cut));
        Path agent = Files.write(SamplerFlags.agentRecording(jdk), file(chunk(100, 11), chunk(520, 12)));

        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).isNull();
        byte[] merged = Files.readAllBytes(jdk);
        assertThat(merged).hasSize(5 * 64 + 5);
        assertThat(markers(Files.write(dir.resolve("whole.jfr"), java.util.Arrays.copyOf(merged, 5 * 64))))
                .containsExactly(1, 11, 2, 4, 12);
        assertThat(java.util.Arrays.copyOfRange(merged, 5 * 64, merged.length))
                .startsWith((byte) 'F', (byte) 'L', (byte) 'R', (byte) 0);
    }

    @Test
    void agentChunksThatCannotBeKeptApartAreMergedWithAWarning() throws Exception {
        Path jdk = Files.write(dir.resolve("recording.jfr"), file(chunk(200, 1)));
        Path agent = Files.write(SamplerFlags.agentRecording(jdk), file(chunk(300, 11), chunk(400, 12)));

        assertThat(RecordingMerge.appendAgentRecording(jdk, agent)).contains("1 of async-profiler's chunks follow");
        assertThat(markers(jdk)).containsExactly(1, 11, 12);
    }
}
