package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.storage.EpisodeStore;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two completions merge into the same pattern on different threads; their store writes may commit in either order.
 * The stored state must be the one that has seen the most, whichever commits last.
 */
class LibraryUpsertTest {

    @TempDir
    Path dir;

    private EpisodeStore open(String kind) {
        return kind.equals("sqlite") ? SqliteEpisodeStore.open(dir.resolve("m.db")) : new InMemoryEpisodeStore();
    }

    private static void complete(EpisodeStore store, List<Pattern> patterns, List<Heuristic> heuristics) {
        Episode started = Fixtures.started();
        store.insertStarted(started);
        store.completeEpisode(Fixtures.completed(started, List.of(), new TaskOutcome.Success("", List.of()), patterns),
                0, patterns, heuristics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite"})
    void aLateCommitOfAnOlderStateDoesNotRollThePatternBack(String kind) {
        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();
        Pattern once = Pattern.DecisionPoint.observed(Fixtures.RUST_WEB, "check tests", "cargo", true, e1);
        Pattern twice = once.mergedWith(Pattern.DecisionPoint.observed(Fixtures.RUST_WEB, "check tests", "cargo", false, e2));
        Heuristic small = new Heuristic(UUID.nameUUIDFromBytes(new byte[] {1}), "check tests", "cargo", 1.0,
                new Heuristic.Evidence(List.of(e1), 1.0, 2));
        Heuristic large = new Heuristic(small.id(), "check tests", "cargo", 1.2,
                new Heuristic.Evidence(List.of(e1, e2), 0.8, 3));
        try (EpisodeStore store = open(kind)) {
            complete(store, List.of(twice), List.of(large));
            complete(store, List.of(once), List.of(small));     // the older state commits last
            assertThat(store.loadPatterns()).containsExactly(twice);
            assertThat(store.loadHeuristics()).containsExactly(large);

            Pattern thrice = twice.mergedWith(once);
            complete(store, List.of(thrice), List.of());
            assertThat(store.loadPatterns()).containsExactly(thrice);
        }
    }
}
