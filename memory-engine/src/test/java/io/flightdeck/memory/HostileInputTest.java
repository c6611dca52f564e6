package io.flightdeck.memory;

import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;
import io.flightdeck.memory.error.MemoryException;
import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;
import io.flightdeck.memory.retrieval.RetrievalFilter;
import io.flightdeck.memory.retrieval.RetrievalRequest;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import io.flightdeck.memory.storage.sqlite.SqliteEpisodeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static io.flightdeck.memory.TestSteps.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile inputs from the robustness sweep (issue 16): each is rejected with the engine's own exception and a
 * message that says what is wrong, and leaves nothing behind. Each failed before its fix (stored, accepted, or
 * thrown as Java's own NullPointerException / IllegalArgumentException).
 */
class HostileInputTest {

    /** A lone high surrogate: not Unicode; SQLite's UTF-8 would store it as '?'. */
    private static final String LONE = "\uD83D";

    private InMemoryEpisodeStore store;
    private MemoryEngine engine;

    @BeforeEach
    void open() {
        store = new InMemoryEpisodeStore();
        engine = MemoryEngine.open(store, MemoryConfig.builder().stepFlushCount(1).build());
    }

    private UUID started() {
        return engine.startEpisode("Fix the flaky retry test", TaskContext.general(), TaskType.DEBUGGING);
    }

    private static ExecutionStep step(int number) {
        return ExecutionStep.of(number, T0, "grep", "search", "{}", ExecutionResult.success("ok"), 5);
    }

    private static ExecutionStep stepWithParameters(String parameters) {
        return ExecutionStep.of(1, T0, "grep", "search", parameters, ExecutionResult.success("ok"), 5);
    }

    private void assertNothingStarted() {
        assertThat(engine.stats().activeEpisodes()).isZero();
        assertThat(store.loadInProgress()).isEmpty();
    }

    private void assertSteps(UUID id, int expected) {
        assertThat(engine.getEpisode(id).orElseThrow().steps()).hasSize(expected);
        assertThat(store.findEpisode(id).orElseThrow().steps()).hasSize(expected);
    }

    // ------------------------------------------------------------ the context counts toward the limits

    @Test
    void aTwentyMegabyteLanguageIsRejectedNotStored() {
        TaskContext huge = TaskContext.of("web", "l".repeat(20_000_000), null, Complexity.SIMPLE);
        assertThatThrownBy(() -> engine.startEpisode("Task", huge, TaskType.OTHER))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("task language is 20000000 bytes, over the limit of 256 bytes");
        assertNothingStarted();
    }

    @Test
    void contextFieldsCountTowardTheWholeEpisodeLimit() {
        // with the per-name limit lifted, language, framework and domain still count toward the 10 MB episode
        InputLimits roomyNames = new InputLimits(10_000, 1_000, 10_000, 1_000_000, 10_000_000L, 1_000, 8_000_000,
                10_000, 10_000);
        MemoryEngine lenient = MemoryEngine.open(store, MemoryConfig.builder().limits(roomyNames).build());
        for (TaskContext c : List.of(
                TaskContext.of("web", "l".repeat(6_000_000), "f".repeat(6_000_000), Complexity.SIMPLE),
                TaskContext.of("d".repeat(6_000_000), "l".repeat(6_000_000), null, Complexity.SIMPLE))) {
            assertThatThrownBy(() -> lenient.startEpisode("Task", c, TaskType.OTHER))
                    .isInstanceOf(InputLimitExceededException.class)
                    .hasMessageStartingWith("serialised episode is 120");
        }
        assertThat(lenient.stats().activeEpisodes()).isZero();
        assertThat(store.loadInProgress()).isEmpty();
    }

    @Test
    void tagsCountTowardTheWholeEpisodeLimit() {
        String[] tags = new String[110_000]; // 110,000 distinct 100-character tags: 11 MB
        for (int i = 0; i < tags.length; i++) {
            tags[i] = String.format("%0100d", i);
        }
        TaskContext many = TaskContext.of("web", null, null, Complexity.SIMPLE, tags);
        assertThatThrownBy(() -> engine.startEpisode("Task", many, TaskType.OTHER))
                .isInstanceOf(InputLimitExceededException.class).hasMessageStartingWith("serialised episode is ");
        assertNothingStarted();
    }

    @Test
    void manySmallMetadataEntriesCountTowardTheWholeEpisodeLimit() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 110_000; i++) { // 110,000 entries of a 100-byte key: over 11 MB
            many.put(String.format("%0100d", i), "");
        }
        assertThatThrownBy(() -> engine.startEpisode("Task", TaskContext.general(), TaskType.OTHER, many))
                .isInstanceOf(InputLimitExceededException.class).hasMessageStartingWith("serialised episode is ");
        assertNothingStarted();
        UUID id = started();
        ExecutionStep step = new ExecutionStep(1, T0, "grep", "x", "{}", null, 1, null, many);
        assertThatThrownBy(() -> engine.logStep(id, step))
                .isInstanceOf(InputLimitExceededException.class).hasMessageStartingWith("serialised episode is ");
        assertSteps(id, 0);
    }

    // ------------------------------------------------------------ unpaired surrogates, on every text input

    static Stream<String> textInputs() {
        return Stream.of(
                "task description",
                "task domain",
                "task language",
                "task framework",
                "episode metadata key",
                "episode metadata value",
                "step 1 tool",
                "step 1 action",
                "step 1 parameters",
                "step 1 output",
                "step 1 error message",
                "step 1 metadata key",
                "step 1 metadata value",
                "outcome verdict",
                "outcome artifact",
                "outcome completed item",
                "outcome failed item",
                "outcome reason",
                "outcome details",
                "abstention reason",
                "retrieval query",
                "filter language");
    }

    /** What each text input is, fed with {@code bad}. */
    private void feed(String field, String bad) {
        Map<String, BiConsumer<UUID, String>> withEpisode = Map.ofEntries(
                Map.entry("step 1 tool", (id, s) -> engine.logStep(id, ExecutionStep.of(1, T0, s, "search", "{}",
                        ExecutionResult.success("ok"), 5))),
                Map.entry("step 1 action", (id, s) -> engine.logStep(id, ExecutionStep.of(1, T0, "grep", s, "{}",
                        ExecutionResult.success("ok"), 5))),
                Map.entry("step 1 parameters", (id, s) -> engine.logStep(id, stepWithParameters("{\"q\":\"" + s
                        + "\"}"))),
                Map.entry("step 1 output", (id, s) -> engine.logStep(id, ExecutionStep.of(1, T0, "grep", "search",
                        "{}", ExecutionResult.success(s), 5))),
                Map.entry("step 1 error message", (id, s) -> engine.logStep(id, ExecutionStep.of(1, T0, "grep",
                        "search", "{}", ExecutionResult.error(s), 5))),
                Map.entry("step 1 metadata key", (id, s) -> engine.logStep(id, new ExecutionStep(1, T0, "grep",
                        "search", "{}", null, 5, null, Map.of(s, "v")))),
                Map.entry("step 1 metadata value", (id, s) -> engine.logStep(id, new ExecutionStep(1, T0, "grep",
                        "search", "{}", null, 5, null, Map.of("k", s)))),
                Map.entry("outcome verdict", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.Success(s, List.of()))),
                Map.entry("outcome artifact", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.Success("done", List.of("a", s)))),
                Map.entry("outcome completed item", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.PartialSuccess("half", List.of(s), List.of()))),
                Map.entry("outcome failed item", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.PartialSuccess("half", List.of(), List.of(s)))),
                Map.entry("outcome reason", (id, s) -> engine.completeEpisode(id, new TaskOutcome.Failure(s, null))),
                Map.entry("outcome details", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.Failure("broke", s))),
                Map.entry("abstention reason", (id, s) -> engine.completeEpisode(id,
                        new TaskOutcome.Abstained(s, 1))));
        switch (field) {
            case "task description" -> engine.startEpisode("Fix " + bad, TaskContext.general(), TaskType.OTHER);
            case "task domain" -> engine.startEpisode("Fix", TaskContext.of(bad, null, null, null), TaskType.OTHER);
            case "task language" -> engine.startEpisode("Fix", TaskContext.of("web", bad, null, null), TaskType.OTHER);
            case "task framework" -> engine.startEpisode("Fix", TaskContext.of("web", "java", bad, null),
                    TaskType.OTHER);
            case "episode metadata key" -> engine.startEpisode("Fix", TaskContext.general(), TaskType.OTHER,
                    Map.of(bad, "v"));
            case "episode metadata value" -> engine.startEpisode("Fix", TaskContext.general(), TaskType.OTHER,
                    Map.of("k", bad));
            case "retrieval query" -> engine.retrieveRelevantContext(bad, TaskContext.general(), 5);
            case "filter language" -> engine.retrieveRelevantContext(RetrievalRequest.of("q", null, 5)
                    .withFilter(new RetrievalFilter(null, null, bad, null, List.of(), null)));
            default -> withEpisode.get(field).accept(started(), bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textInputs")
    void unpairedSurrogatesAreRejectedOnEveryTextInput(String field) {
        for (String bad : List.of("x" + LONE + "y", "\uDC00", "tail" + LONE)) {
            assertThatThrownBy(() -> feed(field, bad))
                    .as(field)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(field)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
        }
        // nothing was completed, no step was kept
        assertThat(store.countCompleted()).isZero();
        for (Episode e : store.loadInProgress()) {
            assertThat(e.steps()).isEmpty();
        }
    }

    @Test
    void surrogatePairsAreKeptExactlyAcrossAReopenOfTheSqliteStore(@TempDir Path dir) {
        String emoji = "fix the \uD83D\uDE80 launcher \uD801\uDC37";
        UUID id;
        try (MemoryEngine sqlite = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            id = sqlite.startEpisode(emoji, TaskContext.general(), TaskType.OTHER, Map.of("k", emoji));
            sqlite.logStep(id, ExecutionStep.of(1, T0, "grep", emoji, "{\"q\":\"" + emoji + "\"}",
                    ExecutionResult.success(emoji), 5));
            sqlite.completeEpisode(id, new TaskOutcome.Success(emoji, List.of(emoji)));
            assertThatThrownBy(() -> sqlite.startEpisode(LONE, TaskContext.general(), TaskType.OTHER))
                    .isInstanceOf(InvalidInputException.class);
        }
        try (MemoryEngine reopened = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            Episode e = reopened.getEpisode(id).orElseThrow();
            assertThat(e.description()).isEqualTo(emoji);
            assertThat(e.metadata()).containsEntry("k", emoji);
            assertThat(e.steps().get(0).action()).isEqualTo(emoji);
            assertThat(e.steps().get(0).result().text()).isEqualTo(emoji);
            assertThat(e.outcome()).isEqualTo(new TaskOutcome.Success(emoji, List.of(emoji)));
            assertThat(reopened.stats().completedEpisodes()).isEqualTo(1);
        }
    }

    @Test
    void freeTextWithNulAndControlCharactersAndExtremeTimestampsRoundTripThroughSqlite(@TempDir Path dir) {
        String text = "nul\u0000 bell\u0007 esc\u001b[2J del\u007f c1\u0085 end";
        UUID id;
        try (MemoryEngine sqlite = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            id = sqlite.startEpisode(text, TaskContext.general(), TaskType.OTHER, Map.of("k", text));
            sqlite.logStep(id, ExecutionStep.of(1, java.time.Instant.MIN, "grep", text, "{\"q\":\"\\u0000\"}",
                    ExecutionResult.success(text), 5));
            sqlite.logStep(id, ExecutionStep.of(2, java.time.Instant.MAX, "grep", text, "{}",
                    ExecutionResult.error(text), 5));
            sqlite.completeEpisode(id, new TaskOutcome.Failure(text, text));
        }
        try (MemoryEngine reopened = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            Episode e = reopened.getEpisode(id).orElseThrow();
            assertThat(e.description()).isEqualTo(text);
            assertThat(e.metadata()).containsEntry("k", text);
            assertThat(e.steps()).extracting(ExecutionStep::timestamp)
                    .containsExactly(java.time.Instant.MIN, java.time.Instant.MAX);
            assertThat(e.steps().get(0).action()).isEqualTo(text);
            assertThat(e.steps().get(0).result().text()).isEqualTo(text);
            assertThat(e.steps().get(1).result().text()).isEqualTo(text);
            assertThat(e.outcome()).isEqualTo(new TaskOutcome.Failure(text, text));
        }
    }

    @Test
    void nullEpisodeIdsAreInvalidInput() {
        List<Executable> calls = List.of(
                () -> engine.getEpisode(null),
                () -> engine.deleteEpisode(null),
                () -> engine.logStep(null, step(1)),
                () -> engine.completeEpisode(null, new TaskOutcome.Success("done", List.of())));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(InvalidInputException.class)
                    .hasMessage("episode id must not be null");
        }
    }

    // ------------------------------------------------------------ nulls and negative numbers in the model

    @Test
    void nullsInTheModelAreTheEnginesInvalidInput() {
        List<Executable> calls = List.of(
                () -> TaskContext.of("web", "java", null, null, "ok", null),
                () -> new TaskContext("web", null, null, null, Arrays.asList("ok", null)),
                () -> ExecutionStep.of(1, T0, null, "x", "{}", null, 1),
                () -> ExecutionStep.of(1, null, "grep", "x", "{}", null, 1),
                () -> new ExecutionStep(1, T0, "grep", "x", "{}", null, 1, null, nullValueMap()),
                () -> ExecutionResult.error(null),
                () -> new TaskOutcome.Failure(null, "details"),
                () -> new TaskOutcome.Abstained(null, 1),
                () -> new TaskOutcome.Success("ok", Arrays.asList("a", null)),
                () -> new TaskOutcome.PartialSuccess("ok", Arrays.asList((String) null), List.of()),
                () -> new TaskOutcome.PartialSuccess("ok", List.of(), Arrays.asList((String) null)),
                () -> new RetrievalFilter(null, null, null, null, Arrays.asList("ok", null), null));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("must not be null");
        }
    }

    private static Map<String, String> nullValueMap() {
        Map<String, String> m = new HashMap<>();
        m.put("attempt", null);
        return m;
    }

    @Test
    void negativeLatencyTokensAndStoppingStepAreInvalidInput() {
        assertThatThrownBy(() -> ExecutionStep.of(3, T0, "grep", "x", "{}", null, -1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("step 3 latency must be >= 0 ms, was -1");
        assertThatThrownBy(() -> new TaskOutcome.Abstained("unsafe", -2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("-2");
        UUID id = started();
        assertThatThrownBy(() -> engine.logStep(id, new ExecutionStep(1, T0, "grep", "x", "{}", null, 1, -5,
                Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("step 1 tokens used must be >= 0, was -5");
        engine.logStep(id, new ExecutionStep(1, T0, "grep", "x", "{}", null, 1, 0, Map.of()));
        assertSteps(id, 1);
    }

    // ------------------------------------------------------------ step numbers

    @Test
    void stepNumbersMustBePositive() {
        UUID id = started();
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> engine.logStep(id, step(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("step number must be >= 1, was " + bad);
        }
        assertSteps(id, 0);
    }

    @Test
    void stepNumbersMustIncreaseStrictlyWithinAnEpisode() {
        UUID id = started();
        engine.logStep(id, step(1));
        engine.logStep(id, step(2));
        engine.logStep(id, step(5)); // gaps are fine: a step that was never logged
        assertThatThrownBy(() -> engine.logStep(id, step(5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("step number 5 must be greater than the previous step's 5");
        assertThatThrownBy(() -> engine.logStep(id, step(3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("step number 3 must be greater than the previous step's 5");
        assertSteps(id, 3);
        // another episode counts on its own
        UUID other = started();
        engine.logStep(other, step(1));
    }

    @Test
    void stepNumbersKeepIncreasingInAnEpisodeRestoredFromTheStore(@TempDir Path dir) {
        UUID id;
        try (MemoryEngine first = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            id = first.startEpisode("Fix the flaky retry test", TaskContext.general(), TaskType.DEBUGGING);
            first.logStep(id, step(1));
            first.logStep(id, step(5));
        }
        try (MemoryEngine reopened = MemoryEngine.open(SqliteEpisodeStore.open(dir.resolve("m.db")),
                MemoryConfig.defaults())) {
            assertThatThrownBy(() -> reopened.logStep(id, step(4)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("step number 4 must be greater than the previous step's 5");
            reopened.logStep(id, step(6));
            assertThat(reopened.getEpisode(id).orElseThrow().steps()).extracting(ExecutionStep::stepNumber)
                    .containsExactly(1, 5, 6);
        }
    }

    // ------------------------------------------------------------ parameters are JSON

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "{\"a\":1", "{} {}", "{\"a\":1} trailing", "{'a':1}", "[1,]", "NaN"})
    void parametersMustBeOneJsonValue(String parameters) {
        UUID id = started();
        assertThatThrownBy(() -> engine.logStep(id, stepWithParameters(parameters)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("step 1 parameters are not one JSON value: ");
        assertSteps(id, 0);
    }

    @Test
    void deeplyNestedParametersAreInvalidNotAStackOverflow() {
        UUID id = started();
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> engine.logStep(id, stepWithParameters(deep)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("step 1 parameters are not one JSON value: ");
        assertSteps(id, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"path\":\"src/a.rs\",\"n\":[1,2,{\"x\":null}]}", "[1,2]", "\"text\"", "42",
            "  {\"a\":1}\n"})
    void anyJsonValueIsAcceptedAsParameters(String parameters) {
        UUID id = started();
        engine.logStep(id, stepWithParameters(parameters));
        assertSteps(id, 1);
    }

    // ------------------------------------------------------------ names: tools, domains, languages, keys

    @Test
    void toolsMustBeShortNamesWithoutControlCharacters() {
        UUID id = started();
        assertThatThrownBy(() -> engine.logStep(id, ExecutionStep.of(1, T0, "  ", "x", "{}", null, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("step 1 tool must not be blank");
        assertThatThrownBy(() -> engine.logStep(id, ExecutionStep.of(1, T0, "gr\u001b[2Jep", "x", "{}", null, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("step 1 tool must not hold control characters (U+001B at index 2)");
        assertThatThrownBy(() -> engine.logStep(id, ExecutionStep.of(1, T0, "t".repeat(257), "x", "{}", null, 1)))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("step 1 tool is 257 bytes, over the limit of 256 bytes");
        assertSteps(id, 0);
    }

    @Test
    void contextNamesAndMetadataKeysMustBeCleanNames() {
        assertThatThrownBy(() -> engine.startEpisode("Task", TaskContext.of("web\nsite", null, null, null),
                TaskType.OTHER))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("task domain must not hold control");
        assertThatThrownBy(() -> engine.startEpisode("Task", TaskContext.general(), TaskType.OTHER, Map.of(" ", "v")))
                .isInstanceOf(InvalidInputException.class).hasMessage("episode metadata key must not be blank");
        UUID id = started();
        assertThatThrownBy(() -> engine.logStep(id, new ExecutionStep(1, T0, "grep", "x", "{}", null, 1, null,
                Map.of("", "v"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("step 1 metadata key must not be blank");
        assertThat(store.loadInProgress()).hasSize(1);
    }

    @Test
    void actionsOverTheTextLimitAreRejected() {
        UUID id = started();
        assertThatThrownBy(() -> engine.logStep(id, ExecutionStep.of(1, T0, "grep", "a".repeat(10_001), "{}", null,
                1)))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("step 1 action is 10001 bytes, over the limit of 10000 bytes");
        assertSteps(id, 0);
    }

    @Test
    void freeTextKeepsNewlinesTabsAndEscapes() {
        UUID id = started();
        String output = "line 1\n\tline 2\r\n\u001b[31mred\u001b[0m";
        engine.logStep(id, ExecutionStep.of(1, T0, "run_tests", "run\tall", "{}", ExecutionResult.success(output),
                1));
        assertThat(engine.getEpisode(id).orElseThrow().steps().get(0).result().text()).isEqualTo(output);
    }

    // ------------------------------------------------------------ retrieval

    @Test
    void retrievalQueriesHaveALimit() {
        assertThatThrownBy(() -> engine.retrieveRelevantContext("q".repeat(10_001), TaskContext.general(), 5))
                .isInstanceOf(InputLimitExceededException.class)
                .hasMessage("retrieval query is 10001 bytes, over the limit of 10000 bytes");
        assertThat(engine.retrieveRelevantContext("q".repeat(10_000), TaskContext.general(), 5)).isEmpty();
    }

    @Test
    void filtersMustBeAnswerable() {
        assertThatThrownBy(() -> new RetrievalFilter(null, null, null, null, List.of(), Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new RetrievalFilter(null, null, null, null, List.of("bad tag!"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad tag!");
    }

    @Test
    void everyRejectionIsAMemoryException() {
        // a caller can catch the engine's errors in one place
        assertThatThrownBy(() -> engine.logStep(started(), step(0))).isInstanceOf(MemoryException.class);
    }
}
