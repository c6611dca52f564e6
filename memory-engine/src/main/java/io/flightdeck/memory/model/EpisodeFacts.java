package io.flightdeck.memory.model;


import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts taken once from an episode's steps and shared by reward, reflection and pattern extraction,
 * so that a 50-step episode is walked once, not once per consumer.
 *
 * @param failed     steps that ended in an error or a timeout
 * @param recoveries failed steps directly followed by a successful one
 */
public record EpisodeFacts(int steps, int succeeded, int failed, int timeouts, int recoveries, int distinctTools,
                           long totalLatencyMs) {

    public static EpisodeFacts of(List<ExecutionStep> steps) {
        int succeeded = 0;
        int failed = 0;
        int timeouts = 0;
        int recoveries = 0;
        long latency = 0;
        Set<String> tools = new HashSet<>();
        ExecutionStep previous = null;
        for (ExecutionStep step : steps) {
            tools.add(step.tool());
            latency = saturatedAdd(latency, step.latencyMs());
            if (step.succeeded()) {
                succeeded++;
                if (previous != null && previous.failed()) {
                    recoveries++;
                }
            } else if (step.failed()) {
                failed++;
                if (step.result() instanceof ExecutionResult.Timeout) {
                    timeouts++;
                }
            }
            previous = step;
        }
        return new EpisodeFacts(steps.size(), succeeded, failed, timeouts, recoveries, tools.size(), latency);
    }

    /** Latencies are the caller's numbers: a silly one must not wrap the sum around to a negative mean. */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Failed share of the steps that returned a result; 0 when none did. */
    public double errorRate() {
        int withResult = succeeded + failed;
        return withResult == 0 ? 0 : (double) failed / withResult;
    }

    /** Successful share of the steps that returned a result; 0 when none did. */
    public double successRate() {
        int withResult = succeeded + failed;
        return withResult == 0 ? 0 : (double) succeeded / withResult;
    }

    public double averageLatencyMs() {
        return steps == 0 ? 0 : (double) totalLatencyMs / steps;
    }
}
