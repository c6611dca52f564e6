package com.example.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flightdeck.junit.HeapGrowth;
import io.flightdeck.junit.HeapGrowthLimit;
import io.flightdeck.junit.HeapGrowthReport;

class LruCacheTest {

    @Test
    void keepsNoMoreThanItsCapacity() {
        LruCache<Integer, String> cache = new LruCache<>(10, false);
        for (int i = 0; i < 100; i++) {
            cache.put(i, "v" + i);
        }
        assertEquals(10, cache.size());
    }

    @Test
    void hottestIsTheLargestHashCodesFirst() {
        LruCache<Integer, String> cache = new LruCache<>(100, false);
        for (int i = 0; i < 100; i++) {
            cache.put(i, "v" + i);
        }
        assertEquals(List.of(99, 98, 97), cache.hottest(3));
        assertEquals(100, cache.hottest(1_000).size());
    }

    /** A full cache that does not record evictions stops growing: at most a few bytes per put once it is full. */
    @Test
    @HeapGrowthLimit(bytesPerOperation = 16, operations = 50_000)
    void aFullCacheStopsGrowing() {
        LruCache<Integer, long[]> cache = new LruCache<>(1_000, false);
        for (int i = 0; i < 50_000; i++) {
            cache.put(i, new long[4]);
        }
    }

    /** With eviction records on, the same puts leak: the measurement shows it (asserted the other way round here). */
    @Test
    void recordingEvictionsLeaks() {
        LruCache<Integer, long[]> cache = new LruCache<>(1_000, true);
        HeapGrowthReport growth = HeapGrowth.measure(2_000, 50_000, i -> cache.put((int) i, new long[4]));
        assertTrue(growth.bytesPerOperation() > 16, "the eviction records should have grown the heap: " + growth);
    }
}
