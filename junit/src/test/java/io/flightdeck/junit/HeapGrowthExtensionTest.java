package io.flightdeck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link HeapGrowthLimit} on real test methods, run through the Jupiter engine. */
class HeapGrowthExtensionTest {

    @AfterEach
    void forget() {
        HeapLimitFixtures.KEPT.clear();
    }

    static Events run(String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(HeapLimitFixtures.class, method))
                .execute().testEvents();
    }

    @Test
    void aLeakingTestFailsNamingWhatGrew() {
        run("leaks").assertThatEvents().haveExactly(1, event(test("leaks"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(m -> m.contains("over 20,000 operations") && m.contains("above the limit of 16.0 bytes per operation")
                        && m.contains(HeapLimitFixtures.Subscription.class.getName() + " +20,000 instances")))));
    }

    @Test
    void aTestThatKeepsNothingPasses() {
        run("dropsWhatItMakes").assertThatEvents().haveExactly(1, event(test("dropsWhatItMakes"), finishedSuccessfully()));
    }

    @Test
    void aWholeBodyLimitTrips() {
        run("keepsAMegabyte").assertThatEvents().haveExactly(1, event(test("keepsAMegabyte"), finishedWithFailure(
                message(m -> m.contains("above the limit of 50,000 bytes") && m.contains("Grew most: byte[] +")))));
    }

    @Test
    void aBodyThatFailsFailsWithItsOwnError() {
        run("failsOnItsOwn").assertThatEvents().haveExactly(1, event(test("failsOnItsOwn"), finishedWithFailure(
                instanceOf(IllegalStateException.class), message("the body's own failure"))));
        assertThat(HeapLimitFixtures.KEPT).isEmpty();
    }
}
