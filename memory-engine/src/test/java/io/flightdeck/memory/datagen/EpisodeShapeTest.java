package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Step counts, the result mix, recoveries, decision points and outcomes look like real agent work. */
class EpisodeShapeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 25, 50, 1000})
    void exactStepCountsAreHonoured(int steps) {
        EpisodeGenerator g = new EpisodeGenerator(steps);
        for (int i = 0; i < 20; i++) {
            GeneratedEpisode e = g.next(steps);
            assertThat(e.steps()).hasSize(steps);
            for (int k = 0; k < steps; k++) {
                ExecutionStep s = e.steps().get(k);
                assertThat(s.stepNumber()).isEqualTo(k + 1);
                assertThat(s.result()).isNotNull();
                if (k > 0) {
                    assertThat(s.timestamp()).isAfter(e.steps().get(k - 1).timestamp());
                }
            }
        }
    }

    @Test
    void defaultStepCountsSpanTheConfiguredRange() {
        EpisodeGenerator g = new EpisodeGenerator(12);
        int[] seen = new int[11];
        for (GeneratedEpisode e : g.batch(2_000)) {
            assertThat(e.steps().size()).isBetween(5, 10);
            seen[e.steps().size()]++;
        }
        for (int n = 5; n <= 10; n++) {
            assertThat(seen[n]).as("episodes with %d steps", n).isGreaterThan(100);
        }
        EpisodeGenerator fixed = new EpisodeGenerator(12, GeneratorConfig.defaults().withExactSteps(3));
        assertThat(fixed.batch(50)).allSatisfy(e -> assertThat(e.steps()).hasSize(3));
    }

    @Test
    void defaultResultMixIsAbout80_15_5() {
        double[] mix = mix(new EpisodeGenerator(31), 5_000);
        assertThat(mix[0]).isCloseTo(0.80, within(0.015));
        assertThat(mix[1]).isCloseTo(0.15, within(0.015));
        assertThat(mix[2]).isCloseTo(0.05, within(0.01));
    }

    @Test
    void configuredResultMixIsHonoured() {
        GeneratorConfig config = GeneratorConfig.defaults().withMix(0.5, 0.3, 0.2);
        double[] mix = mix(new EpisodeGenerator(32, config), 5_000);
        assertThat(mix[0]).isCloseTo(0.5, within(0.02));
        assertThat(mix[1]).isCloseTo(0.3, within(0.02));
        assertThat(mix[2]).isCloseTo(0.2, within(0.02));

        double[] clean = mix(new EpisodeGenerator(33, GeneratorConfig.defaults().withMix(1, 0, 0)), 500);
        assertThat(clean[0]).isEqualTo(1.0);
    }

    private static double[] mix(EpisodeGenerator g, int episodes) {
        long ok = 0;
        long err = 0;
        long timeout = 0;
        for (int i = 0; i < episodes; i++) {
            for (ExecutionStep s : g.next().steps()) {
                if (s.result() instanceof ExecutionResult.Success) {
                    ok++;
                } else if (s.result() instanceof ExecutionResult.Error) {
                    err++;
                } else {
                    timeout++;
                }
            }
        }
        double total = ok + err + timeout;
        return new double[] {ok / total, err / total, timeout / total};
    }

    @Test
    void errorsAreOftenFollowedByARecovery() {
        int withFailure = 0;
        int recovered = 0;
        for (GeneratedEpisode e : new EpisodeGenerator(41).batch(5_000)) {
            boolean failed = false;
            boolean recovery = false;
            List<ExecutionStep> steps = e.steps();
            for (int k = 0; k < steps.size(); k++) {
                if (steps.get(k).failed()) {
                    failed = true;
                    recovery |= k + 1 < steps.size() && steps.get(k + 1).succeeded();
                }
            }
            withFailure += failed ? 1 : 0;
            recovered += recovery ? 1 : 0;
        }
        // about 70 % of 5-10-step episodes have a failed call; most of them recover right after
        assertThat(recovered).isGreaterThan(5_000 * 45 / 100);
        assertThat((double) recovered / withFailure).isGreaterThan(0.7);
    }

    @Test
    void manyActionsAreDecisionPointsAndTheyRecur() {
        Map<String, Integer> decisionActions = new HashMap<>();
        int episodesWithDecision = 0;
        int episodes = 5_000;
        for (GeneratedEpisode e : new EpisodeGenerator(42).batch(episodes)) {
            boolean any = false;
            for (ExecutionStep s : e.steps()) {
                String a = s.action().toLowerCase(Locale.ROOT);
                assertThat(a).isNotBlank();
                if (a.contains("check") || a.contains("verify") || a.contains("validate")) {
                    any = true;
                    decisionActions.merge(s.action(), 1, Integer::sum);
                }
            }
            episodesWithDecision += any ? 1 : 0;
        }
        assertThat(episodesWithDecision).isGreaterThan(episodes / 2);
        assertThat(decisionActions.keySet()).anyMatch(a -> a.contains("verify"))
                .anyMatch(a -> a.contains("check")).anyMatch(a -> a.contains("validate"));
        // the most common decision recurs in a good share of episodes, so heuristics can form
        assertThat(decisionActions.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .isGreaterThan(episodes / 10);
    }

    @Test
    void outcomesAgreeWithTheSteps() {
        Map<Class<?>, Integer> kinds = new HashMap<>();
        Map<TaskType, Integer> types = new EnumMap<>(TaskType.class);
        int episodes = 5_000;
        for (GeneratedEpisode e : new EpisodeGenerator(43).batch(episodes)) {
            TaskOutcome o = e.outcome();
            kinds.merge(o.getClass(), 1, Integer::sum);
            types.merge(e.taskType(), 1, Integer::sum);
            ExecutionStep last = e.steps().get(e.steps().size() - 1);
            if (last.failed()) {
                assertThat(o).isNotInstanceOf(TaskOutcome.Success.class);
            }
            if (o instanceof TaskOutcome.Abstained a) {
                assertThat(a.stoppedAtStep()).isEqualTo(e.steps().size());
            }
            if (o instanceof TaskOutcome.Success s && e.taskType() != TaskType.OTHER) {
                assertThat(s.artifacts()).isNotEmpty();
            }
            if (o instanceof TaskOutcome.Failure f) {
                assertThat(f.reason()).isNotBlank();
            }
        }
        assertThat(kinds.get(TaskOutcome.Success.class)).isBetween(episodes * 50 / 100, episodes * 80 / 100);
        assertThat(kinds.get(TaskOutcome.PartialSuccess.class)).isGreaterThan(episodes * 5 / 100);
        assertThat(kinds.get(TaskOutcome.Failure.class)).isGreaterThan(episodes * 5 / 100);
        assertThat(kinds.get(TaskOutcome.Abstained.class)).isGreaterThan(episodes * 2 / 100);
        assertThat(types).hasSize(TaskType.values().length);
        assertThat(types.values()).allSatisfy(n -> assertThat(n).isGreaterThan(episodes * 5 / 100));
    }

    @Test
    void latenciesAndTokensArePlausiblePerTool() {
        for (GeneratedEpisode e : new EpisodeGenerator(44).batch(2_000)) {
            for (ExecutionStep s : e.steps()) {
                assertThat(s.tokensUsed()).isPositive();
                if (s.result() instanceof ExecutionResult.Timeout) {
                    assertThat(s.latencyMs()).isGreaterThanOrEqualTo(10_000);
                    continue;
                }
                switch (s.tool()) {
                    case "compile" -> assertThat(s.latencyMs()).isBetween(2_000L, 20_000L);
                    case "grep" -> assertThat(s.latencyMs()).isBetween(20L, 300L);
                    case "read_file" -> assertThat(s.latencyMs()).isBetween(4L, 80L);
                    case "run_tests" -> assertThat(s.latencyMs()).isBetween(1_500L, 90_000L);
                    default -> assertThat(s.latencyMs()).isBetween(1L, 30_000L);
                }
            }
        }
    }
}
