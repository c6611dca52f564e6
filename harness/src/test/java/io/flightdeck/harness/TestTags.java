package io.flightdeck.harness;

/** JUnit tags that decide which pass of .ci/run runs a test. */
public final class TestTags {

    /**
     * A test whose subject does not depend on the JDK (files of the home, comparisons, budgets, the library's
     * plumbing), though it may start child JVMs: the default JDK's pass runs it, the JDK 25 pass of .ci/run leaves it
     * out to stay in CI's time budget.
     */
    public static final String JDK_NEUTRAL = "jdk-neutral";

    private TestTags() {
    }
}
