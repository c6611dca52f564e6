package io.flightdeck.memory;

/**
 * How much each part of relevance counts. Each part is in [0, 1]; the weights are normalised to sum to 1,
 * so a score is always in [0, 1].
 */
public record RetrievalWeights(double text, double context, double taskType, double recency, double reward) {

    public static final RetrievalWeights DEFAULT = new RetrievalWeights(0.45, 0.20, 0.10, 0.10, 0.15);

    public RetrievalWeights {
        double sum = text + context + taskType + recency + reward;
        if (text < 0 || context < 0 || taskType < 0 || recency < 0 || reward < 0 || sum <= 0) {
            throw new IllegalArgumentException("retrieval weights must be >= 0 and not all 0");
        }
        text /= sum;
        context /= sum;
        taskType /= sum;
        recency /= sum;
        reward /= sum;
    }
}
