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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Over random corpora and queries: results are sorted, bounded, within [0, 1] and obey every filter. */
class RetrievalPropertiesTest {

    private static final List<String> WORDS = List.of("fix", "order", "service", "checkout", "cart", "retry",
            "timeout", "invoice", "pagination", "endpoint", "refactor", "gateway", "strategy", "cache", "latency",
            "search", "index", "schema", "migration", "ledger", "payment", "token", "auth", "session", "flaky", "test");
    private static final List<String> DOMAINS = List.of("web", "payments", "search", "auth");
    private static final List<String> LANGUAGES = List.of("java", "python", "go");
    private static final List<String> TAGS = List.of("perf", "flaky-test", "nullability", "security");

    record Doc(String description, TaskContext context, TaskType type, boolean success, boolean failingStep) {
    }

    @Provide
    Arbitrary<Doc> docs() {
        Arbitrary<String> description = Arbitraries.of(WORDS).list().ofMinSize(2).ofMaxSize(10)
                .map(words -> String.join(" ", words));
        Arbitrary<TaskContext> context = Combinators.combine(Arbitraries.of(DOMAINS), Arbitraries.of(LANGUAGES),
                        Arbitraries.of(Complexity.class), Arbitraries.of(TAGS).list().ofMaxSize(2))
                .as((d, l, c, t) -> new TaskContext(d, l, null, c, t));
        return Combinators.combine(description, context, Arbitraries.of(TaskType.class), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Doc::new);
    }

    @Provide
    Arbitrary<List<Doc>> corpora() {
        return docs().list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<RetrievalFilter> filters() {
        return Combinators.combine(
                Arbitraries.of(TaskType.class).injectNull(0.6),
                Arbitraries.of(DOMAINS).injectNull(0.6),
                Arbitraries.of(LANGUAGES).injectNull(0.6),
                Arbitraries.of(TAGS).list().ofMaxSize(1),
                Arbitraries.doubles().between(0, 2).injectNull(0.7))
                .as((t, d, l, tags, r) -> new RetrievalFilter(t, d, l, null, tags, r));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(6).map(words -> String.join(" ", words));
    }

    @Property(tries = 60)
    void resultsAreSortedBoundedAndFiltered(@ForAll("corpora") List<Doc> corpus,
                                            @ForAll("queries") String query,
                                            @ForAll("filters") RetrievalFilter filter,
                                            @ForAll @IntRange(min = 1, max = 15) int limit,
                                            @ForAll boolean mmr) {
        MutableClock clock = new MutableClock(TestSteps.T0);
        MemoryEngine engine = MemoryEngine.inMemory(MemoryConfig.builder().clock(clock).build());
        for (Doc doc : corpus) {
            UUID id = engine.startEpisode(doc.description(), doc.context(), doc.type());
            engine.logStep(id, doc.failingStep() ? err("compile", "boom") : ok("grep"));
            engine.completeEpisode(id, doc.success() ? new TaskOutcome.Success("", List.of())
                    : new TaskOutcome.Failure("no", null));
            clock.advance(Duration.ofHours(3));
        }
        RetrievalRequest request = new RetrievalRequest(query, corpus.get(0).context(), corpus.get(0).type(), limit,
                filter, mmr ? 0.6 : null);

        List<ScoredEpisode> hits = engine.retrieveRelevantContext(request);

        assertThat(hits.size()).isLessThanOrEqualTo(limit);
        assertThat(hits).extracting(h -> h.episode().id()).doesNotHaveDuplicates();
        if (!mmr) {
            assertThat(hits).extracting(ScoredEpisode::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
        for (ScoredEpisode hit : hits) {
            assertThat(hit.score()).isBetween(0.0, 1.0);
            assertThat(hit.text()).isBetween(0.0, 1.0);
            assertThat(filter.accepts(hit.episode().taskType(), hit.episode().context(), hit.episode().reward().total()))
                    .as("result %s obeys filter %s", hit.episode().description(), filter).isTrue();
        }
        // recall: with a corpus this small no term reaches its candidate cap, so every episode that obeys the filter
        // and shares a word with the query is a candidate, and the result can only be short of such episodes
        List<String> queryTerms = Tokenizer.terms(query);
        long sharingAWord = corpus.stream()
                .filter(d -> filter.minReward() == null && filter.accepts(d.type(), d.context(), 0))
                .filter(d -> Tokenizer.terms(d.description()).stream().anyMatch(queryTerms::contains))
                .count();
        assertThat(hits.size()).isGreaterThanOrEqualTo((int) Math.min(limit, sharingAWord));
    }
}
