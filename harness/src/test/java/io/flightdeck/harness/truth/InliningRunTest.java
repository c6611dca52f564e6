package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.cli.CommandLineRunner;
import io.flightdeck.harness.testworkloads.InliningWorkload;
import io.flightdeck.profiling.Ranked;

/**
 * Issue 17's acceptance: a slow method that the JIT inlines into its caller is the top self-time entry in a
 * {@code run} of a workload built for it. Needs the children to record with {@code -XX:+DebugNonSafepoints}.
 */
class InliningRunTest {

    @TempDir
    Path dir;

    @Test
    @Tag("issue17-pending")
    void theInlinedSlowMethodTopsARunsHotMethods() {
        Path out = dir.resolve("run");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-inlining", "--warmup", "1", "--iterations", "3",
                "--iteration-ms", "700", "--heap", "128m", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        List<Ranked> self = TruthCheck.readAnalysis(out.resolve("test-inlining/analysis.json")).cpu().hotBySelf();
        self.stream().limit(3).forEach(x -> System.out.printf("run test-inlining: %s %.1f%%%n", x.name(), x.percent()));
        assertThat(self).isNotEmpty();
        assertThat(self.get(0).name()).startsWith(InliningWorkload.SLOW_METHOD + "(");
    }
}
