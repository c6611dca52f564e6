package io.flightdeck.harness.truth;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * A program with known allocation: thread {@code alloc-work} allocates from two sites, {@link #longs} ({@code long[1000]},
 * 8,016 bytes each with a 64-bit JVM's compressed-class header) and {@link #chars} ({@code char[12016]}, 24,048 bytes),
 * seven of the first for one of the second: 70 % and 30 % of the bytes. Nothing is kept alive.
 *
 * <p>The truth is measured, not assumed: the thread's allocated bytes
 * ({@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}) are read around each site's call and
 * summed per site. The number of rounds is fixed; a loaded machine only makes it slower. Prints its truth as one JSON
 * line, last on stdout, and into the file named by its first argument if there is one.
 */
public final class AllocationSplitProgram {

    static final int ROUNDS = 25_000;
    static final int LONGS_PER_ROUND = 7;

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> bySite = new LinkedHashMap<>();
        Map<String, Long> byThread = new LinkedHashMap<>();
        String self = AllocationSplitProgram.class.getName();
        Thread work = new Thread(() -> {
            long longBytes = 0;
            long charBytes = 0;
            long s = 0;
            long start = mx.getCurrentThreadAllocatedBytes();
            for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < LONGS_PER_ROUND; k++) {
                    long b0 = mx.getCurrentThreadAllocatedBytes();
                    s += longs(r + k);
                    longBytes += mx.getCurrentThreadAllocatedBytes() - b0;
                }
                long b0 = mx.getCurrentThreadAllocatedBytes();
                s += chars(r);
                charBytes += mx.getCurrentThreadAllocatedBytes() - b0;
            }
            sink += s;
            synchronized (bySite) {
                bySite.put(self + ".longs", longBytes);
                bySite.put(self + ".chars", charBytes);
                byThread.put("alloc-work", mx.getCurrentThreadAllocatedBytes() - start);
            }
        }, "alloc-work");
        work.start();
        work.join();

        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "allocation-split");
        truth.put("allocatedBytesBySite", bySite);
        truth.put("allocatedBytesByThread", byThread);
        TruthOutput.print(truth, args);
    }

    /** one {@code long[1000]}, touched so that it is really made, then dropped */
    static long longs(int i) {
        long[] a = new long[1000];
        a[i % 1000] = i;
        a[(i * 7) % 1000] += 3;
        return a[(i * 13) % 1000] + a.length;
    }

    /** one {@code char[12016]}, touched the same way */
    static long chars(int i) {
        char[] a = new char[12016];
        a[i % 12016] = (char) i;
        a[(i * 7) % 12016] += 3;
        return a[(i * 13) % 12016] + a.length;
    }
}
