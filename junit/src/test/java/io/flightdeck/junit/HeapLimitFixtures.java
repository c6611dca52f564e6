package io.flightdeck.junit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link HeapGrowthExtensionTest} to run through the JUnit engine; not run by the build on their own
 * (their name does not end in Test).
 */
class HeapLimitFixtures {

    static final List<Object> KEPT = new ArrayList<>();
    static volatile Object sink;

    static final class Subscription {
        final long[] state = new long[3];
    }

    @Test
    @HeapGrowthLimit(bytesPerOperation = 16, operations = 20_000)
    void leaks() {
        for (int i = 0; i < 20_000; i++) {
            KEPT.add(new Subscription());
        }
    }

    @Test
    @HeapGrowthLimit(bytesPerOperation = 16, operations = 20_000)
    void dropsWhatItMakes() {
        for (int i = 0; i < 20_000; i++) {
            sink = new Subscription();
        }
    }

    @Test
    @HeapGrowthLimit(bytes = 50_000)
    void keepsAMegabyte() {
        KEPT.add(new byte[1 << 20]);
    }

    @Test
    @HeapGrowthLimit(bytes = 50_000)
    void failsOnItsOwn() {
        throw new IllegalStateException("the body's own failure");
    }
}
