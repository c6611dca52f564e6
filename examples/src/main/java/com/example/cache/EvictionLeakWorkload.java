package com.example.cache;

import io.flightdeck.api.AbstractWorkload;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * The cache with eviction records on: each put past the capacity leaves an {@code Eviction} in the static
 * {@code LruCache.EVICTIONS}. For {@code leak-check}, which should fail and name that field.
 */
public final class EvictionLeakWorkload extends AbstractWorkload {

    public EvictionLeakWorkload() {
        super("lru-cache-evictions", "puts of new keys into a full LRU cache that records its evictions", "put");
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        LruCache<Long, long[]> cache = new LruCache<>(1_000, true);
        return new Session() {
            private long next;

            @Override
            public Object operation(int thread) {
                long key = next++;
                cache.put(key, new long[4]);
                return key;
            }
        };
    }
}
