package com.example.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.flightdeck.api.AbstractWorkload;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/** A put and a get on a small LRU cache: a user's workload, known to Flightdeck only through ServiceLoader. */
public final class LruCacheWorkload extends AbstractWorkload {

    public LruCacheWorkload() {
        super("lru-cache", "put and get on a LinkedHashMap in access order", "ops");
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("capacity");
    }

    @Override
    public void checkParameter(String name, String value) {
        if (!value.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("capacity '" + value + "': a whole number from 1 to 999999");
        }
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        int capacity = context.parameter("capacity").map(Integer::parseInt).orElse(128);
        Map<Integer, Integer> cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > capacity;
            }
        };
        Random random = new Random(context.seed());
        return thread -> {
            int key = random.nextInt(capacity * 2);
            cache.put(key, key);
            return cache.get(random.nextInt(capacity * 2));
        };
    }
}
