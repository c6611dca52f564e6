package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.error.UnknownEpisodeException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EPISODES_PER_THREAD = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightThreadsOfLifecyclesAreAllThereAfterReopen() throws Exception {
        Path file = dir.resolve("concurrent.db");
        List<Episode> expected = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<UUID, Pattern> lastPatterns = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger readsWhileWriting = new AtomicInteger();

        try (SqliteEpisodeStore store = SqliteEpisodeStore.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EPISODES_PER_THREAD; i++) {
                        expected.add(lifecycle(store, thread, i, lastPatterns));
                    }
                    return null;
                }));
            }
            // A reader alongside: reads must neither fail nor block the writers.
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    Episode some = expected.isEmpty() ? null : expected.get(expected.size() - 1);
                    if (some != null) {
                        assertThat(store.findEpisode(some.id())).isPresent();
                    }
                    store.countCompleted();
                    readsWhileWriting.incrementAndGet();
                }
                return null;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            reader.get();
            pool.shutdown();
            assertThat(store.countCompleted()).isEqualTo(THREADS * EPISODES_PER_THREAD);
        }
        assertThat(readsWhileWriting.get()).isPositive();

        try (SqliteEpisodeStore reopened = SqliteEpisodeStore.open(file)) {
            assertThat(reopened.countCompleted()).isEqualTo(THREADS * EPISODES_PER_THREAD);
            for (Episode e : expected) {
                Optional<Episode> found = reopened.findEpisode(e.id());
                assertThat(found).contains(e);
                assertThat(found.orElseThrow().steps()).hasSize(50);
            }
            // Every thread's patterns share ids with the others': one row each, holding some thread's last write.
            List<Pattern> patterns = reopened.loadPatterns();
            assertThat(patterns).extracting(Pattern::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(lastPatterns.keySet());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailingWriteDoesNotFailTheWritesCommittedWithIt() throws Exception {
        Path file = dir.resolve("mixed.db");
        AtomicInteger unknownRejected = new AtomicInteger();
        List<Episode> expected = Collections.synchronizedList(new ArrayList<>());
        try (SqliteEpisodeStore store = SqliteEpisodeStore.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        if ((thread + i) % 2 == 0) {
                            UUID ghost = UUID.randomUUID();
                            assertThatThrownBy(() -> store.appendSteps(ghost, 0, Fixtures.steps(0, 5)))
                                    .isInstanceOf(UnknownEpisodeException.class)
                                    .hasMessageContaining(ghost.toString());
                            unknownRejected.incrementAndGet();
                        } else {
                            expected.add(lifecycle(store, thread, i, new ConcurrentHashMap<>()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(unknownRejected.get()).isEqualTo(THREADS * 50);
            assertThat(store.countCompleted()).isEqualTo(THREADS * 50);
            for (Episode e : expected) {
                assertThat(store.findEpisode(e.id())).contains(e);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWriteSqliteRejectsFailsAloneWithAStorageExceptionOnTheCallersThread() throws Exception {
        Path file = dir.resolve("poisoned.db");
        AtomicInteger rejected = new AtomicInteger();
        List<Episode> expected = Collections.synchronizedList(new ArrayList<>());
        try (SqliteEpisodeStore store = SqliteEpisodeStore.open(file)) {
            // Another connection adds a trigger that rejects some steps: a failure SQLite raises mid-transaction.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER poison BEFORE INSERT ON steps WHEN NEW.step LIKE '%poison%' "
                        + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        Episode started = Fixtures.started();
                        store.insertStarted(started);
                        if ((thread + i) % 3 == 0) {
                            List<ExecutionStep> poisoned = List.of(Fixtures.step(0), new ExecutionStep(1,
                                    Fixtures.T0, "rm", "poison", "{}", null, 0, null, Map.of()));
                            assertThatThrownBy(() -> store.appendSteps(started.id(), 0, poisoned))
                                    .isInstanceOf(StorageException.class)
                                    .hasMessageContaining("append steps to episode " + started.id())
                                    .hasMessageContaining("injected failure")
                                    // thrown on this thread, not just handed over from the writer thread
                                    .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(
                                            f -> f.getClassName().equals(SqliteConcurrencyTest.class.getName())));
                            // nothing of the failed write is stored, not even the first, valid step
                            assertThat(store.findEpisode(started.id()).orElseThrow().steps()).isEmpty();
                            rejected.incrementAndGet();
                        } else {
                            store.appendSteps(started.id(), 0, Fixtures.steps(0, 20));
                            expected.add(started.withSteps(Fixtures.steps(0, 20)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(rejected.get()).isEqualTo(THREADS * 20);
            for (Episode e : expected) {
                assertThat(store.findEpisode(e.id())).contains(e);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeLetsWritesInFlightFinishAndRefusesTheRest() throws Exception {
        Path file = dir.resolve("closing.db");
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        SqliteEpisodeStore store = SqliteEpisodeStore.open(file);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch running = new CountDownLatch(THREADS * 20);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (true) {
                    Episode started = Fixtures.started();
                    try {
                        store.insertStarted(started);
                    } catch (StorageException e) {
                        assertThat(e).hasMessageStartingWith("store is closed");
                        refused.incrementAndGet();
                        return null;
                    }
                    acknowledged.add(started.id());
                    running.countDown();
                }
            }));
        }
        running.await();
        store.close();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(refused.get()).isEqualTo(THREADS);

        try (SqliteEpisodeStore reopened = SqliteEpisodeStore.open(file)) {
            assertThat(reopened.loadInProgress()).extracting(Episode::id)
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    /** About what the engine does for a 50-step episode: start, two flushes of 20, completion with the last 10. */
    static Episode lifecycle(SqliteEpisodeStore store, int thread, int i, ConcurrentHashMap<UUID, Pattern> last) {
        Episode started = Fixtures.started(UUID.randomUUID(), i % 2 == 0 ? Fixtures.RUST_WEB : Fixtures.PLAIN);
        store.insertStarted(started);
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 20));
        store.appendSteps(started.id(), 20, Fixtures.steps(20, 20));
        List<Pattern> patterns = Fixtures.everyPattern(started.id()).subList(0, 1 + (thread + i) % 4);
        TaskOutcome outcome = Fixtures.everyOutcome().get((thread + i) % Fixtures.everyOutcome().size());
        Episode completed = Fixtures.completed(started, Fixtures.steps(0, 50), outcome, patterns);
        store.completeEpisode(completed, 40, patterns, List.of());
        for (Pattern p : patterns) {
            last.put(p.id(), p);
        }
        return completed;
    }
}
