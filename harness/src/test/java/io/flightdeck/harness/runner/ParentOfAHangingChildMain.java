package io.flightdeck.harness.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.testworkloads.HangingWorkload;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Workload;

/**
 * A parent to kill: runs {@code test-hang} (which never ends by itself) under a {@link ForkedRunner} with a time
 * limit of an hour in the run folder named by its first argument, and prints "child PID" once the child runs.
 * {@link ParentDeathTest} kills it with SIGKILL.
 */
public final class ParentOfAHangingChildMain {

    private ParentOfAHangingChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Suite suite = new Suite("orphan", "test", Scale.SMALL, 0, 0, 1, 100, 1, "64m", 3_600, List.of("test-hang"),
                List.of());
        RunPlan plan = new RunPlan("orphan", Path.of(args[0]), suite, List.of(new HangingWorkload()),
                Map.of(), 42, "-XX:+UseSerialGC", false, "profile", false);
        new ForkedRunner(new RunListener() {
            @Override
            public void childStarted(Workload workload, int fork, long pid) {
                System.out.println("child " + pid);
                System.out.flush();
            }
        }).run(plan);
    }
}
