package io.flightdeck.memory;

import io.flightdeck.memory.error.InvalidConfigException;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything about the engine's behaviour that a user may tune. Build one with {@link #builder()};
 * {@link #defaults()} is what ENGINE.md describes.
 *
 * @param stepFlushCount        buffered steps of one episode are persisted once this many are waiting
 * @param stepFlushInterval     ... or once the oldest waiting step is this old (checked when a step arrives)
 * @param maxEpisodes           completed episodes kept; 0 means no limit
 * @param evictionSampleSize    eviction looks at this many random episodes and removes the worst (exact when
 *                              the store holds no more than this many); sampling keeps eviction O(1) and lock-free
 * @param recencyHalfLife       an episode this old scores half on recency
 * @param candidatesPerTerm     retrieval scores at most this many (newest) postings of each query term: rare,
 *                              specific terms are always scored in full, only very common ones are cut
 * @param mmrLambda             0..1 to re-rank results for diversity (1 = relevance only); null = off
 * @param successThreshold      step success rate from which a tool sequence is learnt
 * @param maxSequenceLength     longest tool sequence learnt
 * @param heuristicMinSamples   decision points seen at least this often become heuristic candidates
 * @param heuristicMinConfidence ... when {@code successRate * sqrt(n)} reaches this
 * @param learningQualityThreshold opt-in: episodes whose quality multiplier is below it are stored but not learnt
 *                              from; null = learn from every episode
 */
public record MemoryConfig(
        int stepFlushCount,
        Duration stepFlushInterval,
        int maxEpisodes,
        EvictionPolicy evictionPolicy,
        int evictionSampleSize,
        InputLimits limits,
        RetrievalWeights weights,
        Duration recencyHalfLife,
        int candidatesPerTerm,
        Double mmrLambda,
        double successThreshold,
        int maxSequenceLength,
        int heuristicMinSamples,
        double heuristicMinConfidence,
        Double learningQualityThreshold,
        Clock clock) {

    /** Sampling more than this for one eviction costs more than it helps (each sample is compared to the rest). */
    public static final int MAX_EVICTION_SAMPLE_SIZE = 1_000;
    /** The shortest half-life recency can use: it is computed in milliseconds. */
    public static final Duration MIN_RECENCY_HALF_LIFE = Duration.ofMillis(1);
    /** The longest: a longer one does not fit a long of milliseconds; at this length, recency is flat anyway. */
    public static final Duration MAX_RECENCY_HALF_LIFE = Duration.ofMillis(Long.MAX_VALUE);

    public MemoryConfig {
        given(stepFlushInterval, "stepFlushInterval");
        given(evictionPolicy, "evictionPolicy");
        given(limits, "limits");
        given(weights, "weights");
        given(recencyHalfLife, "recencyHalfLife");
        given(clock, "clock");
        require(stepFlushCount >= 1, "stepFlushCount must be >= 1, was " + stepFlushCount);
        require(!stepFlushInterval.isNegative(), "stepFlushInterval must not be negative (0 = flush every step), was "
                + stepFlushInterval);
        require(maxEpisodes >= 0, "maxEpisodes must be >= 0 (0 = unlimited), was " + maxEpisodes);
        require(evictionSampleSize >= 1 && evictionSampleSize <= MAX_EVICTION_SAMPLE_SIZE,
                "evictionSampleSize must be between 1 and " + MAX_EVICTION_SAMPLE_SIZE + ", was " + evictionSampleSize);
        require(recencyHalfLife.compareTo(MIN_RECENCY_HALF_LIFE) >= 0
                        && recencyHalfLife.compareTo(MAX_RECENCY_HALF_LIFE) <= 0,
                "recencyHalfLife must be between 1 ms and " + MAX_RECENCY_HALF_LIFE + ", was " + recencyHalfLife);
        require(candidatesPerTerm >= 1, "candidatesPerTerm must be >= 1, was " + candidatesPerTerm);
        require(mmrLambda == null || (mmrLambda >= 0 && mmrLambda <= 1), "mmrLambda must be in [0, 1], was "
                + mmrLambda);
        require(successThreshold >= 0 && successThreshold <= 1, "successThreshold must be in [0, 1], was "
                + successThreshold);
        require(maxSequenceLength >= 2, "maxSequenceLength must be >= 2, was " + maxSequenceLength);
        require(heuristicMinSamples >= 1, "heuristicMinSamples must be >= 1, was " + heuristicMinSamples);
        // confidence = successRate * sqrt(n) grows past 1 with n, so only a floor, and a finite one
        require(Double.isFinite(heuristicMinConfidence) && heuristicMinConfidence >= 0,
                "heuristicMinConfidence must be a finite number >= 0, was " + heuristicMinConfidence);
        require(learningQualityThreshold == null
                        || (Double.isFinite(learningQualityThreshold) && learningQualityThreshold >= 0),
                "learningQualityThreshold must be a finite number >= 0 or null (learn from every episode), was "
                        + learningQualityThreshold);
    }

    public static MemoryConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.stepFlushCount = stepFlushCount;
        b.stepFlushInterval = stepFlushInterval;
        b.maxEpisodes = maxEpisodes;
        b.evictionPolicy = evictionPolicy;
        b.evictionSampleSize = evictionSampleSize;
        b.limits = limits;
        b.weights = weights;
        b.recencyHalfLife = recencyHalfLife;
        b.candidatesPerTerm = candidatesPerTerm;
        b.mmrLambda = mmrLambda;
        b.successThreshold = successThreshold;
        b.maxSequenceLength = maxSequenceLength;
        b.heuristicMinSamples = heuristicMinSamples;
        b.heuristicMinConfidence = heuristicMinConfidence;
        b.learningQualityThreshold = learningQualityThreshold;
        b.clock = clock;
        return b;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidConfigException(message);
        }
    }

    private static void given(Object value, String setting) {
        if (value == null) {
            throw new InvalidConfigException(setting + " must be given");
        }
    }

    public static final class Builder {
        private int stepFlushCount = 20;
        private Duration stepFlushInterval = Duration.ofMillis(500);
        private int maxEpisodes = 0;
        private EvictionPolicy evictionPolicy = EvictionPolicy.LOWEST_VALUE;
        private int evictionSampleSize = 16;
        private InputLimits limits = InputLimits.DEFAULT;
        private RetrievalWeights weights = RetrievalWeights.DEFAULT;
        private Duration recencyHalfLife = Duration.ofDays(7);
        private int candidatesPerTerm = 4_096;
        private Double mmrLambda = null;
        private double successThreshold = 0.7;
        private int maxSequenceLength = 5;
        private int heuristicMinSamples = 2;
        private double heuristicMinConfidence = 0.7;
        private Double learningQualityThreshold = null;
        private Clock clock = Clock.systemUTC();

        public Builder stepFlushCount(int v) { stepFlushCount = v; return this; }
        public Builder stepFlushInterval(Duration v) { stepFlushInterval = v; return this; }
        public Builder maxEpisodes(int v) { maxEpisodes = v; return this; }
        public Builder evictionPolicy(EvictionPolicy v) { evictionPolicy = v; return this; }
        public Builder evictionSampleSize(int v) { evictionSampleSize = v; return this; }
        public Builder limits(InputLimits v) { limits = v; return this; }
        public Builder weights(RetrievalWeights v) { weights = v; return this; }
        public Builder recencyHalfLife(Duration v) { recencyHalfLife = v; return this; }
        public Builder candidatesPerTerm(int v) { candidatesPerTerm = v; return this; }
        public Builder mmrLambda(Double v) { mmrLambda = v; return this; }
        public Builder successThreshold(double v) { successThreshold = v; return this; }
        public Builder maxSequenceLength(int v) { maxSequenceLength = v; return this; }
        public Builder heuristicMinSamples(int v) { heuristicMinSamples = v; return this; }
        public Builder heuristicMinConfidence(double v) { heuristicMinConfidence = v; return this; }
        public Builder learningQualityThreshold(Double v) { learningQualityThreshold = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }

        public MemoryConfig build() {
            return new MemoryConfig(stepFlushCount, stepFlushInterval, maxEpisodes, evictionPolicy, evictionSampleSize,
                    limits, weights, recencyHalfLife, candidatesPerTerm, mmrLambda, successThreshold, maxSequenceLength,
                    heuristicMinSamples, heuristicMinConfidence, learningQualityThreshold, clock);
        }
    }
}
