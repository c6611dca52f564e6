package io.flightdeck.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A benchmark for the profiler's test: a loop whose frame the forks' recordings must show. */
@State(Scope.Benchmark)
public class SpinBenchmark {

    @Param({"1000", "a/b c"})
    public String size;

    @Benchmark
    public long spin() {
        long s = size.length();
        for (int i = 0; i < 20_000; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
        }
        return s;
    }
}
