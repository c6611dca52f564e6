package io.flightdeck.harness.jmh.bench;

import org.openjdk.jmh.annotations.Benchmark;

/** A benchmark that throws: JMH gives no result for it and goes on; Flightdeck must call it failed, not forget it. */
public class FailingBenchmark {

    @Benchmark
    public long broken() {
        throw new IllegalStateException("planted failure");
    }
}
