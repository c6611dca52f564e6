package com.example.cache;

import java.util.concurrent.locks.LockSupport;

import io.flightdeck.api.AbstractWorkload;
import io.flightdeck.api.Session;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * The cache with eviction records on, in front of a slow backend: a miss loads the value (about 20 µs) and puts it,
 * and each put past the capacity leaves an {@code Eviction} in the static {@code LruCache.EVICTIONS}. For
 * {@code leak-check}, which should fail and name that field. (A leak as fast as the allocator fills any heap in
 * seconds; a real one grows at the pace of real work.)
 */
public final class EvictionLeakWorkload extends AbstractWorkload {

    public EvictionLeakWorkload() {
        super("lru-cache-evictions", "puts of new keys into a full LRU cache that records its evictions", "put");
    }

    /** A planted leak: not part of an ordinary run, but what {@code flightdeck:leak-check} checks by default. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public boolean leakCheckByDefault() {
        return true;
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        LruCache<Long, long[]> cache = new LruCache<>(1_000, true);
        return new Session() {
            private long next;

            @Override
            public Object operation(int thread) {
                long key = next++;                   // a new key each time: always a miss
                long[] value = cache.get(key);
                if (value == null) {
                    value = loadFromBackend(key);
                    cache.put(key, value);
                }
                return value;
            }
        };
    }

    /** The backend a cache is for: about 20 µs a load. */
    static long[] loadFromBackend(long key) {
        LockSupport.parkNanos(20_000);
        return new long[] {key, key * 31, key * 17, key ^ 0x5DEECE66DL};
    }
}
