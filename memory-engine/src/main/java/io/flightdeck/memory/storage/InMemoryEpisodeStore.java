package io.flightdeck.memory.storage;

import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.error.UnknownEpisodeException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A store that keeps everything on the heap: the fastest, for micro benchmarks and tests; lost on exit. */
public final class InMemoryEpisodeStore implements EpisodeStore {

    /** An episode and its steps; steps are appended under the entry's own lock. */
    private static final class Entry {
        volatile Episode episode;
        final List<ExecutionStep> steps = new ArrayList<>();

        Entry(Episode episode) {
            this.episode = episode;
        }
    }

    private final ConcurrentHashMap<UUID, Entry> episodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Pattern> patterns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Heuristic> heuristics = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public void insertStarted(Episode episode) {
        ensureOpen();
        episodes.put(episode.id(), new Entry(episode.withSteps(List.of())));
    }

    @Override
    public void appendSteps(UUID episodeId, int firstIndex, List<ExecutionStep> steps) {
        ensureOpen();
        Entry entry = entry(episodeId);
        synchronized (entry) {
            truncateTo(entry.steps, firstIndex);
            entry.steps.addAll(steps);
        }
    }

    @Override
    public void completeEpisode(Episode completed, int firstUnsavedStep, List<Pattern> touchedPatterns,
                                List<Heuristic> touchedHeuristics) {
        ensureOpen();
        Entry entry = entry(completed.id());
        synchronized (entry) {
            List<ExecutionStep> all = completed.steps();
            truncateTo(entry.steps, firstUnsavedStep);
            entry.steps.addAll(all.subList(Math.min(firstUnsavedStep, all.size()), all.size()));
            entry.episode = completed.withSteps(List.of());
        }
        // Completions race: keep the state that has seen the most, whichever write lands last.
        for (Pattern p : touchedPatterns) {
            patterns.merge(p.id(), p, (known, fresh) -> fresh.occurrences() >= known.occurrences() ? fresh : known);
        }
        for (Heuristic h : touchedHeuristics) {
            heuristics.merge(h.id(), h, (known, fresh) ->
                    fresh.evidence().sampleSize() >= known.evidence().sampleSize() ? fresh : known);
        }
    }

    @Override
    public Optional<Episode> findEpisode(UUID id) {
        ensureOpen();
        Entry entry = episodes.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.episode.withSteps(entry.steps));
        }
    }

    @Override
    public void deleteEpisodes(Collection<UUID> ids) {
        ensureOpen();
        for (UUID id : ids) {
            episodes.remove(id);
        }
    }

    @Override
    public void forEachCompleted(Consumer<Episode> action) {
        ensureOpen();
        List<Episode> completed = new ArrayList<>();
        for (Entry entry : episodes.values()) {
            Episode e = entry.episode;
            if (e.isComplete()) {
                completed.add(e);
            }
        }
        completed.sort(java.util.Comparator.comparing(Episode::endTime));
        completed.forEach(action);
    }

    @Override
    public List<Episode> loadInProgress() {
        ensureOpen();
        List<Episode> result = new ArrayList<>();
        for (Entry entry : episodes.values()) {
            synchronized (entry) {
                if (!entry.episode.isComplete()) {
                    result.add(entry.episode.withSteps(entry.steps));
                }
            }
        }
        return result;
    }

    @Override
    public List<Pattern> loadPatterns() {
        ensureOpen();
        return List.copyOf(patterns.values());
    }

    @Override
    public List<Heuristic> loadHeuristics() {
        ensureOpen();
        return List.copyOf(heuristics.values());
    }

    @Override
    public long countCompleted() {
        ensureOpen();
        return episodes.values().stream().filter(e -> e.episode.isComplete()).count();
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    private Entry entry(UUID id) {
        Entry entry = episodes.get(id);
        if (entry == null) {
            throw new UnknownEpisodeException(id);
        }
        return entry;
    }

    /** A retried flush may resend steps already stored; keep exactly the first {@code size}. */
    private static void truncateTo(List<ExecutionStep> steps, int size) {
        while (steps.size() > size) {
            steps.remove(steps.size() - 1);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("the in-memory store is closed");
        }
    }
}
