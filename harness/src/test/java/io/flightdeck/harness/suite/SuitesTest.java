package io.flightdeck.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.workload.WorkloadRegistry;

/** Suites are settings; what they run is what the class path offers (here, the harness's test workloads). */
class SuitesTest {

    private final WorkloadRegistry registry = WorkloadRegistry.load();

    @Test
    void aSuiteRunsTheOrdinaryWorkloadsInTheServiceFilesOrder() {
        Suite quick = Suites.find("quick", registry).orElseThrow();
        // the failing, hanging and leaking test workloads are not ordinary: they run only when named
        assertThat(quick.workloads()).containsExactly("test-sum", "test-knob", "test-busy-setup", "test-inlining");
        assertThat(quick.leakChecks()).isEmpty();
    }

    @Test
    void onlyTheNightlySuiteEndsWithTheDefaultLeakChecks() {
        assertThat(Suites.find("nightly", registry).orElseThrow().leakChecks()).containsExactly("test-steady");
        assertThat(Suites.find("standard", registry).orElseThrow().leakChecks()).isEmpty();
    }

    @Test
    void listedSuitesAreSettingsWithoutWorkloadsAndAnUnknownNameIsNone() {
        assertThat(Suites.all()).extracting(Suite::name).containsExactly("quick", "standard", "nightly");
        assertThat(Suites.all()).allSatisfy(s -> assertThat(s.workloads()).isEmpty());
        assertThat(Suites.find("weekly", registry)).isEmpty();
    }
}
