package io.flightdeck.memory;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.model.ScoredPattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.storage.sqlite.SqliteEpisodeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine on its durable default store: reopening restores everything, and a killed process loses nothing returned. */
class DurableEngineTest {

    private static final String[] SUBJECTS = {"OrderService.checkout", "InvoiceController", "RateLimiter",
            "PaymentGateway", "SearchIndexer", "SessionStore", "LedgerMigration", "HttpClientWrapper"};
    private static final String[] VERBS = {"Fix the NullPointerException in", "Add pagination to", "Refactor",
            "Write tests for", "Document", "Investigate latency of"};
    private static final TaskContext[] CONTEXTS = {
            TaskContext.of("payments", "java", "spring-boot", Complexity.MODERATE, "npe"),
            TaskContext.of("search", "python", "fastapi", Complexity.COMPLEX),
            TaskContext.of("web", "typescript", "express", Complexity.SIMPLE, "perf")};

    private static MemoryConfig config(MutableClock clock) {
        return MemoryConfig.builder().clock(clock).stepFlushCount(4).build();
    }

    static UUID runLifecycle(MemoryEngine engine, int i, int steps) {
        UUID id = engine.startEpisode(VERBS[i % VERBS.length] + " " + SUBJECTS[i % SUBJECTS.length] + " case " + i,
                CONTEXTS[i % CONTEXTS.length], TaskType.values()[i % TaskType.values().length]);
        for (int s = 0; s < steps; s++) {
            engine.logStep(id, s % 5 == 3 ? err("compile", "error: cannot find symbol " + s)
                    : ok(s % 2 == 0 ? "grep" : "run_tests", "verify change " + (s % 3)));
        }
        engine.completeEpisode(id, i % 4 == 0 ? new TaskOutcome.Failure("gave up", "tests still red")
                : new TaskOutcome.Success("done", List.of("pr-" + i)));
        return id;
    }

    @Test
    void reopeningRestoresEpisodesPatternsHeuristicsAndTheRetrievalIndex(@TempDir Path dir) {
        Path file = dir.resolve("memory.db");
        MutableClock clock = new MutableClock(TestSteps.T0);
        List<UUID> completed = new ArrayList<>();
        Map<String, List<ScoredEpisode>> before = new HashMap<>();
        List<String> queries = List.of("fix NullPointerException checkout", "pagination InvoiceController",
                "latency SearchIndexer", "tests for the rate limiter");
        List<ScoredPattern> patternsBefore;
        List<Heuristic> heuristicsBefore;
        UUID unfinished;
        try (MemoryEngine engine = MemoryEngine.open(SqliteEpisodeStore.open(file), config(clock))) {
            for (int i = 0; i < 120; i++) {
                completed.add(runLifecycle(engine, i, 3 + i % 9));
                clock.advance(Duration.ofMinutes(7));
            }
            unfinished = engine.startEpisode("Migrate the ledger to the new schema", CONTEXTS[0], TaskType.REFACTORING);
            for (int s = 0; s < 6; s++) {   // 4 flushed by count, 2 buffered until close
                engine.logStep(unfinished, ok("edit_file", "edit part " + s));
            }
            for (String q : queries) {
                before.put(q, engine.retrieveRelevantContext(q, CONTEXTS[0], TaskType.DEBUGGING, 10));
            }
            patternsBefore = engine.retrievePatterns(CONTEXTS[0], 1_000);
            heuristicsBefore = engine.heuristics();
        }

        try (MemoryEngine reopened = MemoryEngine.open(SqliteEpisodeStore.open(file), config(clock))) {
            assertThat(reopened.stats().completedEpisodes()).isEqualTo(120);
            assertThat(reopened.stats().activeEpisodes()).isEqualTo(1);
            for (String q : queries) {
                List<ScoredEpisode> after = reopened.retrieveRelevantContext(q, CONTEXTS[0], TaskType.DEBUGGING, 10);
                assertThat(after).as("results for '%s'", q).isEqualTo(before.get(q));
            }
            assertThat(reopened.retrievePatterns(CONTEXTS[0], 1_000)).isEqualTo(patternsBefore);
            assertThat(heuristicsBefore).isNotEmpty();
            assertThat(reopened.heuristics()).isEqualTo(heuristicsBefore);
            Episode one = reopened.getEpisode(completed.get(17)).orElseThrow();
            assertThat(one.steps()).hasSize(3 + 17 % 9);
            assertThat(one.reward()).isNotNull();
            // the episode left in progress resumes where it was, buffered steps included
            assertThat(reopened.getEpisode(unfinished).orElseThrow().steps()).extracting(ExecutionStep::action)
                    .containsExactly("edit part 0", "edit part 1", "edit part 2", "edit part 3", "edit part 4",
                            "edit part 5");
            reopened.logStep(unfinished, ok("run_tests"));
            assertThat(reopened.completeEpisode(unfinished, new TaskOutcome.Success("", List.of())).steps()).hasSize(7);
        }
    }

    @Test
    void eightThreadsOnSqliteLoseNoEpisodeAndNoStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("memory.db");
        SqliteEpisodeStore store = SqliteEpisodeStore.open(file);
        try (MemoryEngine engine = MemoryEngine.open(store, MemoryConfig.builder().stepFlushCount(10).build())) {
            ConcurrencyTest.runLifecycles(engine, store);
        }
        try (SqliteEpisodeStore reopened = SqliteEpisodeStore.open(file)) {
            assertThat(reopened.countCompleted())
                    .isEqualTo(ConcurrencyTest.THREADS * ConcurrencyTest.LIFECYCLES_PER_THREAD);
        }
    }

    @Test
    void killNineLosesNoEpisodeWhoseCompletionHadReturned(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("memory.db");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), EngineCrashChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<UUID, Integer> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 150 && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                acknowledged.put(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(150);

        try (MemoryEngine reopened = MemoryEngine.open(SqliteEpisodeStore.open(file), MemoryConfig.defaults())) {
            for (Map.Entry<UUID, Integer> e : acknowledged.entrySet()) {
                Episode episode = reopened.getEpisode(e.getKey()).orElseThrow(
                        () -> new AssertionError("episode " + e.getKey() + " was acknowledged but is lost"));
                assertThat(episode.isComplete()).isTrue();
                assertThat(episode.steps()).hasSize(e.getValue());
            }
            assertThat(reopened.stats().completedEpisodes()).isGreaterThanOrEqualTo(150);
        }
    }

    /** The process that gets killed: runs lifecycles forever, acknowledging each completion on stdout. */
    public static final class EngineCrashChild {
        public static void main(String[] args) {
            MemoryEngine engine = MemoryEngine.open(SqliteEpisodeStore.open(Path.of(args[0])),
                    MemoryConfig.builder().stepFlushCount(4).build());
            for (int i = 0; ; i++) {
                int steps = 5 + i % 20;
                UUID id = runLifecycle(engine, i, steps);
                System.out.println(id + " " + steps);
                System.out.flush();
            }
        }
    }
}
