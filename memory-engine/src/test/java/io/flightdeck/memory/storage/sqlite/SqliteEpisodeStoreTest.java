package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.error.UnknownEpisodeException;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.storage.EpisodeStore;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class SqliteEpisodeStoreTest {

    @TempDir
    Path dir;
    private Path file;
    private SqliteEpisodeStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("memory.db");
        store = SqliteEpisodeStore.open(file);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStartedEpisodeComesBackEqualAndWithoutTheStepsItWasGiven() {
        Episode started = Fixtures.started();
        store.insertStarted(started.withSteps(Fixtures.steps(0, 3))); // ignored: steps come through appendSteps

        assertThat(store.findEpisode(started.id())).contains(started);
        assertThat(store.findEpisode(UUID.randomUUID())).isEmpty();
    }

    @Test
    void appendedStepsComeBackInOrderWithEveryField() {
        Episode started = Fixtures.started();
        store.insertStarted(started);
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 20));
        store.appendSteps(started.id(), 20, Fixtures.steps(20, 20));

        Episode found = store.findEpisode(started.id()).orElseThrow();
        assertThat(found.steps()).containsExactlyElementsOf(Fixtures.steps(0, 40));
        assertThat(found).isEqualTo(started.withSteps(Fixtures.steps(0, 40)));
    }

    @Test
    void everyOutcomeVariantAndEveryPatternVariantRoundTripThroughCompletion() {
        for (TaskOutcome outcome : Fixtures.everyOutcome()) {
            Episode started = Fixtures.started(UUID.randomUUID(), Fixtures.PLAIN);
            store.insertStarted(started);
            store.appendSteps(started.id(), 0, Fixtures.steps(0, 4));
            List<Pattern> patterns = Fixtures.everyPattern(started.id());
            Heuristic heuristic = Fixtures.heuristic(started.id());
            Episode completed = Fixtures.completed(started, Fixtures.steps(0, 7), outcome, patterns);

            store.completeEpisode(completed, 4, patterns, List.of(heuristic));

            assertThat(store.findEpisode(started.id())).contains(completed);
            assertThat(store.loadPatterns()).containsAll(patterns);
            assertThat(store.loadHeuristics()).contains(heuristic);
        }
        assertThat(store.countCompleted()).isEqualTo(Fixtures.everyOutcome().size());
    }

    @Test
    void anEpisodeWithNoStepsNoPatternsAndNullEndTimeRoundTrips() {
        Episode started = Fixtures.started();
        store.insertStarted(started);
        Episode completed = new Episode(started.id(), started.taskType(), started.description(), started.context(),
                started.startTime(), null, List.of(), new TaskOutcome.Abstained("no idea", 0), null, null, List.of(),
                Map.of());
        store.completeEpisode(completed, 0, List.of(), List.of());

        assertThat(store.findEpisode(started.id())).contains(completed);
    }

    @Test
    void patternsAndHeuristicsSavedAgainAreReplacedNotDuplicated() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Pattern seen = Fixtures.everyPattern(first).get(0);
        Pattern merged = seen.mergedWith(Fixtures.everyPattern(second).get(0));
        Heuristic h = Fixtures.heuristic(first);
        Heuristic h2 = new Heuristic(h.id(), h.condition(), h.action(), 0.99, new Heuristic.Evidence(List.of(first, second), 1.0, 2));

        complete(Fixtures.started(), List.of(seen), List.of(h));
        complete(Fixtures.started(), List.of(merged), List.of(h2));

        assertThat(store.loadPatterns()).containsExactly(merged);
        assertThat(merged.occurrences()).isEqualTo(2);
        assertThat(store.loadHeuristics()).containsExactly(h2);
    }

    @Test
    void forEachCompletedGivesCompletedEpisodesWithoutStepsInInsertionOrder() {
        List<Episode> completed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            completed.add(complete(Fixtures.started(), List.of(), List.of()));
            store.insertStarted(Fixtures.started()); // in progress: not listed
        }
        List<Episode> seen = new ArrayList<>();
        store.forEachCompleted(seen::add);

        assertThat(seen).containsExactlyElementsOf(completed.stream().map(e -> e.withSteps(List.of())).toList());
        assertThat(store.countCompleted()).isEqualTo(5);
    }

    @Test
    void aForEachCompletedActionMayReadTheStoreAgain() {
        Episode done = complete(Fixtures.started(), List.of(), List.of());
        List<Episode> full = new ArrayList<>();
        store.forEachCompleted(e -> full.add(store.findEpisode(e.id()).orElseThrow()));
        assertThat(full).containsExactly(done);
    }

    @Test
    void anExceptionFromTheActionReachesTheCallerAndTheStoreStaysUsable() {
        complete(Fixtures.started(), List.of(), List.of());
        Consumer<Episode> failing = e -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> store.forEachCompleted(failing)).isInstanceOf(IllegalStateException.class);
        assertThat(store.countCompleted()).isEqualTo(1);
    }

    @Test
    void reopeningGivesBackEverythingThatWasWritten() {
        List<Episode> completed = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Episode started = Fixtures.started();
            List<Pattern> ps = Fixtures.everyPattern(started.id());
            patterns.clear();
            patterns.addAll(ps); // same keys each time: the last write wins
            completed.add(complete(started, ps, List.of()));
        }
        Heuristic heuristic = Fixtures.heuristic(completed.get(0).id());
        Episode withHeuristic = complete(Fixtures.started(), List.of(), List.of(heuristic));
        completed.add(withHeuristic);
        List<Episode> inProgress = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Episode started = Fixtures.started();
            store.insertStarted(started);
            store.appendSteps(started.id(), 0, Fixtures.steps(0, 5 + i));
            inProgress.add(started.withSteps(Fixtures.steps(0, 5 + i)));
        }
        store.close();

        store = SqliteEpisodeStore.open(file);

        List<Episode> listed = new ArrayList<>();
        store.forEachCompleted(listed::add);
        assertThat(listed).containsExactlyElementsOf(completed.stream().map(e -> e.withSteps(List.of())).toList());
        for (Episode e : completed) {
            assertThat(store.findEpisode(e.id())).contains(e);
        }
        assertThat(store.loadInProgress()).containsExactlyInAnyOrderElementsOf(inProgress);
        assertThat(store.loadPatterns()).containsExactlyInAnyOrderElementsOf(patterns);
        assertThat(store.loadHeuristics()).containsExactly(heuristic);
        assertThat(store.countCompleted()).isEqualTo(4);
    }

    @Test
    void aRetriedFlushWritesEachStepOnce() throws SQLException {
        Episode started = Fixtures.started();
        store.insertStarted(started);
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 20));
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 20)); // the first flush is retried
        store.appendSteps(started.id(), 20, Fixtures.steps(20, 20));
        store.appendSteps(started.id(), 20, Fixtures.steps(20, 20));

        assertThat(store.findEpisode(started.id()).orElseThrow().steps()).containsExactlyElementsOf(Fixtures.steps(0, 40));
        assertThat(stepRows(started.id())).isEqualTo(40);

        // completion re-sends the last flush too (firstUnsavedStep before what is stored)
        Episode completed = Fixtures.completed(started, Fixtures.steps(0, 50), Fixtures.everyOutcome().get(0), List.of());
        store.completeEpisode(completed, 30, List.of(), List.of());
        store.completeEpisode(completed, 30, List.of(), List.of());
        assertThat(store.findEpisode(started.id())).contains(completed);
        assertThat(stepRows(started.id())).isEqualTo(50);
    }

    /** The in-memory store is the reference: the same calls must leave the same episode in both. */
    @Test
    void stepBookkeepingMatchesTheInMemoryReference() {
        EpisodeStore reference = new InMemoryEpisodeStore();
        Episode started = Fixtures.started();
        List<Consumer<EpisodeStore>> calls = List.of(
                s -> s.insertStarted(started),
                s -> s.appendSteps(started.id(), 0, Fixtures.steps(0, 10)),
                s -> s.appendSteps(started.id(), 5, Fixtures.steps(5, 3)),   // a shorter retry drops steps 8 and 9
                s -> s.appendSteps(started.id(), 8, Fixtures.steps(8, 4)),
                s -> s.appendSteps(started.id(), 12, List.of()),
                s -> s.completeEpisode(Fixtures.completed(started, Fixtures.steps(0, 15),
                        Fixtures.everyOutcome().get(1), List.of()), 12, List.of(), List.of()));
        for (Consumer<EpisodeStore> call : calls) {
            call.accept(reference);
            call.accept(store);
            assertThat(store.findEpisode(started.id())).isEqualTo(reference.findEpisode(started.id()));
        }
        assertThat(store.findEpisode(started.id()).orElseThrow().steps()).hasSize(15);
    }

    @Test
    void startingAnIdAgainReplacesTheEpisodeAndDropsItsSteps() {
        Episode started = Fixtures.started();
        store.insertStarted(started);
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 3));
        Episode again = Fixtures.started(started.id(), Fixtures.PLAIN);
        store.insertStarted(again);

        assertThat(store.findEpisode(started.id())).contains(again);
    }

    @Test
    void writesToAnUnknownEpisodeFailAndWriteNothing() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> store.appendSteps(unknown, 0, Fixtures.steps(0, 2)))
                .isInstanceOf(UnknownEpisodeException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> store.appendSteps(unknown, 0, List.of()))
                .isInstanceOf(UnknownEpisodeException.class);
        Episode ghost = Fixtures.completed(Fixtures.started(unknown, Fixtures.PLAIN), Fixtures.steps(0, 2),
                Fixtures.everyOutcome().get(0), Fixtures.everyPattern(unknown));
        assertThatThrownBy(() -> store.completeEpisode(ghost, 0, Fixtures.everyPattern(unknown),
                List.of(Fixtures.heuristic(unknown))))
                .isInstanceOf(UnknownEpisodeException.class);

        assertThat(store.findEpisode(unknown)).isEmpty();
        assertThat(store.loadPatterns()).isEmpty();
        assertThat(store.loadHeuristics()).isEmpty();
    }

    @Test
    void deletingEpisodesRemovesTheirStepsAndIgnoresUnknownIds() throws SQLException {
        Episode kept = complete(Fixtures.started(), List.of(), List.of());
        Episode gone = complete(Fixtures.started(), List.of(), List.of());
        Episode goneInProgress = Fixtures.started();
        store.insertStarted(goneInProgress);
        store.appendSteps(goneInProgress.id(), 0, Fixtures.steps(0, 4));
        assertThat(stepRows(gone.id())).isEqualTo(10);

        store.deleteEpisodes(List.of(gone.id(), goneInProgress.id(), UUID.randomUUID()));
        store.deleteEpisodes(List.of());

        assertThat(store.findEpisode(gone.id())).isEmpty();
        assertThat(store.findEpisode(goneInProgress.id())).isEmpty();
        assertThat(stepRows(gone.id())).isZero();
        assertThat(stepRows(goneInProgress.id())).isZero();
        assertThat(store.findEpisode(kept.id())).contains(kept);
        assertThat(store.countCompleted()).isEqualTo(1);
        assertThat(store.loadInProgress()).isEmpty();
    }

    @Test
    void aClosedStoreRefusesEveryCall() {
        Episode e = Fixtures.started();
        store.insertStarted(e);
        store.close();
        store.close(); // twice is fine

        List<Runnable> calls = List.of(
                () -> store.insertStarted(Fixtures.started()),
                () -> store.appendSteps(e.id(), 0, Fixtures.steps(0, 1)),
                () -> store.completeEpisode(Fixtures.completed(e, List.of(), Fixtures.everyOutcome().get(0), List.of()),
                        0, List.of(), List.of()),
                () -> store.findEpisode(e.id()),
                () -> store.deleteEpisodes(List.of(e.id())),
                () -> store.forEachCompleted(x -> { }),
                store::loadInProgress,
                store::loadPatterns,
                store::loadHeuristics,
                store::countCompleted);
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(StorageException.class).hasMessageContaining("store is closed");
        }
    }

    @Test
    void describeNamesTheFile() {
        assertThat(store.describe()).isEqualTo("sqlite:" + file.toAbsolutePath());
    }

    @Test
    void fullDurabilityStoresTheSame() {
        store.close();
        store = SqliteEpisodeStore.open(file, SqliteOptions.DEFAULT.withDurability(SqliteOptions.Durability.FULL));
        Episode done = complete(Fixtures.started(), List.of(), List.of());
        assertThat(store.findEpisode(done.id())).contains(done);
        assertThatCode(store::close).doesNotThrowAnyException();
    }

    /** A full lifecycle: start, two flushes, completion with the last steps. */
    private Episode complete(Episode started, List<Pattern> patterns, List<Heuristic> heuristics) {
        store.insertStarted(started);
        store.appendSteps(started.id(), 0, Fixtures.steps(0, 4));
        store.appendSteps(started.id(), 4, Fixtures.steps(4, 4));
        Episode completed = Fixtures.completed(started, Fixtures.steps(0, 10), Fixtures.everyOutcome().get(0), patterns);
        store.completeEpisode(completed, 8, patterns, heuristics);
        return completed;
    }

    private int stepRows(UUID episode) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM steps WHERE episode_id = '" + episode + "'")) {
            return rs.getInt(1);
        }
    }
}
