package io.flightdeck.memory;

import io.flightdeck.memory.error.EpisodeStateException;
import io.flightdeck.memory.error.InvalidConfigException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.error.UnknownEpisodeException;
import io.flightdeck.memory.learning.HeuristicDeriver;
import io.flightdeck.memory.learning.PatternExtractor;
import io.flightdeck.memory.learning.PatternLibrary;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.model.ScoredPattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.reflection.ReflectionGenerator;
import io.flightdeck.memory.retrieval.ContextMatcher;
import io.flightdeck.memory.retrieval.EpisodeIndex;
import io.flightdeck.memory.retrieval.IndexedEpisode;
import io.flightdeck.memory.retrieval.MmrReranker;
import io.flightdeck.memory.retrieval.RetrievalHit;
import io.flightdeck.memory.retrieval.RetrievalRequest;
import io.flightdeck.memory.reward.RewardCalculator;
import io.flightdeck.memory.storage.EpisodeStore;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import io.flightdeck.memory.validation.InputValidator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The self-learning memory: agents start episodes, log steps, complete them, and ask what they did before
 * that is relevant now. See ENGINE.md for the model and the algorithms.
 *
 * <p>Thread-safe without a global lock: each episode in progress has its own monitor, the pattern library
 * merges per pattern, and retrieval reads the index without locking (see {@link EpisodeIndex}).
 *
 * <p>Every input is checked before anything is stored; a rejected call changes nothing.
 */
