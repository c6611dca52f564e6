package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.check.Bound;
import io.flightdeck.harness.check.Budget;
import io.flightdeck.harness.check.BudgetEvaluator;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.BudgetVerdict.Status;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.Measurement;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.child.workload.WorkloadRegistry;

/** The engine plugs into Flightdeck as a user's project does: its service file, its flags, its budgets resource. */
class EngineRegistrationTest {

    private final WorkloadRegistry registry = WorkloadRegistry.load();

    @Test
    void suitesRunTheOrdinaryWorkloadsInTheServiceFilesOrder() {
        Suite quick = Suites.find("quick", registry).orElseThrow();
        assertThat(quick.workloads()).containsExactlyElementsOf(EngineWorkloadsTest.QUICK_SUITE);
        assertThat(quick.leakChecks()).isEmpty();
        assertThat(registry.all()).extracting(Workload::name).endsWith("leak-mixed", "leak-planted", "leak-trickle");
    }

    @Test
    void onlyTheCleanMixIsLeakCheckedByDefaultAndTheNightlySuiteChecksIt() {
        assertThat(registry.leakCheckDefaults()).extracting(Workload::name).containsExactly("leak-mixed");
        assertThat(Suites.find("nightly", registry).orElseThrow().leakChecks()).containsExactly("leak-mixed");
    }

    @Test
    void theStoreIsTheEnginesOwnParameter() {
        Workload creation = registry.find("episode-creation").orElseThrow();
        assertThat(creation.parameterNames()).containsExactly("store");
        creation.checkParameter("store", "MEMORY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> creation.checkParameter("store", "postgres"))
                .withMessage("store=postgres: unknown store, use memory or sqlite");
        assertThat(registry.find("pattern-extraction").orElseThrow().parameterNames()).isEmpty();
    }

    @Test
    void theEnginesBudgetsAreTheSeedTargets() {
        Budgets defaults = Budgets.defaults();

        assertThat(defaults.source()).endsWith(Budgets.RESOURCE);
        assertThat(defaults.budgets())
                .extracting(Budget::workload, Budget::caseLabel, Budget::metric, Budget::bound, Budget::limit,
                        Budget::unit)
                .containsExactly(
                        tuple("episode-creation", null, "p95", Bound.MAX, 50e6, UnitKind.DURATION),
                        tuple("step-logging", null, "p95", Bound.MAX, 20e6, UnitKind.DURATION),
                        tuple("episode-completion", null, "p95", Bound.MAX, 500e6, UnitKind.DURATION),
                        tuple("pattern-extraction", null, "p95", Bound.MAX, 1e9, UnitKind.DURATION),
                        tuple("retrieval-scaling", null, "p95", Bound.MAX, 100e6, UnitKind.DURATION),
                        tuple("concurrency", null, "throughput", Bound.MIN, 100.0, UnitKind.RATE),
                        tuple("lifecycle", null, "p95", Bound.MAX, 1e9, UnitKind.DURATION),
                        tuple("memory-pressure", null, "heap-growth-bytes-per-episode", Bound.MAX, 32768.0,
                                UnitKind.BYTES),
                        tuple("memory-pressure", null, "retained-bytes-per-episode", Bound.MAX, 32768.0,
                                UnitKind.BYTES),
                        tuple("leak-mixed", null, "leak-bytes-per-op", Bound.MAX, 16.0, UnitKind.BYTES),
                        tuple("leak-mixed", null, "leak-bytes-per-s", Bound.MAX, 65536.0, UnitKind.BYTES));
    }

    @Test
    void theEnginesBudgetsNameOnlyItsWorkloads() {
        Budgets defaults = Budgets.defaults();
        assertThat(defaults.source()).doesNotContain(" + "); // the engine's file alone
        defaults.validateWorkloads(Set.copyOf(registry.names())); // throws on a name it does not know
    }

    @Test
    void theEnginesBudgetsJudgeARunShapedLikeTheSeedTable() {
        List<Measurement> run = List.of(
                new Measurement("episode-creation", "default", "p95", 0.27e3),
                new Measurement("concurrency", "threads=1", "throughput", 1154),
                new Measurement("concurrency", "threads=8", "throughput", 95),
                new Measurement("memory-pressure", "default", "retained-bytes-per-episode", 300 * 1024));

        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(Budgets.defaults(), run);

        assertThat(verdicts)
                .extracting(BudgetVerdict::workload, BudgetVerdict::caseLabel, BudgetVerdict::metric,
                        BudgetVerdict::status)
                .containsExactly(
                        tuple("episode-creation", "default", "p95", Status.PASS),
                        tuple("concurrency", "threads=1", "throughput", Status.PASS),
                        tuple("concurrency", "threads=8", "throughput", Status.FAIL),
                        tuple("memory-pressure", "default", "heap-growth-bytes-per-episode", Status.NOT_MEASURED),
                        tuple("memory-pressure", "default", "retained-bytes-per-episode", Status.FAIL));
    }
}
