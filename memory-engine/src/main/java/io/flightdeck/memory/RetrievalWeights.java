package io.flightdeck.memory;

import io.flightdeck.memory.error.InvalidConfigException;

/**
 * How much each part of relevance counts. Each part is in [0, 1]; the weights are normalised to sum to 1,
 * so a score is always in [0, 1].
 */
public record RetrievalWeights(double text, double context, double taskType, double recency, double reward) {

    public static final RetrievalWeights DEFAULT = new RetrievalWeights(0.45, 0.20, 0.10, 0.10, 0.15);

    public RetrievalWeights {
        double sum = text + context + taskType + recency + reward;
        // NaN fails every comparison, so the checks are written to pass only for good values
        if (!(valid(text) && valid(context) && valid(taskType) && valid(recency) && valid(reward))
                || !(sum > 0 && Double.isFinite(sum))) {
            throw new InvalidConfigException("retrieval weights must be finite, >= 0 and not all 0, with a finite "
                    + "sum; were text " + text + ", context " + context + ", taskType " + taskType + ", recency "
                    + recency + ", reward " + reward);
        }
        text /= sum;
        context /= sum;
        taskType /= sum;
        recency /= sum;
        reward /= sum;
    }

    private static boolean valid(double weight) {
        return Double.isFinite(weight) && weight >= 0;
    }
}
