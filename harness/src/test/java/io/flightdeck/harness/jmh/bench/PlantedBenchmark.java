package io.flightdeck.harness.jmh.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A user's JMH benchmark for {@code flightdeck jmh}'s tests: two parameter sets, and a slowdown planted by a system
 * property ({@value #SLOW}: how many times {@link #plantedSlowdown} runs per operation, 0 by default), which the
 * comparison against a baseline must pin on {@link #plantedSlowdown}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlantedBenchmark {

    public static final String SLOW = "flightdeck.test.slow";

    @Param({"1", "2"})
    public int size;

    private final int slow = Integer.getInteger(SLOW, 0);

    @Benchmark
    public long mix() {
        long s = size;
        for (int i = 0; i < 2_000; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
        }
        for (int k = 0; k < slow; k++) {
            s = plantedSlowdown(s);
        }
        return s;
    }

    /** Not inlined into mix() by name: DebugNonSafepoints keeps it a frame of its own in the samples anyway. */
    static long plantedSlowdown(long s) {
        for (int i = 0; i < 4_000; i++) {
            s = s * 2862933555777941757L + 3037000493L;
        }
        return s;
    }
}
