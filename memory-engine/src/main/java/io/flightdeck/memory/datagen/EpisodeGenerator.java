package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded generator of realistic agent episodes (the engine's inputs) and retrieval queries.
 * <p>The same seed and config give the same data byte for byte, on any machine: every value comes from
 * {@link SplittableRandom}s seeded from (seed, episode index), timestamps from the config's base time, and
 * no table is a hash-ordered collection that is iterated. Episode {@code i} depends only on the seed, the
 * config and {@code i} (and on the step count when {@link #next(int)} fixes it), never on other calls —
 * which is also how a query can paraphrase episode {@code i} without the generator keeping it.
 * <p>Not thread-safe: one generator per thread (give each its own seed, or partition indexes).
 * The generator holds no generated data; memory use is what the caller keeps.
 */
public final class EpisodeGenerator {

    private static final long DRAFT_SALT = 0x6A09E667F3BCC908L;
    private static final long STEPS_SALT = 0xBB67AE8584CAA73BL;
    private static final long QUERY_SALT = 0x3C6EF372FE94F82BL;
    private static final long NOVEL_SALT = 0xA54FF53A5F1D36F1L;

    private final long seed;
    private final GeneratorConfig config;
    private final SplittableRandom queryRng;
    private long nextIndex;

    public EpisodeGenerator(long seed) {
        this(seed, GeneratorConfig.defaults());
    }

    public EpisodeGenerator(long seed, GeneratorConfig config) {
        this.seed = seed;
        this.config = Objects.requireNonNull(config, "config");
        this.queryRng = new SplittableRandom(mix(seed ^ QUERY_SALT, 0));
    }

    public long seed() {
        return seed;
    }

    public GeneratorConfig config() {
        return config;
    }

    /** How many episodes {@code next} has returned; also the index the next one will have. */
    public long generated() {
        return nextIndex;
    }

    /** The next episode, with a step count from the config's range. */
    public GeneratedEpisode next() {
        return build(nextIndex++, 0);
    }

    /** The next episode with exactly {@code steps} steps (1..1000), e.g. 5 / 25 / 50 for benchmarks. */
    public GeneratedEpisode next(int steps) {
        checkSteps(steps);
        return build(nextIndex++, steps);
    }

    /** The next {@code n} episodes. */
    public List<GeneratedEpisode> batch(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        List<GeneratedEpisode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /**
     * Episode {@code index} as {@link #next()} returns it, recomputed from the seed; does not advance the
     * generator. Its description, context and type are also those of a {@link #next(int)} episode of that index.
     */
    public GeneratedEpisode episodeAt(long index) {
        checkIndex(index);
        return build(index, 0);
    }

    /**
     * A retrieval query: with the config's share, a near-duplicate of an episode generated so far (picked
     * uniformly), otherwise a new task's description in query form.
     */
    public GeneratedQuery query() {
        if (nextIndex > 0 && queryRng.nextDouble() < config.nearDuplicateQueryShare()) {
            return nearDuplicateQuery(queryRng.nextLong(nextIndex));
        }
        return novelQuery();
    }

    public List<GeneratedQuery> queries(int n) {
        List<GeneratedQuery> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(query());
        }
        return out;
    }

    /**
     * A near-duplicate of episode {@code index}: the same task in another phrasing of its intent, in query
     * style, with the episode's context (tags possibly trimmed).
     */
    public GeneratedQuery nearDuplicateQuery(long index) {
        checkIndex(index);
        TaskDraft draft = TaskDraft.draw(draftRng(index));
        String text = Paraphraser.asQuery(draft.rephrased(false, false), queryRng);
        return new GeneratedQuery(text, queryContext(draft.context()), draft.type(), index, draft.description());
    }

    /** A near-duplicate of any episode's description (also one not made by this generator), by rewording it. */
    public GeneratedQuery nearDuplicateQuery(GeneratedEpisode episode) {
        String text = Paraphraser.nearDuplicate(episode.description(), queryRng);
        return new GeneratedQuery(text, queryContext(episode.context()), episode.taskType(), GeneratedQuery.NO_INDEX,
                episode.description());
    }

    /** A query about a task drawn fresh, not one of the generated episodes (though it may resemble some). */
    public GeneratedQuery novelQuery() {
        TaskDraft draft = TaskDraft.draw(new SplittableRandom(mix(seed ^ NOVEL_SALT, queryRng.nextLong())));
        return new GeneratedQuery(Paraphraser.asQuery(draft.description(), queryRng), draft.context(), draft.type(),
                GeneratedQuery.NO_INDEX, null);
    }

    private GeneratedEpisode build(long index, int exactSteps) {
        TaskDraft draft = TaskDraft.draw(draftRng(index));
        SplittableRandom rng = new SplittableRandom(mix(seed ^ STEPS_SALT, index));
        int steps = exactSteps > 0 ? exactSteps : stepCount(rng, draft.context().complexity());
        long spacingMs = config.episodeSpacing().toMillis();
        long jitter = spacingMs < 2 ? 0 : rng.nextLong(spacingMs / 2);
        Instant start = config.baseTime().plusMillis(index * spacingMs + jitter);
        StepSynthesizer.StepTrace trace = StepSynthesizer.synthesize(rng, draft, steps, config, start);
        TaskOutcome outcome = OutcomeSynthesizer.outcome(rng, draft, trace);
        return new GeneratedEpisode(draft.description(), draft.context(), draft.type(), trace.steps(), outcome);
    }

    /** Complex tasks take more steps: the draw is skewed to the top of the range for them, to the bottom for simple ones. */
    private int stepCount(SplittableRandom rng, Complexity complexity) {
        int span = config.maxSteps() - config.minSteps() + 1;
        double skew = switch (complexity) {
            case SIMPLE -> 1.6;
            case MODERATE -> 1.0;
            case COMPLEX -> 0.6;
        };
        int offset = (int) (Math.pow(rng.nextDouble(), skew) * span);
        return config.minSteps() + Math.min(offset, span - 1);
    }

    /** The querying agent's context: the episode's, sometimes without its tags (agents tag less when asking). */
    private TaskContext queryContext(TaskContext c) {
        int r = queryRng.nextInt(3);
        if (r == 0 || c.tags().isEmpty()) {
            return c;
        }
        List<String> tags = r == 1 ? List.of() : c.tags().subList(0, 1);
        return new TaskContext(c.domain(), c.language(), c.framework(), c.complexity(), tags);
    }

    private SplittableRandom draftRng(long index) {
        return new SplittableRandom(mix(seed ^ DRAFT_SALT, index));
    }

    private static void checkSteps(int steps) {
        if (steps < 1 || steps > GeneratorConfig.MAX_STEPS) {
            throw new IllegalArgumentException("steps must be 1.." + GeneratorConfig.MAX_STEPS + ", got " + steps);
        }
    }

    private static void checkIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }

    /** SplitMix64 finaliser of (stream key, index): independent, well-spread seeds per episode. */
    private static long mix(long key, long index) {
        long z = key + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
