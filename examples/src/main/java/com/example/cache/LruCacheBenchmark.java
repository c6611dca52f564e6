package com.example.cache;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An ordinary JMH benchmark of the cache, as a project would already have one; Flightdeck runs it unchanged. Two forks
 * of three measured seconds per case: what a comparison against a baseline needs (more than one JVM and at least five
 * samples a side), and short enough to wait for. JMH's own options on the command line win.
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LruCacheBenchmark {

    @Param({"100", "1000"})
    public int capacity;

    private LruCache<Integer, String> cache;
    private int next;

    @Setup
    public void fill() {
        cache = new LruCache<>(capacity, false);
        for (int i = 0; i < capacity; i++) {
            cache.put(i, "value-" + i);
        }
    }

    @Benchmark
    public String getOrPut() {
        int key = next++ % (capacity * 2);
        String value = cache.get(key);
        if (value == null) {
            cache.put(key, "v");
        }
        return value;
    }

    @Benchmark
    public List<Integer> hottest() {
        return cache.hottest(10);
    }
}
