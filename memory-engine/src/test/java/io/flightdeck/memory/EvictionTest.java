package io.flightdeck.memory;

import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

class EvictionTest {

    private static UUID complete(MemoryEngine engine, String description, boolean good) {
        UUID id = engine.startEpisode(description, TaskContext.general(), TaskType.OTHER);
        engine.logStep(id, good ? ok("grep") : err("grep", "boom"));
        engine.completeEpisode(id, good ? new TaskOutcome.Success("", List.of()) : new TaskOutcome.Failure("x", null));
        return id;
    }

    @Test
    void lowestValueEvictionKeepsTheBestEpisodes() {
        InMemoryEpisodeStore store = new InMemoryEpisodeStore();
        MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.builder().maxEpisodes(10).build());
        List<UUID> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            good.add(complete(engine, "good task " + i, true));
        }
        for (int i = 0; i < 10; i++) {
            complete(engine, "failed task " + i, false); // each goes straight back out: the lowest value
        }
        assertThat(engine.stats().completedEpisodes()).isEqualTo(10);
        assertThat(store.countCompleted()).isEqualTo(10);
        for (UUID id : good) {
            assertThat(engine.getEpisode(id)).isPresent();
        }
    }

    @Test
    void leastRecentlyUsedEvictionKeepsWhatWasRead() {
        MutableClock clock = new MutableClock(TestSteps.T0);
        MemoryEngine engine = MemoryEngine.inMemory(MemoryConfig.builder().maxEpisodes(3)
                .evictionPolicy(EvictionPolicy.LEAST_RECENTLY_USED).clock(clock).build());
        UUID a = complete(engine, "task a", true);
        clock.advance(Duration.ofMinutes(1));
        UUID b = complete(engine, "task b", true);
        clock.advance(Duration.ofMinutes(1));
        UUID c = complete(engine, "task c", true);
        clock.advance(Duration.ofMinutes(1));
        engine.getEpisode(a); // a is now the most recently used
        clock.advance(Duration.ofMinutes(1));
        UUID d = complete(engine, "task d", true);
        assertThat(engine.getEpisode(b)).isEmpty();
        assertThat(engine.getEpisode(a)).isPresent();
        assertThat(engine.getEpisode(c)).isPresent();
        assertThat(engine.getEpisode(d)).isPresent();
    }

    @Test
    void boundedEngineUnderSustainedLoadStaysBoundedAndCompacts() {
        MemoryEngine engine = MemoryEngine.inMemory(MemoryConfig.builder().maxEpisodes(200).build());
        for (int i = 0; i < 5_000; i++) {
            complete(engine, "rotating task " + i, i % 3 != 0);
        }
        assertThat(engine.stats().completedEpisodes()).isEqualTo(200);
        assertThat(engine.stats().indexTombstones()).isLessThanOrEqualTo(1_024 + 200);
    }
}
