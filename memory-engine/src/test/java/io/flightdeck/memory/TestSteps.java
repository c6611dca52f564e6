package io.flightdeck.memory;

import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-made steps for tests: {@code ok("grep")}, {@code err("compile", "error: cannot find symbol")}. */
public final class TestSteps {

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /**
     * Step numbers must increase within an episode; one counter for every step made keeps them increasing in the
     * order a test makes and logs them, whichever episode they go to.
     */
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1);

    private TestSteps() {
    }

    public static ExecutionStep ok(String tool) {
        return step(tool, "run " + tool, ExecutionResult.success("ok"));
    }

    public static ExecutionStep ok(String tool, String action) {
        return step(tool, action, ExecutionResult.success("ok"));
    }

    public static ExecutionStep err(String tool, String message) {
        return step(tool, "run " + tool, ExecutionResult.error(message));
    }

    public static ExecutionStep err(String tool, String action, String message) {
        return step(tool, action, ExecutionResult.error(message));
    }

    public static ExecutionStep timeout(String tool) {
        return step(tool, "run " + tool, ExecutionResult.timeout());
    }

    public static ExecutionStep step(String tool, String action, ExecutionResult result) {
        return ExecutionStep.of(NEXT_NUMBER.getAndIncrement(), T0, tool, action, "{\"arg\":1}", result, 100);
    }

    /** {@code n} successful steps cycling through the given tools. */
    public static List<ExecutionStep> okCycle(int n, String... tools) {
        List<ExecutionStep> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(ok(tools[i % tools.length]));
        }
        return steps;
    }
}