public final class MemoryEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryEngine.class);

    private final EpisodeStore store;
    private final MemoryConfig config;
    private final Clock clock;
    private final InputValidator validator;
    private final EpisodeIndex index;
    private final PatternLibrary patterns = new PatternLibrary();
    private final PatternExtractor extractor;
    private final HeuristicDeriver heuristicDeriver;
    private final ConcurrentHashMap<UUID, Heuristic> heuristics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, ActiveEpisode> active = new ConcurrentHashMap<>();
    private final long flushIntervalNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Completed episodes held; eviction reserves a removal by decrementing it first (see evictOverCapacity). */
    private final AtomicInteger completedCount = new AtomicInteger();

    private MemoryEngine(EpisodeStore store, MemoryConfig config) {
        if (store == null || config == null) {
            throw new InvalidConfigException("a memory engine needs a store and a configuration");
        }
        this.store = store;
        this.config = config;
        this.clock = config.clock();
        this.validator = new InputValidator(config.limits());
        this.index = new EpisodeIndex(config.weights(), config.recencyHalfLife(), config.candidatesPerTerm(), clock);
        this.extractor = new PatternExtractor(config.successThreshold(), config.maxSequenceLength());
        this.heuristicDeriver = new HeuristicDeriver(config.heuristicMinSamples(), config.heuristicMinConfidence());
        this.flushIntervalNanos = saturatedNanos(config.stepFlushInterval());
    }

    /** Opens an engine on a store, restoring its completed episodes (and retrieval index), patterns and heuristics. */
    public static MemoryEngine open(EpisodeStore store, MemoryConfig config) {
        MemoryEngine engine = new MemoryEngine(store, config);
        store.forEachCompleted(engine.index::add);
        engine.completedCount.set(engine.index.size());
        for (Episode e : store.loadInProgress()) {
            // sized, not validated: a store written under older rules must still open
            long bytes = InputValidator.headerSize(e);
            for (ExecutionStep step : e.steps()) {
                bytes += InputValidator.stepSize(step);
            }
            engine.active.put(e.id(), new ActiveEpisode(e.withSteps(List.of()), e.steps(), bytes));
        }
        engine.patterns.load(store.loadPatterns());
        for (Heuristic h : store.loadHeuristics()) {
            engine.heuristics.put(h.id(), h);
        }
        return engine;
    }

    public static MemoryEngine inMemory() {
        return open(new InMemoryEpisodeStore(), MemoryConfig.defaults());
    }

    public static MemoryEngine inMemory(MemoryConfig config) {
        return open(new InMemoryEpisodeStore(), config);
    }

    // ---------------------------------------------------------------- lifecycle

    public UUID startEpisode(String description, TaskContext context, TaskType taskType) {
        return startEpisode(description, context, taskType, Map.of());
    }

    public UUID startEpisode(String description, TaskContext context, TaskType taskType, Map<String, String> metadata) {
        ensureOpen();
        if (taskType == null) {
            throw new InvalidInputException("task type must be given");
        }
        TaskContext ctx = context == null ? TaskContext.general() : context;
        long bytes = validator.checkStart(description, ctx, metadata);
        UUID id = randomId();
        Episode header = new Episode(id, taskType, description, ctx, clock.instant(), null, List.of(), null, null,
                null, List.of(), metadata);
        store.insertStarted(header);
        active.put(id, new ActiveEpisode(header, List.of(), bytes));
        return id;
    }

    /**
     * Records a step. Steps are buffered and persisted in batches (every {@code stepFlushCount} steps, or when the
     * oldest waiting step is older than {@code stepFlushInterval}), and always on completion.
     *
     * <p>Step numbers start at 1 and increase strictly within an episode (gaps are allowed, repeats are not); the
     * step's text must fit the limits and be valid Unicode, its parameters one JSON value (see
     * {@link ExecutionStep}). A step that breaks a rule is rejected with an
     * {@link io.flightdeck.memory.error.InvalidInputException} or
     * {@link io.flightdeck.memory.error.InputLimitExceededException} and nothing of it is stored.
     */
    public void logStep(UUID episodeId, ExecutionStep step) {
        ensureOpen();
        if (step == null) {
            throw new InvalidInputException("step must not be null");
        }
        ActiveEpisode a = activeEpisode(episodeId, "log a step to");
        synchronized (a) {
            ensureOpen(); // close() may have flushed this episode since the check above
            requireUnfinished(a, "log a step to");
            long size = validator.checkStep(step, a.steps.size(), a.lastStepNumber(), a.bytes);
            a.steps.add(step);
            if (a.unflushed() == 1) {
                a.oldestUnflushedNanos = System.nanoTime();
            }
            if (a.unflushed() >= config.stepFlushCount()
                    || System.nanoTime() - a.oldestUnflushedNanos >= flushIntervalNanos) {
                try {
                    flush(a);
                } catch (RuntimeException e) {
                    a.steps.remove(a.steps.size() - 1); // the call failed: it must leave nothing behind
                    throw e;
                }
            }
            a.bytes += size;
        }
    }

    /**
     * Completes an episode: persists the remaining steps, scores it, reflects on it, extracts and merges patterns,
     * derives heuristics, stores it and indexes it for retrieval. Once this returns the episode is durable.
     * If the store fails, the episode stays in progress and the call may be repeated; its patterns were already
     * merged into the library, so they would count that episode twice.
     */
    public Episode completeEpisode(UUID episodeId, TaskOutcome outcome) {
        ensureOpen();
        if (outcome == null) {
            throw new InvalidInputException("outcome must not be null");
        }
        ActiveEpisode a = activeEpisode(episodeId, "complete");
        Episode completed;
        synchronized (a) {
            ensureOpen();
            requireUnfinished(a, "complete");
            long outcomeBytes = validator.checkOutcome(outcome, a.bytes);
            Instant end = clock.instant();
            List<ExecutionStep> steps = List.copyOf(a.steps);
            EpisodeFacts facts = EpisodeFacts.of(steps);
            Duration duration = Duration.between(a.header.startTime(), end);
            if (duration.isNegative()) {
                duration = Duration.ZERO;
            }
            Double threshold = config.learningQualityThreshold();
            boolean learn = threshold == null || RewardCalculator.quality(outcome, facts) >= threshold;
            List<Pattern> observed = learn
                    ? extractor.extract(episodeId, a.header.context(), steps, outcome, facts)
                    : List.of();
            PatternLibrary.MergeResult merged = patterns.merge(observed);
            List<Heuristic> derived = heuristicDeriver.derive(merged.merged());
            RewardScore reward = RewardCalculator.score(outcome, facts, duration, a.header.context().complexity(),
                    merged.newPatterns());
            Reflection reflection = ReflectionGenerator.reflect(steps, outcome, facts, duration);
            List<UUID> patternIds = new ArrayList<>(observed.size());
            for (Pattern p : merged.merged()) {
                patternIds.add(p.id());
            }
            Episode h = a.header;
            completed = new Episode(h.id(), h.taskType(), h.description(), h.context(), h.startTime(), end, steps,
                    outcome, reward, reflection, patternIds, h.metadata());
            store.completeEpisode(completed, a.persisted, merged.merged(), derived);
            a.persisted = steps.size();
            for (Heuristic heuristic : derived) {
                heuristics.merge(heuristic.id(), heuristic, MemoryEngine::newerHeuristic);
            }
            index.add(completed);
            completedCount.incrementAndGet();
            a.finished = true;
            a.bytes += outcomeBytes;
        }
        active.remove(episodeId);
        evictOverCapacity();
        return completed;
    }

    // ---------------------------------------------------------------- retrieval

    /** The {@code limit} completed episodes most relevant to a task described by {@code query} in {@code context}. */
    public List<ScoredEpisode> retrieveRelevantContext(String query, TaskContext context, int limit) {
        return retrieveRelevantContext(RetrievalRequest.of(query, context, limit));
    }

    public List<ScoredEpisode> retrieveRelevantContext(String query, TaskContext context, TaskType taskType, int limit) {
        return retrieveRelevantContext(RetrievalRequest.of(query, context, taskType, limit));
    }

    public List<ScoredEpisode> retrieveRelevantContext(RetrievalRequest request) {
        ensureOpen();
        if (request == null) {
            throw new InvalidInputException("retrieval request must not be null");
        }
        validator.checkRetrievalLimit(request.limit());
        validator.checkRetrieval(request.query(), request.context(), request.filter());
        Double lambda = request.mmrLambda() != null ? request.mmrLambda() : config.mmrLambda();
        int limit = request.limit();
        List<RetrievalHit> hits;
        if (lambda == null) {
            hits = index.search(request, limit);
        } else {
            hits = MmrReranker.rerank(index.search(request, Math.max(20, 4 * limit)), lambda, limit);
        }
        List<ScoredEpisode> result = new ArrayList<>(hits.size());
        for (RetrievalHit hit : hits) {
            IndexedEpisode e = hit.episode();
            Optional<Episode> episode = store.findEpisode(e.id());
            if (episode.isPresent()) { // deleted meanwhile: leave it out
                index.touch(e.id());
                result.add(new ScoredEpisode(episode.get(), hit.score(), hit.text(), hit.context(), hit.taskType(),
                        hit.recency(), hit.reward()));
            }
        }
        return result;
    }

    /**
     * Patterns that fit a context, best first: {@code score = contextMatch * effectiveness} (effectiveness alone
     * when the context specifies nothing). Patterns from a context that matches in nothing are left out.
     */
    public List<ScoredPattern> retrievePatterns(TaskContext context, int limit) {
        ensureOpen();
        validator.checkRetrievalLimit(limit);
        TaskContext ctx = context == null ? TaskContext.general() : context;
        validator.checkContext(ctx);
        boolean specific = ContextMatcher.isSpecific(ctx);
        List<ScoredPattern> scored = new ArrayList<>();
        for (Pattern p : patterns.all()) {
            double match = specific ? ContextMatcher.match(ctx, p.context()) : 1.0;
            if (match > 0) {
                scored.add(new ScoredPattern(p, match * p.effectiveness()));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredPattern::score).reversed()
                .thenComparing(sp -> sp.pattern().key()));
        return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
    }

    /** Heuristics learnt so far, most confident first. */
    public List<Heuristic> heuristics() {
        List<Heuristic> all = new ArrayList<>(heuristics.values());
        all.sort(Comparator.comparingDouble(Heuristic::confidence).reversed().thenComparing(Heuristic::condition));
        return all;
    }

    // ---------------------------------------------------------------- access and housekeeping

    /** The episode, complete or in progress, with every step logged so far. */
    public Optional<Episode> getEpisode(UUID id) {
        ensureOpen();
        requireId(id);
        ActiveEpisode a = active.get(id);
        if (a != null) {
            synchronized (a) {
                if (!a.finished) {
                    return Optional.of(a.snapshot());
                }
            }
        }
        Optional<Episode> stored = store.findEpisode(id);
        if (stored.isPresent()) {
            index.touch(id);
        }
        return stored;
    }

    /** Deletes an episode, complete or in progress; false when there was none with this id. */
    public boolean deleteEpisode(UUID id) {
        ensureOpen();
        requireId(id);
        boolean existed = false;
        ActiveEpisode a = active.remove(id);
        if (a != null) {
            synchronized (a) {
                a.finished = true;
            }
            existed = true;
        }
        if (index.remove(id)) {
            completedCount.decrementAndGet();
            existed = true;
        }
        if (existed) {
            store.deleteEpisodes(List.of(id));
        }
        return existed;
    }

    public EngineStats stats() {
        return new EngineStats(active.size(), index.size(), patterns.size(), heuristics.size(), index.termCount(),
                index.tombstones(), store.describe());
    }

    public MemoryConfig config() {
        return config;
    }

    /** Persists the steps still buffered for episodes in progress, then closes the store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (ActiveEpisode a : active.values()) {
                synchronized (a) {
                    if (!a.finished && a.unflushed() > 0) {
                        flush(a);
                    }
                }
            }
        } finally {
            store.close();
        }
    }

    // ---------------------------------------------------------------- internals

    private void flush(ActiveEpisode a) {
        int size = a.steps.size();
        store.appendSteps(a.header.id(), a.persisted, new ArrayList<>(a.steps.subList(a.persisted, size)));
        a.persisted = size;
    }

    /**
     * Brings the completed episodes back to {@code maxEpisodes}. A thread first reserves one removal by decrementing
     * the count while it is over the limit (compare-and-set), then finds a victim: so concurrent completers never
     * evict more than the excess, and no lock is taken. The episode just completed may itself be the victim.
     * A store that fails to delete does not fail the completion: the episode is out of retrieval and the error
     * is logged (it would come back on reopen).
     */
    private void evictOverCapacity() {
        int max = config.maxEpisodes();
        if (max <= 0) {
            return;
        }
        while (true) {
            int count = completedCount.get();
            if (count <= max) {
                return;
            }
            if (completedCount.compareAndSet(count, count - 1)) {
                evictOne();
            }
        }
    }

    private void evictOne() {
        long now = clock.millis();
        while (true) {
            List<IndexedEpisode> sample = index.sample(config.evictionSampleSize(), ThreadLocalRandom.current());
            IndexedEpisode victim = null;
            double worst = Double.POSITIVE_INFINITY;
            for (IndexedEpisode e : sample) {
                double value = config.evictionPolicy() == EvictionPolicy.LEAST_RECENTLY_USED
                        ? e.lastAccessMillis()
                        : 0.7 * e.rewardScore() + 0.3 * Math.exp(-Math.max(0, now - e.endMillis()) / 3_600_000.0 / 24);
                if (value < worst) {
                    worst = value;
                    victim = e;
                }
            }
            if (victim == null) {
                completedCount.incrementAndGet(); // nothing left to evict: give the reservation back
                return;
            }
            if (index.remove(victim.id())) {
                try {
                    store.deleteEpisodes(List.of(victim.id()));
                } catch (RuntimeException e) {
                    LOG.warn("evicted episode {} could not be deleted from {}: {}", victim.id(), store.describe(),
                            e.getMessage());
                }
                return;
            }
            // someone else deleted that one meanwhile: pick again
        }
    }

    private ActiveEpisode activeEpisode(UUID id, String verb) {
        requireId(id);
        ActiveEpisode a = active.get(id);
        if (a != null) {
            return a;
        }
        if (index.contains(id)) {
            throw new EpisodeStateException("cannot " + verb + " episode " + id + ": it is already completed");
        }
        throw new UnknownEpisodeException(id);
    }

    /** The id maps would throw their own NullPointerException. */
    private static void requireId(UUID id) {
        if (id == null) {
            throw new InvalidInputException("episode id must not be null");
        }
    }

    private static void requireUnfinished(ActiveEpisode a, String verb) {
        if (a.finished) {
            throw new EpisodeStateException("cannot " + verb + " episode " + a.header.id()
                    + ": it is already completed or deleted");
        }
    }

    /** Two threads may derive the same heuristic at once; the one with more evidence is the newer. */
    private static Heuristic newerHeuristic(Heuristic known, Heuristic derived) {
        return derived.evidence().sampleSize() >= known.evidence().sampleSize() ? derived : known;
    }

    /** A flush interval too long for a long of nanoseconds (292 years) means "by count only". */
    private static long saturatedNanos(Duration interval) {
        try {
            return interval.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A version-4 UUID without SecureRandom: ids need to be unique, not unguessable, and SecureRandom contends. */
    private static UUID randomId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new StorageException("the memory engine is closed");
        }
    }
}
