package io.flightdeck.harness.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class BudgetsTest {

    private static final Set<String> WORKLOADS = Set.of("episode-creation", "step-logging", "episode-completion",
            "pattern-extraction", "lifecycle", "retrieval-scaling", "concurrency", "memory-pressure", "leak-mixed");

    @TempDir
    Path dir;

    @Test
    void defaultsAreEveryBudgetsResourceOnTheClassPathInOrder() throws IOException {
        Path first = resource("first", """
                { "schemaVersion": 1, "budgets": [ { "workload": "a", "metric": "p95", "max": "5ms" } ],
                  "regressions": [ { "workload": "a", "metric": "mean", "limit": "5%" } ] }""");
        Path second = resource("second", """
                { "schemaVersion": 1, "budgets": [ { "workload": "b", "metric": "throughput", "min": "10/s" },
                                                   { "workload": "a", "metric": "p99", "max": "9ms" } ] }""");
        try (URLClassLoader loader = loader(first, second)) {
            Budgets defaults = Budgets.defaults(loader);
            assertThat(defaults.budgets()).extracting(Budget::workload, Budget::metric)
                    .containsExactly(tuple("a", "p95"), tuple("b", "throughput"), tuple("a", "p99"));
            assertThat(defaults.regressions()).extracting(RegressionLimit::workload).containsExactly("a");
            assertThat(defaults.source()).isEqualTo(first.resolve(Budgets.RESOURCE) + " + "
                    + second.resolve(Budgets.RESOURCE));
        }
    }

    @Test
    void noBudgetsOnTheClassPathIsNoBudgets() throws IOException {
        try (URLClassLoader loader = loader(Files.createDirectories(dir.resolve("empty")))) {
            Budgets defaults = Budgets.defaults(loader);
            assertThat(defaults.budgets()).isEmpty();
            assertThat(defaults.source()).isEqualTo(Budgets.NONE_ON_CLASS_PATH);
        }
    }

    @Test
    void aBrokenBudgetsResourceIsNamedInTheError() throws IOException {
        Path broken = resource("broken", "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": ");
        try (URLClassLoader loader = loader(broken)) {
            assertThatThrownBy(() -> Budgets.defaults(loader)).isInstanceOf(BudgetFileException.class)
                    .hasMessageContaining(broken.resolve(Budgets.RESOURCE).toString());
        }
    }

    private Path resource(String folder, String content) throws IOException {
        Path root = dir.resolve(folder);
        Path file = root.resolve(Budgets.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return root;
    }

    /** A loader of these folders only, not the test's own class path. */
    private static URLClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void loadsTheDocumentedExample() throws IOException {
        Path file = write("""
                { "schemaVersion": 1,
                  "budgets": [
                    { "workload": "episode-creation", "metric": "p95", "max": "50ms" },
                    { "workload": "retrieval-scaling", "case": "size=10000", "metric": "p95", "max": "100ms" },
                    { "workload": "concurrency", "metric": "throughput", "min": "100/s", "note": "8 threads" },
                    { "workload": "memory-pressure", "metric": "retained-bytes-per-episode", "max": "256KiB" },
                    { "workload": "step-logging", "metric": "p99", "max": 2000000 },
                    { "workload": "pattern-extraction", "metric": "allocations", "max": 40 } ] }
                """);

        Budgets budgets = Budgets.load(file);

        assertThat(budgets.source()).isEqualTo(file.toString());
        assertThat(budgets.budgets())
                .extracting(Budget::workload, Budget::caseLabel, Budget::metric, Budget::bound, Budget::limit,
                        Budget::unit, Budget::note)
                .containsExactly(
                        tuple("episode-creation", null, "p95", Bound.MAX, 50e6, UnitKind.DURATION, null),
                        tuple("retrieval-scaling", "size=10000", "p95", Bound.MAX, 100e6, UnitKind.DURATION, null),
                        tuple("concurrency", null, "throughput", Bound.MIN, 100.0, UnitKind.RATE, "8 threads"),
                        tuple("memory-pressure", null, "retained-bytes-per-episode", Bound.MAX, 262144.0,
                                UnitKind.BYTES, null),
                        // a plain number is in the metric's base unit: nanoseconds for a latency
                        tuple("step-logging", null, "p99", Bound.MAX, 2e6, UnitKind.DURATION, null),
                        tuple("pattern-extraction", null, "allocations", Bound.MAX, 40.0, UnitKind.NUMBER, null));
    }

    @Test
    void aSizeOrRateOnAWorkloadSpecificMetricTakesThatUnit() throws IOException {
        Path file = write("""
                { "schemaVersion": 1, "budgets": [
                    { "workload": "memory-pressure", "metric": "heap-growth", "max": "1MiB" },
                    { "workload": "memory-pressure", "metric": "gc-cycles", "max": "2/s" } ] }
                """);

        assertThat(Budgets.load(file).budgets()).extracting(Budget::unit)
                .containsExactly(UnitKind.BYTES, UnitKind.RATE);
    }

    static Stream<Arguments> malformedFiles() {
        String ok = "\"workload\": \"episode-creation\", \"metric\": \"p95\"";
        return Stream.of(
                Arguments.of("not JSON", "this is not json", "not valid JSON"),
                Arguments.of("empty file", "", "empty"),
                Arguments.of("truncated", "{ \"schemaVersion\": 1, \"budgets\": [", "not valid JSON"),
                Arguments.of("top level array", "[]", "expected an object"),
                Arguments.of("unknown top-level field",
                        "{ \"schemaVersion\": 1, \"budgets\": [], \"extra\": true }", "unknown field \"extra\""),
                Arguments.of("unknown budget field",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"maximum\": \"5ms\" } ] }",
                        "unknown field \"maximum\" in budget #1"),
                Arguments.of("missing metric",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"lifecycle\", \"max\": \"1s\" } ] }",
                        "missing \"metric\""),
                Arguments.of("missing workload",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"metric\": \"p95\", \"max\": \"1s\" } ] }",
                        "missing \"workload\""),
                Arguments.of("both max and min",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"5ms\", \"min\": \"1ms\" } ] }",
                        "both \"max\" and \"min\""),
                Arguments.of("neither max nor min",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + " } ] }", "neither \"max\" nor \"min\""),
                Arguments.of("unparseable value",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"fast\" } ] }",
                        "cannot read 'fast'"),
                Arguments.of("unknown unit",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"5 msec\" } ] }",
                        "unknown unit 'msec'"),
                Arguments.of("boolean value",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": true } ] }",
                        "must be a number or a string"),
                Arguments.of("negative number",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": -5 } ] }", "negative"),
                Arguments.of("negative duration",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"-5ms\" } ] }", "negative"),
                Arguments.of("size on a latency",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"256KiB\" } ] }",
                        "is a size"),
                Arguments.of("rate on a latency",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": \"100/s\" } ] }",
                        "is a rate"),
                Arguments.of("duration on throughput",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"concurrency\","
                                + " \"metric\": \"throughput\", \"min\": \"10ms\" } ] }", "is a duration"),
                Arguments.of("duration on a byte metric",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"memory-pressure\","
                                + " \"metric\": \"retained-bytes-per-episode\", \"max\": \"1s\" } ] }",
                        "is a duration"),
                Arguments.of("duration on a workload-specific metric",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": \"memory-pressure\","
                                + " \"metric\": \"gc-cycles\", \"max\": \"1s\" } ] }", "is a duration"),
                Arguments.of("unsupported schemaVersion",
                        "{ \"schemaVersion\": 2, \"budgets\": [] }", "unsupported schemaVersion 2"),
                Arguments.of("missing schemaVersion", "{ \"budgets\": [] }", "missing \"schemaVersion\""),
                Arguments.of("schemaVersion as text",
                        "{ \"schemaVersion\": \"1\", \"budgets\": [] }", "wrong type for \"schemaVersion\""),
                Arguments.of("missing budgets", "{ \"schemaVersion\": 1 }", "missing \"budgets\""),
                Arguments.of("budgets not an array",
                        "{ \"schemaVersion\": 1, \"budgets\": {} }", "wrong type for \"budgets\""),
                Arguments.of("workload as number",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { \"workload\": 5, \"metric\": \"p95\", \"max\": 1 } ] }",
                        "wrong type for \"workload\" of budget #1"),
                Arguments.of("duplicate field",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"max\": 1, \"max\": 2 } ] }",
                        "Duplicate field 'max'"),
                Arguments.of("null budget",
                        "{ \"schemaVersion\": 1, \"budgets\": [ null ] }", "budget #1 is null"),
                Arguments.of("blank case",
                        "{ \"schemaVersion\": 1, \"budgets\": [ { " + ok + ", \"case\": \" \", \"max\": 1 } ] }",
                        "\"case\" is blank"),
                Arguments.of("trailing content",
                        "{ \"schemaVersion\": 1, \"budgets\": [] } {}", "after the end"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFileGivesOneLineNamingTheFileAndTheProblem(String name, String content, String problem)
            throws IOException {
        Path file = write(content);

        BudgetFileException e = catchThrowableOfType(BudgetFileException.class, () -> Budgets.load(file));

        assertThat(e).as("no exception for %s", name).isNotNull();
        assertThat(e.getMessage())
                .startsWith("budgets file " + file)
                .contains(problem)
                .doesNotContain("\n", "\r", "com.fasterxml", "Jackson", "java.lang", "Exception", "\tat ");
    }

    @Test
    void validationErrorsPointAtTheBudgetsLineAndColumn() throws IOException {
        Path file = write("""
                { "schemaVersion": 1,
                  "budgets": [
                    { "workload": "episode-creation", "metric": "p95", "max": "50ms" },
                    { "workload": "step-logging", "metric": "p95", "max": "20 msec" } ] }
                """);

        assertThatThrownBy(() -> Budgets.load(file))
                .isInstanceOf(BudgetFileException.class)
                .hasMessage("budgets file " + file + " (line 4, column 5): budget #2 (step-logging p95): unknown unit"
                        + " 'msec' in '20 msec'; use ns, us, µs, ms, s for durations, /s for rates, B, KB, KiB, MB,"
                        + " MiB, GB, GiB for sizes");
    }

    @Test
    void syntaxErrorsCarryJacksonsPosition() throws IOException {
        Path file = write("{ \"schemaVersion\": 1,\n  \"budgets\": [ { \"workload\": \"a\", } ] }");

        assertThatThrownBy(() -> Budgets.load(file))
                .isInstanceOf(BudgetFileException.class)
                .hasMessageStartingWith("budgets file " + file + " (line 2, column ");
    }

    @Test
    void missingFileIsABudgetFileException() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> Budgets.load(file))
                .isInstanceOf(BudgetFileException.class)
                .hasMessage("budgets file " + file + ": cannot read: no such file");
    }

    @Test
    void directoryIsABudgetFileException() {
        assertThatThrownBy(() -> Budgets.load(dir))
                .isInstanceOf(BudgetFileException.class)
                .hasMessageStartingWith("budgets file " + dir + ": cannot read: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownWorkloadIsNamedWithTheKnownOnes() throws IOException {
        Path file = write("""
                { "schemaVersion": 1, "budgets": [
                    { "workload": "episode-creation", "metric": "p95", "max": "50ms" },
                    { "workload": "episode-creaton", "metric": "p95", "max": "50ms" } ] }
                """);
        Budgets budgets = Budgets.load(file);

        assertThatThrownBy(() -> budgets.validateWorkloads(Set.of("step-logging", "episode-creation")))
                .isInstanceOf(BudgetFileException.class)
                .hasMessage("budgets file " + file + ": unknown workload 'episode-creaton'"
                        + " (known: episode-creation, step-logging)");
    }

    @Test
    void severalUnknownWorkloadsAreAllNamed() throws IOException {
        Path file = write("""
                { "schemaVersion": 1, "budgets": [
                    { "workload": "foo", "metric": "p95", "max": "50ms" },
                    { "workload": "bar", "metric": "p95", "max": "50ms" },
                    { "workload": "foo", "metric": "p99", "max": "50ms" } ] }
                """);

        assertThatThrownBy(() -> Budgets.load(file).validateWorkloads(Set.of("lifecycle")))
                .hasMessage("budgets file " + file + ": unknown workloads 'foo', 'bar' (known: lifecycle)");
    }

    @Test
    void regressionLimitsAreReadAndCheckedToo() throws IOException {
        Budgets b = Budgets.load(write("""
                {"schemaVersion": 1, "budgets": [],
                 "regressions": [{"workload": "lifecycle", "metric": "mean", "limit": "5%"},
                                 {"workload": "retrieval-scaling", "case": "size=100", "metric": "p99", "limit": "25 %"}]}
                """));
        assertThat(b.regressions()).containsExactly(new RegressionLimit("lifecycle", null, "mean", 0.05),
                new RegressionLimit("retrieval-scaling", "size=100", "p99", 0.25));
        assertThatThrownBy(() -> Budgets.load(write("""
                {"schemaVersion": 1, "budgets": [], "regressions": [{"workload": "lifecycle", "metric": "p95", "limit": "5%"}]}
                """))).isInstanceOf(BudgetFileException.class).hasMessageContaining("metric 'p95' is not one");
        assertThatThrownBy(() -> Budgets.load(write("""
                {"schemaVersion": 1, "budgets": [], "regressions": [{"workload": "lifecycle", "metric": "mean", "limit": "5"}]}
                """))).isInstanceOf(BudgetFileException.class).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> Budgets.load(write("""
                {"schemaVersion": 1, "budgets": [], "regressions": [{"workload": "lifecycle", "metric": "mean", "max": "5%"}]}
                """))).isInstanceOf(BudgetFileException.class).hasMessageContaining("allowed: workload, case, metric, limit, note");
        assertThatThrownBy(() -> Budgets.load(write("""
                {"schemaVersion": 1, "budgets": [], "regressions": [{"workload": "nope", "metric": "mean", "limit": "5%"}]}
                """)).validateWorkloads(WORKLOADS)).isInstanceOf(BudgetFileException.class)
                .hasMessageContaining("unknown workload 'nope'");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("budgets.json"), content);
    }
}
