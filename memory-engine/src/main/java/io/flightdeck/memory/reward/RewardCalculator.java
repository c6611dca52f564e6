package io.flightdeck.memory.reward;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskOutcome;

import java.time.Duration;

/**
 * Scores a completed episode (ENGINE.md, lifecycle step 2):
 * {@code total = max(0, base + abstention) * efficiency * complexity * quality + learning}.
 *
 * <ul>
 *   <li>base: Success 1; PartialSuccess completed / (completed + failed), 0.5 when both are 0; Failure 0;
 *       Abstained 0.3.</li>
 *   <li>abstention (Abstained only): +0.5 when stopped at step 3 or earlier, -0.3 at step 10 or later, linear
 *       in between.</li>
 *   <li>efficiency = 0.5 d + 0.5 s clamped to [0.5, 1.5]; d = 0.5 + e^(-minutes / 2), s = 0.5 + e^(-steps / 20).</li>
 *   <li>complexity 1.0 / 1.1 / 1.2.</li>
 *   <li>quality = 1 - errorRate + 0.1 per artifact (at most 5), clamped to [0.5, 1.5].</li>
 *   <li>learning = min(0.5, min(0.3, 0.1 per new pattern) + 0.1 * min(1, distinct tools / 5)
 *       + min(0.1, 0.05 per recovered error)).</li>
 * </ul>
 */
public final class RewardCalculator {

    public static final double MAX_LEARNING_BONUS = 0.5;

    private RewardCalculator() {
    }

    public static RewardScore score(TaskOutcome outcome, EpisodeFacts facts, Duration duration, Complexity complexity,
                                    int newPatterns) {
        double base = base(outcome);
        double abstention = abstention(outcome);
        double efficiency = efficiency(duration, facts.steps());
        double complexityBonus = complexity.rewardMultiplier();
        double quality = quality(outcome, facts);
        double learning = learningBonus(newPatterns, facts);
        double total = Math.max(0, base + abstention) * efficiency * complexityBonus * quality + learning;
        return new RewardScore(total, base, abstention, efficiency, complexityBonus, quality, learning);
    }

    public static double base(TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Success) {
            return 1.0;
        } else if (outcome instanceof TaskOutcome.PartialSuccess p) {
            int done = p.completed().size();
            int notDone = p.failed().size();
            return done + notDone == 0 ? 0.5 : (double) done / (done + notDone);
        } else if (outcome instanceof TaskOutcome.Abstained) {
            return 0.3;
        }
        return 0.0;
    }

    public static double abstention(TaskOutcome outcome) {
        if (!(outcome instanceof TaskOutcome.Abstained a)) {
            return 0.0;
        }
        int step = a.stoppedAtStep();
        if (step <= 3) {
            return 0.5;
        }
        if (step >= 10) {
            return -0.3;
        }
        return 0.5 - 0.8 * (step - 3) / 7.0;
    }

    public static double efficiency(Duration duration, int steps) {
        double minutes = Math.max(0, duration.toMillis()) / 60_000.0;
        double d = 0.5 + Math.exp(-minutes / 2);
        double s = 0.5 + Math.exp(-steps / 20.0);
        return clamp(0.5 * d + 0.5 * s, 0.5, 1.5);
    }

    /** How clean the work was, whatever the outcome; also what the opt-in learning threshold compares with. */
    public static double quality(TaskOutcome outcome, EpisodeFacts facts) {
        int artifacts = outcome instanceof TaskOutcome.Success s ? s.artifacts().size() : 0;
        return clamp(1.0 - facts.errorRate() + 0.1 * Math.min(artifacts, 5), 0.5, 1.5);
    }

    public static double learningBonus(int newPatterns, EpisodeFacts facts) {
        double patterns = Math.min(0.3, 0.1 * newPatterns);
        double diversity = 0.1 * Math.min(1.0, facts.distinctTools() / 5.0);
        double recoveries = Math.min(0.1, 0.05 * facts.recoveries());
        return Math.min(MAX_LEARNING_BONUS, patterns + diversity + recoveries);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
