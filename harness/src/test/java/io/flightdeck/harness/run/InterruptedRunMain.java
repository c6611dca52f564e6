package io.flightdeck.harness.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.testworkloads.HangingWorkload;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Workload;

/**
 * A run to interrupt: {@code test-hang} under a {@link ProfilingRun} with a time limit of an hour, in the run folder
 * named by its first argument; prints "child PID" once the child runs. {@link InterruptedRunTest} stops it as Ctrl-C
 * would.
 */
public final class InterruptedRunMain {

    private InterruptedRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Suite suite = new Suite("interrupted", "test", Scale.SMALL, 0, 0, 1, 100, 1, "64m", 3_600,
                List.of("test-hang"), List.of());
        RunPlan plan = new RunPlan("interrupted", Path.of(args[0]), suite, List.of(new HangingWorkload()),
                Map.of(), 42, "-XX:+UseSerialGC", false, "profile", false);
        new ProfilingRun().execute(plan, LeakCheckPlan.NONE, Budgets.defaults(), List.of(), new RunListener() {
            @Override
            public void childStarted(Workload workload, int fork, long pid) {
                System.out.println("child " + pid);
                System.out.flush();
            }
        });
    }
}
