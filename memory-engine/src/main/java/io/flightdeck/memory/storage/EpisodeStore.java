package io.flightdeck.memory.storage;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the engine keeps episodes, patterns and heuristics. The engine owns the retrieval index and the
 * pattern library in memory; a store only has to persist and give back.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>Every method is safe to call from many threads at once.</li>
 *   <li>When a write method returns, what it wrote survives the death of the process (not necessarily of the
 *       machine: see the store's own durability setting).</li>
 *   <li>{@link #completeEpisode} is atomic: after a crash either all of it is there or none of it.</li>
 *   <li>Failures are {@link io.flightdeck.memory.error.StorageException}s with a message a person can act on,
 *       except a write to an episode the store does not hold, which is an
 *       {@link io.flightdeck.memory.error.UnknownEpisodeException} and writes nothing.</li>
 * </ul>
 */
public interface EpisodeStore extends AutoCloseable {

    /**
     * Persists a newly started episode (its steps, if any, are ignored: they come through {@link #appendSteps}).
     * Starting an id the store already holds replaces that episode and drops its steps.
     */
    void insertStarted(Episode episode);

    /**
     * Appends steps to an episode in progress. Only these steps are written, never the whole episode again.
     *
     * Steps already stored at {@code firstIndex} or later are replaced, so a retried flush is harmless.
     *
     * @param firstIndex position (0-based, in arrival order) of {@code steps.get(0)} in the episode; at most the number
     *                   of steps already persisted (no gaps)
     */
    void appendSteps(UUID episodeId, int firstIndex, List<ExecutionStep> steps);

    /**
     * Persists a completion in one transaction: the steps from {@code firstUnsavedStep} on, the outcome, reward,
     * reflection and pattern ids, and the merged state of every pattern and heuristic the completion touched.
     * Completions of different episodes race, so a pattern state replaces the stored one only if it has at least as
     * many occurrences (a heuristic: as large a sample); the state that has seen the most always wins.
     */
    void completeEpisode(Episode completed, int firstUnsavedStep, List<Pattern> patterns, List<Heuristic> heuristics);

    /** The episode with all its steps, complete or not. */
    Optional<Episode> findEpisode(UUID id);

    /** Removes episodes and their steps; unknown ids are ignored. */
    void deleteEpisodes(Collection<UUID> ids);

    /**
     * Every completed episode, <em>without its steps</em> (the list is empty), in the order they were completed: what
     * the retrieval index is rebuilt from. The action must not write to this store.
     */
    void forEachCompleted(Consumer<Episode> action);

    /** Every episode started but not completed, with the steps persisted so far. */
    List<Episode> loadInProgress();

    List<Pattern> loadPatterns();

    List<Heuristic> loadHeuristics();

    long countCompleted();

    /** A short human description, e.g. {@code sqlite:/tmp/memory.db}. */
    String describe();

    @Override
    void close();
}
