package io.flightdeck.child.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AllocationPacerTest {

    private static final long FLOOR = 512 * 1024;
    private static final String OPTIONS = "event=cpu,interval=10ms,loglevel=warn,file=/tmp/x.jfr";

    private final List<String> commands = new ArrayList<>();
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void aLightAllocatorKeepsTheFloor() {
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, 50e6)).isEqualTo(FLOOR); // 95 samples a second
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, 200 * FLOOR)).isEqualTo(FLOOR); // exactly 200
    }

    @Test
    void aHeavyAllocatorGetsTheFloorDoubledUntilTheRateHolds() {
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, 200 * FLOOR + 1)).isEqualTo(2 * FLOOR);
        long every = AllocationPacer.intervalFor(FLOOR, 200, 600e6); // the in-memory lifecycle's rate
        assertThat(every).isEqualTo(4 * 1024 * 1024);
        assertThat(600e6 / every).isBetween(100.0, 200.0);
    }

    @Test
    void anUnknownRateKeepsTheFloorAndTheIntervalStopsAtOneGibibyte() {
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, Double.NaN)).isEqualTo(FLOOR);
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, 0)).isEqualTo(FLOOR);
        assertThat(AllocationPacer.intervalFor(FLOOR, 200, Double.POSITIVE_INFINITY)).isEqualTo(FLOOR);
        assertThat(AllocationPacer.intervalFor(FLOOR, 1, 1e15)).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void widensByStoppingAndResumingTheAgentAndReturnsToTheFloorForALighterCase() {
        AllocationPacer pacer = pacer(command -> {
            commands.add(command);
            return "";
        });
        assertThat(pacer.pace(600e6)).isEqualTo(4L * 1024 * 1024);
        assertThat(commands).containsExactly("stop,loglevel=warn", "new JFR chunk",
                "resume," + OPTIONS + ",alloc=4194304");
        commands.clear();
        assertThat(pacer.pace(610e6)).as("the same interval: the agent is left alone").isEqualTo(4L * 1024 * 1024);
        assertThat(commands).isEmpty();
        assertThat(pacer.pace(1e6)).isEqualTo(FLOOR);
        assertThat(commands).containsExactly("stop,loglevel=warn", "new JFR chunk",
                "resume," + OPTIONS + ",alloc=" + FLOOR);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRefusedIntervalResumesTheOldOneWithAWarning() {
        AllocationPacer pacer = pacer(command -> {
            commands.add(command);
            if (command.endsWith("alloc=4194304")) {
                throw new IllegalStateException("bad interval");
            }
            return "";
        });
        assertThat(pacer.pace(600e6)).isEqualTo(FLOOR);
        assertThat(commands).containsExactly("stop,loglevel=warn", "new JFR chunk",
                "resume," + OPTIONS + ",alloc=4194304",
                "resume," + OPTIONS + ",alloc=" + FLOOR);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("refused").contains("bad interval");
    }

    @Test
    void anAgentThatWillNotResumeIsReportedStoppedAndTriedAgainNextCase() {
        boolean[] resumes = {false};
        AllocationPacer pacer = pacer(command -> {
            commands.add(command);
            if (command.startsWith("resume") && !resumes[0]) {
                throw new IllegalStateException("busy");
            }
            return "";
        });
        assertThat(pacer.pace(600e6)).as("not sampling: no interval to report").isNull();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("did not resume");
        commands.clear();
        resumes[0] = true;
        assertThat(pacer.pace(1e6)).isEqualTo(FLOOR);
        assertThat(commands).as("no stop: it is stopped already")
                .containsExactly("resume," + OPTIONS + ",alloc=" + FLOOR);
    }

    @Test
    void anAgentThatCannotBeStoppedIsLeftAsItWas() {
        AllocationPacer pacer = pacer(command -> {
            commands.add(command);
            throw new UnsatisfiedLinkError("no agent");
        });
        assertThat(pacer.pace(600e6)).isEqualTo(FLOOR);
        assertThat(commands).containsExactly("stop,loglevel=warn");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("could not stop").contains("no agent");
    }

    @Test
    void aJfrChunkCanBeBrokenWithOrWithoutARecording() {
        AllocationPacer.newJfrChunk(); // none running here: it starts and stops one of its own
        try (jdk.jfr.Recording running = new jdk.jfr.Recording()) {
            running.start();
            AllocationPacer.newJfrChunk();
            assertThat(running.getState()).isEqualTo(jdk.jfr.RecordingState.RUNNING);
        }
    }

    @Test
    void onlyAPacingAskedForByTheParentIsMade() {
        System.clearProperty(AllocationPacer.PACING_PROPERTY);
        System.clearProperty(AllocationPacer.AGENT_PROPERTY);
        PrintStream out = new PrintStream(warnings, true, StandardCharsets.UTF_8);
        assertThat(AllocationPacer.fromSystemProperties(out)).isNull();
        try {
            System.setProperty(AllocationPacer.AGENT_PROPERTY, OPTIONS);
            System.setProperty(AllocationPacer.PACING_PROPERTY, "lots");
            assertThat(AllocationPacer.fromSystemProperties(out)).isNull();
            assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("not paced");
            System.setProperty(AllocationPacer.PACING_PROPERTY, "524288/200");
            assertThat(AllocationPacer.fromSystemProperties(out).interval()).isEqualTo(FLOOR);
        } finally {
            System.clearProperty(AllocationPacer.PACING_PROPERTY);
            System.clearProperty(AllocationPacer.AGENT_PROPERTY);
        }
    }

    private AllocationPacer pacer(AllocationPacer.Agent agent) {
        return new AllocationPacer(FLOOR, 200, OPTIONS, agent, () -> commands.add("new JFR chunk"),
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }
}
