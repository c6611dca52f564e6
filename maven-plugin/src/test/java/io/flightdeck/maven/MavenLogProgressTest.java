package io.flightdeck.maven;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

class MavenLogProgressTest {

    private final RecordingLog log = new RecordingLog();

    @Test
    void aWarningIsAMavenWarning() {
        try (MavenLogProgress progress = new MavenLogProgress(log)) {
            progress.warning("sampler jfr instead of async-profiler: no agent");
        }

        assertThat(log.lines).containsExactly("WARNING Flightdeck: sampler jfr instead of async-profiler: no agent");
    }

    @Test
    void aFailedStepIsAWarningAndTheLineTheBuildFailsWith() {
        MavenLogProgress progress = new MavenLogProgress(log);
        assertThat(progress.lastProblem()).isNull();

        progress.problem("the run could not be added to the history: disk full");
        progress.historyAppended("home/history.jsonl", "20260101-120000-quick");
        progress.close();

        assertThat(progress.lastProblem()).isEqualTo("flightdeck: the run could not be added to the history: disk full");
        assertThat(log.lines).containsExactly(
                "WARNING flightdeck: the run could not be added to the history: disk full",
                "INFO history: home/history.jsonl (run 20260101-120000-quick)");
    }
}
