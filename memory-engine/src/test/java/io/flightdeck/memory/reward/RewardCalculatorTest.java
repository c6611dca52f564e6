package io.flightdeck.memory.reward;

import io.flightdeck.memory.TestSteps;
import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RewardCalculatorTest {

    private static final double EPS = 1e-6;

    @Test
    void workedExampleOfAWholeScore() {
        // 10 successful steps over 5 tools in 4 minutes, moderate task, 2 artifacts, 3 new patterns.
        List<ExecutionStep> steps = TestSteps.okCycle(10, "read_file", "grep", "edit_file", "compile", "run_tests");
        EpisodeFacts facts = EpisodeFacts.of(steps);
        RewardScore r = RewardCalculator.score(new TaskOutcome.Success("done", List.of("a.java", "b.java")), facts,
                Duration.ofMinutes(4), Complexity.MODERATE, 3);

        // d = 0.5 + e^-2 = 0.635335, s = 0.5 + e^-0.5 = 1.106531, efficiency = (d + s) / 2 = 0.870933
        assertThat(r.base()).isEqualTo(1.0);
        assertThat(r.abstention()).isEqualTo(0.0);
        assertThat(r.efficiency()).isCloseTo(0.870933, within(EPS));
        assertThat(r.complexityBonus()).isEqualTo(1.1);
        assertThat(r.qualityMultiplier()).isCloseTo(1.2, within(EPS));          // 1 - 0 errors + 0.1 * 2 artifacts
        assertThat(r.learningBonus()).isCloseTo(0.4, within(EPS));              // 0.3 patterns + 0.1 diversity
        assertThat(r.total()).isCloseTo(1.0 * 0.870933 * 1.1 * 1.2 + 0.4, within(EPS)); // 1.549632
    }

    @Test
    void baseTermPerOutcome() {
        assertThat(RewardCalculator.base(new TaskOutcome.Success("", List.of()))).isEqualTo(1.0);
        assertThat(RewardCalculator.base(new TaskOutcome.PartialSuccess("", List.of("a", "b", "c"), List.of("d"))))
                .isEqualTo(0.75);
        assertThat(RewardCalculator.base(new TaskOutcome.PartialSuccess("", List.of(), List.of()))).isEqualTo(0.5);
        assertThat(RewardCalculator.base(new TaskOutcome.Failure("broke", null))).isEqualTo(0.0);
        assertThat(RewardCalculator.base(new TaskOutcome.Abstained("unsure", 2))).isEqualTo(0.3);
    }

    @Test
    void abstentionRewardsStoppingEarlyAndPenalisesStoppingLate() {
        assertThat(RewardCalculator.abstention(new TaskOutcome.Abstained("x", 0))).isEqualTo(0.5);
        assertThat(RewardCalculator.abstention(new TaskOutcome.Abstained("x", 3))).isEqualTo(0.5);
        assertThat(RewardCalculator.abstention(new TaskOutcome.Abstained("x", 6))).isCloseTo(0.5 - 0.8 * 3 / 7, within(EPS));
        assertThat(RewardCalculator.abstention(new TaskOutcome.Abstained("x", 10))).isEqualTo(-0.3);
        assertThat(RewardCalculator.abstention(new TaskOutcome.Abstained("x", 40))).isEqualTo(-0.3);
        assertThat(RewardCalculator.abstention(new TaskOutcome.Success("", List.of()))).isEqualTo(0.0);
    }

    @Test
    void lateAbstentionNeverGoesNegative() {
        RewardScore r = RewardCalculator.score(new TaskOutcome.Abstained("x", 12), EpisodeFacts.of(List.of()),
                Duration.ZERO, Complexity.SIMPLE, 0);
        // base 0.3 - 0.3 = 0, floored at 0; only learning remains (no steps: 0)
        assertThat(r.total()).isEqualTo(0.0);
    }

    @Test
    void efficiencyIsClampedToItsRange() {
        assertThat(RewardCalculator.efficiency(Duration.ZERO, 0)).isCloseTo(1.5, within(EPS));
        assertThat(RewardCalculator.efficiency(Duration.ofHours(10), 1000)).isCloseTo(0.5, within(EPS));
        // 2 minutes, 20 steps: d = 0.5 + e^-1, s = 0.5 + e^-1 -> 0.867879
        assertThat(RewardCalculator.efficiency(Duration.ofMinutes(2), 20)).isCloseTo(0.5 + Math.exp(-1), within(EPS));
    }

    @Test
    void qualityFallsWithErrorsAndRisesWithArtifacts() {
        List<ExecutionStep> steps = new ArrayList<>(TestSteps.okCycle(6, "grep"));
        for (int i = 0; i < 4; i++) {
            steps.add(err("compile", "error: cannot find symbol"));
        }
        EpisodeFacts fortyPercentErrors = EpisodeFacts.of(steps);
        assertThat(RewardCalculator.quality(new TaskOutcome.Failure("x", null), fortyPercentErrors))
                .isCloseTo(0.6, within(EPS));
        List<ExecutionStep> mostlyErrors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mostlyErrors.add(err("compile", "boom"));
        }
        mostlyErrors.add(ok("grep"));
        assertThat(RewardCalculator.quality(new TaskOutcome.Failure("x", null), EpisodeFacts.of(mostlyErrors)))
                .isEqualTo(0.5);
        List<String> tenArtifacts = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(RewardCalculator.quality(new TaskOutcome.Success("", tenArtifacts), EpisodeFacts.of(List.of(ok("grep")))))
                .isEqualTo(1.5);
    }

    @Test
    void complexityMultiplierPerLevel() {
        EpisodeFacts facts = EpisodeFacts.of(List.of(ok("grep")));
        TaskOutcome success = new TaskOutcome.Success("", List.of());
        double simple = RewardCalculator.score(success, facts, Duration.ZERO, Complexity.SIMPLE, 0).total();
        double complex = RewardCalculator.score(success, facts, Duration.ZERO, Complexity.COMPLEX, 0).total();
        double learning = RewardCalculator.learningBonus(0, facts);
        assertThat((complex - learning) / (simple - learning)).isCloseTo(1.2, within(EPS));
    }

    @Test
    void learningBonusTermsAndItsCap() {
        EpisodeFacts oneTool = EpisodeFacts.of(List.of(ok("grep")));
        assertThat(RewardCalculator.learningBonus(0, oneTool)).isCloseTo(0.02, within(EPS));      // 0.1 * 1/5
        assertThat(RewardCalculator.learningBonus(2, oneTool)).isCloseTo(0.22, within(EPS));      // + 0.2
        assertThat(RewardCalculator.learningBonus(9, oneTool)).isCloseTo(0.32, within(EPS));      // patterns cap 0.3

        List<ExecutionStep> recovering = new ArrayList<>();
        String[] tools = {"grep", "read_file", "edit_file", "compile", "run_tests"};
        for (String tool : tools) {
            recovering.add(err(tool, "failed"));
            recovering.add(ok(tool));
        }
        EpisodeFacts fiveRecoveries = EpisodeFacts.of(recovering);
        assertThat(fiveRecoveries.recoveries()).isEqualTo(5);
        assertThat(RewardCalculator.learningBonus(0, fiveRecoveries)).isCloseTo(0.2, within(EPS)); // 0.1 + 0.1 cap
        assertThat(RewardCalculator.learningBonus(5, fiveRecoveries)).isEqualTo(RewardCalculator.MAX_LEARNING_BONUS);
    }

    @Test
    void failureEarnsOnlyItsLearningBonus() {
        List<ExecutionStep> steps = List.of(err("compile", "x"), ok("edit_file"));
        EpisodeFacts facts = EpisodeFacts.of(steps);
        RewardScore r = RewardCalculator.score(new TaskOutcome.Failure("gave up", null), facts, Duration.ofMinutes(1),
                Complexity.COMPLEX, 1);
        assertThat(r.total()).isCloseTo(0.1 + 0.1 * 2 / 5 + 0.05, within(EPS));
    }
}
