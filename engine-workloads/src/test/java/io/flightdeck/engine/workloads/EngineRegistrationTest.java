package io.flightdeck.engine.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flightdeck.api.Workload;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.harness.workload.WorkloadRegistry;

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
    void theEnginesBudgetsComeFromItsResourceAndNameOnlyItsWorkloads() {
        Budgets defaults = Budgets.defaults();
        assertThat(defaults.source()).endsWith(Budgets.RESOURCE).doesNotContain(" + ");
        assertThat(defaults.budgets()).hasSize(11)
                .extracting(b -> b.workload(), b -> b.metric())
                .contains(tuple("episode-creation", "p95"), tuple("memory-pressure", "retained-bytes-per-episode"),
                        tuple("leak-mixed", "leak-bytes-per-op"));
        defaults.validateWorkloads(Set.copyOf(registry.names())); // throws on a name it does not know
    }
}
