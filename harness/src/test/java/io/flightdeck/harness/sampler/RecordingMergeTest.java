package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
