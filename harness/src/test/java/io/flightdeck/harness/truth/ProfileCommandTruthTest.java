package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.harness.cli.CommandLineRunner;

/**
 * Issue 17's acceptance as a user meets it: {@code flightdeck profile -- java …} on programs nobody in the project
 * wrote, its {@code analysis.json} against the program's own truth. The command does not exist before the sampler
 * work is merged; {@link #profile} is the one place that knows its options.
 */
class ProfileCommandTruthTest {

    static final double POINTS = 3;

    @TempDir
    Path dir;

    @Test
    void cpuSplitThroughTheProfileCommand() {
        Path truthFile = dir.resolve("truth.json");
        Path out = profile(CpuSplitProgram.class, truthFile);
        JsonNode truth = TruthCheck.readTruth(truthFile);
        ProfileFigures profile = ProfileFigures.of(TruthCheck.readAnalysis(out.resolve("analysis.json")));
        List<TruthCheck.Row> rows = new ArrayList<>(TruthCheck.cpuByMethod("CpuSplitProgram, profile command", truth,
                profile));
        rows.addAll(TruthCheck.cpuByThread("CpuSplitProgram, profile command", truth, profile));
        TruthCheck.recordAndAssertWithin(rows, POINTS);
    }

    @Test
    void allocationSplitThroughTheProfileCommand() {
        Path truthFile = dir.resolve("truth.json");
        Path out = profile(AllocationSplitProgram.class, truthFile);
        TruthCheck.recordAndAssertWithin(TruthCheck.allocationBySite("AllocationSplitProgram, profile command",
                TruthCheck.readTruth(truthFile), ProfileFigures.of(TruthCheck.readAnalysis(out.resolve("analysis.json")))),
                POINTS);
    }

    @Test
    void contentionThroughTheProfileCommand() {
        Path truthFile = dir.resolve("truth.json");
        Path out = profile(ContentionProgram.class, truthFile);
        ProfileFigures profile = ProfileFigures.of(TruthCheck.readAnalysis(out.resolve("analysis.json")));
        TruthCheck.record(TruthCheck.blockedByThread("ContentionProgram, profile command",
                TruthCheck.readTruth(truthFile), profile));
        assertThat(profile.blockedThreads()).contains("contender-1", "contender-2", "contender-3", "contender-4")
                .doesNotContain("idle-scheduler", "sleeper");
    }

    /** {@code flightdeck profile --out DIR -- java -cp … Program truthFile}; returns DIR, where analysis.json is. */
    private Path profile(Class<?> program, Path truthFile) {
        Path out = dir.resolve("profile");
        CommandLineRunner r = CommandLineRunner.run("profile", "--out", out.toString(), "--",
                Jdk.current().java().toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                program.getName(), truthFile.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return out;
    }
}
