package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.MemoryConfig;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.MutableClock;
import io.flightdeck.memory.TestSteps;
import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.ScoredEpisode;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

class RetrievalRankingTest {

    private static final TaskContext JAVA = TaskContext.of("payments", "java", "spring-boot", Complexity.MODERATE);
    private static final TaskContext PYTHON = TaskContext.of("data-pipeline", "python", "airflow", Complexity.SIMPLE,
            "etl");

    private MutableClock clock;
    private MemoryEngine engine;

    @BeforeEach
    void open() {
        clock = new MutableClock(TestSteps.T0);
        engine = MemoryEngine.inMemory(MemoryConfig.builder().clock(clock).build());
    }

    private UUID complete(String description, TaskContext context, TaskType type) {
        UUID id = engine.startEpisode(description, context, type);
        engine.logStep(id, ok("grep"));
        engine.completeEpisode(id, new TaskOutcome.Success("", List.of()));
        clock.advance(Duration.ofMinutes(1));
        return id;
    }

    private void unrelatedCorpus() {
        complete("Add pagination to the /api/v1/invoices endpoint in the billing service", JAVA, TaskType.CODE_GENERATION);
        complete("Refactor PaymentGateway to use the strategy pattern for card providers", JAVA, TaskType.REFACTORING);
        complete("Write unit tests for the retry logic in HttpClientWrapper", JAVA, TaskType.TESTING);
        complete("Document the configuration options of the rate limiter", JAVA, TaskType.DOCUMENTATION);
        complete("Backfill the daily events partition after the outage", PYTHON, TaskType.OTHER);
        complete("Investigate why p99 latency of search doubled after the deploy", PYTHON, TaskType.ANALYSIS);
    }

    @Test
    void nearDuplicateOfTheQueryOutranksUnrelatedEpisodes() {
        unrelatedCorpus();
        UUID target = complete("Fix the NullPointerException in OrderService.checkout when the cart is empty", JAVA,
                TaskType.DEBUGGING);
        unrelatedCorpus(); // newer unrelated episodes must not win on recency

        List<ScoredEpisode> hits = engine.retrieveRelevantContext(
                "fix NullPointerException in OrderService checkout for an empty cart", JAVA, TaskType.DEBUGGING, 5);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).episode().id()).isEqualTo(target);
        assertThat(hits.get(0).text()).isGreaterThan(0.5);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void limitIsHonoured() {
        unrelatedCorpus();
        unrelatedCorpus();
        assertThat(engine.retrieveRelevantContext("service", JAVA, 3)).hasSize(3);
        assertThat(engine.retrieveRelevantContext("service", JAVA, 1)).hasSize(1);
    }

    @Test
    void camelCaseIdentifiersMatchSeparateWords() {
        UUID id = complete("Harden HttpClientWrapper timeouts", JAVA, TaskType.REFACTORING);
        complete("Rotate the signing keys", PYTHON, TaskType.OTHER);
        assertThat(engine.retrieveRelevantContext("http client wrapper", TaskContext.general(), 1))
                .extracting(h -> h.episode().id()).containsExactly(id);
    }

    @Test
    void amongEqualTextTheNewerAndTheMatchingContextWin() {
        UUID older = complete("Tune the connection pool of the order database", JAVA, TaskType.ANALYSIS);
        clock.advance(Duration.ofDays(30));
        UUID newer = complete("Tune the connection pool of the order database", JAVA, TaskType.ANALYSIS);
        List<ScoredEpisode> hits = engine.retrieveRelevantContext("connection pool order database", JAVA, 2);
        assertThat(hits).extracting(h -> h.episode().id()).containsExactly(newer, older);
        assertThat(hits.get(0).recency()).isGreaterThan(hits.get(1).recency());

        UUID python = complete("Tune the connection pool of the order database", PYTHON, TaskType.ANALYSIS);
        assertThat(engine.retrieveRelevantContext("connection pool order database", JAVA, 1).get(0).episode().id())
                .isNotEqualTo(python);
        assertThat(engine.retrieveRelevantContext("connection pool order database", PYTHON, 1).get(0).episode().id())
                .isEqualTo(python);
    }

    @Test
    void filtersAreHardConditions() {
        unrelatedCorpus();
        List<ScoredEpisode> hits = engine.retrieveRelevantContext(
                RetrievalRequest.of("service endpoint retry", JAVA, 10)
                        .withFilter(new RetrievalFilter(null, null, "python", null, List.of(), null)));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.episode().context().language()).isEqualTo("python"));

        List<ScoredEpisode> tagged = engine.retrieveRelevantContext(RetrievalRequest.of("anything at all", JAVA, 10)
                .withFilter(new RetrievalFilter(TaskType.ANALYSIS, null, null, null, List.of("etl"), null)));
        assertThat(tagged).hasSize(1).allSatisfy(h -> assertThat(h.episode().taskType()).isEqualTo(TaskType.ANALYSIS));
    }

    @Test
    void contextAloneFindsCandidatesWhenNoWordMatches() {
        UUID id = complete("Backfill the daily events partition after the outage", PYTHON, TaskType.OTHER);
        assertThat(engine.retrieveRelevantContext("zzz qqq", PYTHON, 5)).extracting(h -> h.episode().id())
                .containsExactly(id);
    }

    @Test
    void mmrLetsADifferentEpisodeThroughNearDuplicates() {
        for (int i = 0; i < 4; i++) {
            complete("Fix the flaky retry test in HttpClientWrapper", JAVA, TaskType.TESTING);
        }
        UUID different = complete("Fix the flaky checkout test after the cart refactoring", JAVA, TaskType.TESTING);
        String query = "fix flaky retry test HttpClientWrapper";
        List<ScoredEpisode> plain = engine.retrieveRelevantContext(RetrievalRequest.of(query, JAVA, 2));
        List<ScoredEpisode> diverse = engine.retrieveRelevantContext(RetrievalRequest.of(query, JAVA, 2).withMmr(0.5));
        assertThat(plain).extracting(h -> h.episode().id()).doesNotContain(different);
        assertThat(diverse).extracting(h -> h.episode().id()).contains(different);
    }

    @Test
    void compactionAfterManyDeletionsKeepsResultsRight() {
        UUID keep = complete("Migrate the ledger service to the new event schema", JAVA, TaskType.REFACTORING);
        for (int i = 0; i < 2_100; i++) {
            UUID id = complete("Migrate the ledger service to the old schema number " + i, JAVA, TaskType.REFACTORING);
            engine.deleteEpisode(id);
        }
        assertThat(engine.stats().indexTombstones()).isLessThan(1_100);   // compacted at least once
        List<ScoredEpisode> hits = engine.retrieveRelevantContext("ledger service event schema", JAVA, 10);
        assertThat(hits).extracting(h -> h.episode().id()).containsExactly(keep);
    }
}
