package io.flightdeck.maven;

import java.io.IOException;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.flightdeck.harness.run.LeakCheckOptions;

/**
 * Checks whether the live heap grows while workloads run, on the project's class path ({@code flightdeck
 * leak-check}); a leak found is a failed check. The project is compiled first, test classes included.
 */
@Mojo(name = "leak-check", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class LeakCheckMojo extends AbstractWorkloadMojo {

    /** How long each workload is watched after warm-up, e.g. 60s, 5m (default 60s). */
    @Parameter(property = "flightdeck.duration")
    String duration;

    /** Milliseconds between two checkpoints, each a full collection (default 1000). */
    @Parameter(property = "flightdeck.checkpointMs")
    Long checkpointMs;

    /** Most heap growth per operation, e.g. 16 or 1KiB (default: the budgets file's, else 16 B). */
    @Parameter(property = "flightdeck.limitBytesPerOp")
    String limitBytesPerOp;

    /** Most heap growth per second, e.g. 64KiB (default: the budgets file's, else 64 KiB). */
    @Parameter(property = "flightdeck.limitBytesPerS")
    String limitBytesPerS;

    @Override
    FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws IOException {
        return flightdeck.leakCheck(options(), childJvm());
    }

    /** The check's options from the parameters; what is not given is left to the library's defaults. */
    LeakCheckOptions.Builder options() {
        LeakCheckOptions.Builder b = LeakCheckOptions.builder().workloads(workloadNames()).parameters(parameters())
                .budgets(budgetsFile()).history(!noHistory)
                .limitBytesPerOperation(LeakCheckOptions.parseBytes("--limit-bytes-per-op", limitBytesPerOp))
                .limitBytesPerSecond(LeakCheckOptions.parseBytes("--limit-bytes-per-s", limitBytesPerS))
                .arguments(arguments("leak-check").add("duration", duration).add("checkpointMs", checkpointMs)
                        .add("limitBytesPerOp", limitBytesPerOp).add("limitBytesPerS", limitBytesPerS).list());
        if (duration != null) {
            b.durationSeconds(LeakCheckOptions.parseDuration(duration));
        }
        if (checkpointMs != null) {
            b.checkpointMillis(checkpointMs);
        }
        if (heap != null) {
            b.heap(heap);
        }
        return b;
    }
}
