package com.example.cache;

import java.util.List;
import java.util.Random;
import java.util.Set;

import io.flightdeck.api.AbstractWorkload;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** The cache under a mixed load: mostly gets and puts, now and then a look at the hottest keys. */
public final class LruCacheWorkload extends AbstractWorkload {

    public LruCacheWorkload() {
        super("lru-cache", "a get, a put and every 16th time a hottest-50 query on an LRU cache", "op");
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofSize(scale == Scale.SMALL ? 1_000 : 10_000));
    }

    @Override
    public Set<String> metricNames() {
        return Set.of("cache-size");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        int capacity = (int) workloadCase.size();
        LruCache<Integer, String> cache = new LruCache<>(capacity, false);
        Random random = new Random(context.seed());
        for (int i = 0; i < capacity; i++) {                     // setup, not measured
            cache.put(i, "value-" + i);
        }
        return new Session() {
            private int operations;

            @Override
            public Object operation(int thread) {
                int key = random.nextInt(capacity * 2);
                String value = cache.get(key);
                if (value == null) {
                    cache.put(key, "value-" + key);
                }
                // returned, so the JIT cannot drop the work (Flightdeck consumes it as JMH's Blackhole would)
                return ++operations % 16 == 0 ? cache.hottest(50) : value;
            }

            @Override
            public void report(io.flightdeck.api.MetricSink sink) {
                sink.metric("cache-size", cache.size(), "");
            }
        };
    }
}
