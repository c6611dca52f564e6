package com.example.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small least-recently-used cache: the code under test of this example. It has two flaws on purpose, so that
 * Flightdeck has something to find: {@link #hottest} copies every key and scans the copy once per key it returns,
 * on every call (the slow method a profile should point at), and every eviction is remembered in {@link #EVICTIONS},
 * a static list nobody clears (the leak a leak check should name).
 */
public final class LruCache<K, V> {

    /** Every eviction ever, by every cache: grows without bound. The leak. */
    static final List<Object> EVICTIONS = new ArrayList<>();

    private final int capacity;
    private final boolean recordEvictions;
    private final LinkedHashMap<K, V> entries;

    public LruCache(int capacity, boolean recordEvictions) {
        this.capacity = capacity;
        this.recordEvictions = recordEvictions;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        entries.put(key, value);
        if (entries.size() > capacity) {
            Map.Entry<K, V> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
            if (recordEvictions) {
                synchronized (EVICTIONS) {
                    EVICTIONS.add(new Eviction(eldest.getKey(), System.nanoTime()));
                }
            }
        }
    }

    /**
     * The {@code n} keys with the largest hash codes: a full copy of the keys and then {@code n} passes over all of
     * them, on every call. The slow method; its own loop is where the time goes, so a profile names it.
     */
    @SuppressWarnings("unchecked")
    public List<K> hottest(int n) {
        Object[] keys = entries.keySet().toArray();
        int[] hashes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hashes[i] = keys[i].hashCode();
        }
        boolean[] taken = new boolean[keys.length];
        List<K> result = new ArrayList<>(n);
        for (int pick = 0; pick < Math.min(n, keys.length); pick++) {
            int best = -1;
            for (int i = 0; i < keys.length; i++) {
                if (!taken[i] && (best < 0 || hashes[i] > hashes[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            result.add((K) keys[best]);
        }
        return result;
    }

    public int size() {
        return entries.size();
    }

    /** What the leak keeps: a key and when it went. */
    record Eviction(Object key, long atNanos) {
    }
}
