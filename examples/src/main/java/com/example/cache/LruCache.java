package com.example.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small least-recently-used cache: the code under test of this example. It has two flaws on purpose, so that
 * Flightdeck has something to find: {@link #hottest} sorts a full copy of the entries on every call (the slow
 * method a profile should point at), and every eviction is remembered in {@link #EVICTIONS}, a static list nobody
 * clears (the leak a leak check should name).
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

    /** The {@code n} keys with the largest hash codes: a full copy and sort per call. The slow method. */
    public List<K> hottest(int n) {
        List<K> keys = new ArrayList<>(entries.keySet());
        keys.sort((a, b) -> Integer.compare(b.hashCode(), a.hashCode()));
        return keys.subList(0, Math.min(n, keys.size()));
    }

    public int size() {
        return entries.size();
    }

    /** What the leak keeps: a key and when it went. */
    record Eviction(Object key, long atNanos) {
    }
}
