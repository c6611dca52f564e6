package io.flightdeck.memory.reflection;

import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.TaskOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule-based reflection on a completed episode: what went well, what to improve, what was learnt.
 * Each rule reads the steps and the outcome; none calls a model. Each list is capped at
 * {@link Reflection#MAX_ITEMS}, in the order the rules below are written (most telling first).
 */
public final class ReflectionGenerator {

    /** Steps above this count make the run "long". */
    static final int LONG_RUN_STEPS = 30;
    static final Duration LONG_RUN_TIME = Duration.ofMinutes(30);

    private ReflectionGenerator() {
    }

    public static Reflection reflect(List<ExecutionStep> steps, TaskOutcome outcome, EpisodeFacts facts,
                                     Duration duration) {
        List<String> successes = new ArrayList<>(Reflection.MAX_ITEMS);
        List<String> improvements = new ArrayList<>(Reflection.MAX_ITEMS);
        List<String> insights = new ArrayList<>(Reflection.MAX_ITEMS);

        outcomeNotes(outcome, facts, successes, improvements);
        if (facts.steps() > 0 && facts.failed() == 0) {
            successes.add("All " + facts.steps() + " tool calls succeeded");
        }
        if (facts.recoveries() > 0) {
            successes.add("Recovered from " + facts.recoveries() + (facts.recoveries() == 1 ? " error" : " errors"));
        }
        if (facts.distinctTools() >= 4) {
            successes.add("Used " + facts.distinctTools() + " different tools");
        }

        if (facts.failed() > 0) {
            improvements.add(facts.failed() + " of " + facts.steps() + " steps failed (error rate "
                    + Math.round(facts.errorRate() * 100) + "%)");
        }
        if (facts.timeouts() > 0) {
            improvements.add(facts.timeouts() + (facts.timeouts() == 1 ? " step" : " steps")
                    + " timed out; consider smaller inputs or a longer limit");
        }
        if (facts.steps() > LONG_RUN_STEPS) {
            improvements.add("Long run: " + facts.steps() + " steps; look for a shorter path");
        }
        if (duration.compareTo(LONG_RUN_TIME) > 0) {
            improvements.add("Took " + duration.toMinutes() + " minutes");
        }
        String repeated = longestRepeat(steps);
        if (repeated != null) {
            improvements.add(repeated);
        }

        toolInsights(steps, insights);
        if (facts.steps() > 0) {
            insights.add("Average step latency " + Math.round(facts.averageLatencyMs()) + " ms");
        }
        return new Reflection(successes, improvements, insights);
    }

    private static void outcomeNotes(TaskOutcome outcome, EpisodeFacts facts, List<String> successes,
                                     List<String> improvements) {
        if (outcome instanceof TaskOutcome.Success s) {
            successes.add("Completed the task in " + facts.steps() + (facts.steps() == 1 ? " step" : " steps")
                    + (s.artifacts().isEmpty() ? "" : ", producing " + s.artifacts().size()
                    + (s.artifacts().size() == 1 ? " artifact" : " artifacts")));
        } else if (outcome instanceof TaskOutcome.PartialSuccess p) {
            successes.add("Completed " + p.completed().size() + " of " + (p.completed().size() + p.failed().size())
                    + " parts");
            if (!p.failed().isEmpty()) {
                improvements.add("Unfinished: " + String.join(", ", p.failed().subList(0, Math.min(3, p.failed().size()))));
            }
        } else if (outcome instanceof TaskOutcome.Failure f) {
            improvements.add("Failed: " + f.reason());
        } else if (outcome instanceof TaskOutcome.Abstained a) {
            (a.stoppedAtStep() <= 3 ? successes : improvements)
                    .add("Abstained at step " + a.stoppedAtStep() + ": " + a.reason());
        }
    }

    /** The tool called most often in a row, when it ran three or more times back to back. */
    private static String longestRepeat(List<ExecutionStep> steps) {
        String bestTool = null;
        int best = 0;
        int run = 0;
        String current = null;
        for (ExecutionStep step : steps) {
            run = step.tool().equals(current) ? run + 1 : 1;
            current = step.tool();
            if (run > best) {
                best = run;
                bestTool = current;
            }
        }
        return best >= 3 ? "Called " + bestTool + " " + best + " times in a row" : null;
    }

    private static void toolInsights(List<ExecutionStep> steps, List<String> insights) {
        if (steps.isEmpty()) {
            return;
        }
        Map<String, int[]> calls = new HashMap<>();
        Map<String, long[]> latency = new HashMap<>();
        ExecutionStep previous = null;
        String recovery = null;
        for (ExecutionStep step : steps) {
            calls.computeIfAbsent(step.tool(), t -> new int[1])[0]++;
            long[] sum = latency.computeIfAbsent(step.tool(), t -> new long[1]);
            sum[0] = sum[0] > Long.MAX_VALUE - step.latencyMs() ? Long.MAX_VALUE : sum[0] + step.latencyMs();
            if (recovery == null && previous != null && previous.failed() && step.succeeded()) {
                recovery = (previous.result() instanceof ExecutionResult.Timeout ? "A timeout of " : "An error from ")
                        + previous.tool() + " was followed by a successful " + step.tool();
            }
            previous = step;
        }
        String mostUsed = null;
        String slowest = null;
        double slowestAvg = -1;
        for (Map.Entry<String, int[]> e : calls.entrySet()) {
            String tool = e.getKey();
            int n = e.getValue()[0];
            if (mostUsed == null || n > calls.get(mostUsed)[0] || (n == calls.get(mostUsed)[0] && tool.compareTo(mostUsed) < 0)) {
                mostUsed = tool;
            }
            double avg = (double) latency.get(tool)[0] / n;
            if (slowest == null || avg > slowestAvg || (avg == slowestAvg && tool.compareTo(slowest) < 0)) {
                slowestAvg = avg;
                slowest = tool;
            }
        }
        insights.add("Most used tool: " + mostUsed + " (" + calls.get(mostUsed)[0] + " calls)");
        if (recovery != null) {
            insights.add(recovery);
        }
        insights.add("Slowest tool on average: " + slowest + " (" + Math.round(slowestAvg) + " ms)");
    }
}
