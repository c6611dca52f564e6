package io.flightdeck.harness.check;

import io.flightdeck.harness.check.BudgetVerdict.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class BudgetEvaluatorTest {

    private static final double MS = 1e6;

    @ParameterizedTest(name = "max 50 ms, measured {0} ms → {1}")
    @CsvSource({
            "0,        PASS",
            "30,       PASS",
            "45,       PASS",     // exactly 0.9 × limit
            "45.001,   WARN",
            "49.999,   WARN",
            "50,       WARN",     // exactly at the limit is still inside
            "50.00001, FAIL",
            "80,       FAIL",     // the budget is below the measured value
    })
    void maxBoundaries(double measuredMs, Status expected) {
        List<BudgetVerdict> verdicts = evaluate(max("episode-creation", null, "p95", 50 * MS),
                new Measurement("episode-creation", "default", "p95", measuredMs * MS));

        assertThat(verdicts).singleElement().extracting(BudgetVerdict::status).isEqualTo(expected);
    }

    @ParameterizedTest(name = "min 100/s, measured {0}/s → {1}")
    @CsvSource({
            "1000,    PASS",
            "110,     PASS",      // exactly 1.1 × limit
            "109.99,  WARN",
            "100,     WARN",      // exactly at the limit is still inside
            "99.999,  FAIL",
            "0,       FAIL",
    })
    void minBoundaries(double measured, Status expected) {
        List<BudgetVerdict> verdicts = evaluate(min("concurrency", null, "throughput", 100),
                new Measurement("concurrency", "threads=8", "throughput", measured));

        assertThat(verdicts).singleElement().extracting(BudgetVerdict::status).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} against {2} → margin {3}")
    @CsvSource({
            "MAX, 45,  50,  0.10",
            "MAX, 60,  50, -0.20",
            "MAX, 50,  50,  0.00",
            "MIN, 110, 100, 0.10",
            "MIN, 90,  100, -0.10",
    })
    void marginIsTheSignedFractionInsideTheLimit(Bound bound, double measured, double limit, double margin) {
        Budget budget = new Budget("w", null, "m", bound, limit, UnitKind.NUMBER, null);

        List<BudgetVerdict> verdicts = evaluate(budget, new Measurement("w", "default", "m", measured));

        assertThat(verdicts.get(0).margin()).isCloseTo(margin, within(1e-12));
    }

    @Test
    void verdictCarriesTheBudgetAndTheMeasurement() {
        List<BudgetVerdict> verdicts = evaluate(max("episode-creation", null, "p95", 50 * MS),
                new Measurement("episode-creation", "default", "p50", 10 * MS),
                new Measurement("episode-creation", "default", "p95", 60 * MS));

        assertThat(verdicts).containsExactly(new BudgetVerdict("episode-creation", "default", "p95", Bound.MAX,
                50 * MS, 60 * MS, UnitKind.DURATION, Status.FAIL, -0.2));
        assertThat(BudgetEvaluator.anyFailed(verdicts)).isTrue();
    }

    @Test
    void anAllCaseBudgetJudgesEveryCaseAndACaseBudgetOnlyItsOwn() {
        Budgets budgets = new Budgets("test", List.of(
                max("retrieval-scaling", null, "p95", 100 * MS),
                max("retrieval-scaling", "size=10000", "p95", 20 * MS)));
        List<Measurement> run = List.of(
                new Measurement("retrieval-scaling", "size=1000", "p95", 5 * MS),
                new Measurement("retrieval-scaling", "size=10000", "p95", 30 * MS),
                new Measurement("retrieval-scaling", "size=100000", "p95", 95 * MS));

        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(budgets, run);

        // budget-file order first, then the order the cases were measured in
        assertThat(verdicts)
                .extracting(BudgetVerdict::caseLabel, BudgetVerdict::limit, BudgetVerdict::status)
                .containsExactly(
                        tuple("size=1000", 100 * MS, Status.PASS),
                        tuple("size=10000", 100 * MS, Status.PASS),
                        tuple("size=100000", 100 * MS, Status.WARN),
                        tuple("size=10000", 20 * MS, Status.FAIL));
    }

    @Test
    void aWorkloadNotMeasuredAtAllGivesNoVerdict() {
        Budgets budgets = new Budgets("test", List.of(max("episode-creation", null, "p95", 50 * MS),
                max("step-logging", null, "p95", 20 * MS)));
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(budgets,
                List.of(new Measurement("step-logging", "default", "p95", 1 * MS)));

        assertThat(verdicts).extracting(BudgetVerdict::workload).containsExactly("step-logging");
    }

    @Test
    void aMeasuredWorkloadWithoutTheMetricIsNotMeasuredAndDoesNotFail() {
        Budgets budgets = new Budgets("test", List.of(
                max("memory-pressure", null, "retained-bytes-per-episode", 262144),
                max("memory-pressure", "size=5", "p95", 1 * MS)));
        List<Measurement> run = List.of(
                new Measurement("memory-pressure", "default", "heap-growth-bytes-per-episode", 1000),
                new Measurement("memory-pressure", "other", "retained-bytes-per-episode", Double.NaN));

        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(budgets, run);

        assertThat(verdicts)
                .extracting(BudgetVerdict::caseLabel, BudgetVerdict::metric, BudgetVerdict::status)
                .containsExactly(
                        tuple("default", "retained-bytes-per-episode", Status.NOT_MEASURED),
                        tuple("other", "retained-bytes-per-episode", Status.NOT_MEASURED),
                        // a named case that did not run is reported too
                        tuple("size=5", "p95", Status.NOT_MEASURED));
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.measured()).isNaN();
            assertThat(v.margin()).isNaN();
            assertThat(v.failed()).isFalse();
        });
        assertThat(BudgetEvaluator.anyFailed(verdicts)).isFalse();
    }

    @Test
    void anyFailedOnlyForFail() {
        List<BudgetVerdict> warnOnly = evaluate(max("lifecycle", null, "p95", 100),
                new Measurement("lifecycle", "default", "p95", 95));

        assertThat(warnOnly).extracting(BudgetVerdict::status).containsExactly(Status.WARN);
        assertThat(BudgetEvaluator.anyFailed(warnOnly)).isFalse();
        assertThat(BudgetEvaluator.anyFailed(List.of())).isFalse();
    }

    @Test
    void statusSymbols() {
        assertThat(Status.PASS.symbol()).isEqualTo("✅");
        assertThat(Status.WARN.symbol()).isEqualTo("⚠️");
        assertThat(Status.FAIL.symbol()).isEqualTo("❌");
        assertThat(Status.NOT_MEASURED.symbol()).isEqualTo("—");
    }

    private static Budget max(String workload, String caseLabel, String metric, double limit) {
        return new Budget(workload, caseLabel, metric, Bound.MAX, limit, UnitKind.forMetric(metric), null);
    }

    private static Budget min(String workload, String caseLabel, String metric, double limit) {
        return new Budget(workload, caseLabel, metric, Bound.MIN, limit, UnitKind.forMetric(metric), null);
    }

    private static List<BudgetVerdict> evaluate(Budget budget, Measurement... measurements) {
        return BudgetEvaluator.evaluate(new Budgets("test", List.of(budget)), List.of(measurements));
    }
}
