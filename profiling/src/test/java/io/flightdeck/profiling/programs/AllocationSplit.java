package io.flightdeck.profiling.programs;

/**
 * Two allocation sites with a known split of bytes: {@link #longs} allocates 70 % of them as {@code long[1000]},
 * {@link #chars} 30 % as {@code char[12016]} (21 of the first for 3 of the second: 168,336 and 72,144 bytes a round
 * with 16-byte array headers). Arguments: seconds to run. Prints the bytes each site allocated, counted, and the
 * thread's allocated bytes as the JVM measures them (com.sun.management.ThreadMXBean), the ground truth.
 */
public final class AllocationSplit {

    public static final int LONGS_PER_ROUND = 21;
    public static final int CHARS_PER_ROUND = 3;
    static final Object[] KEEP = new Object[64];
    static volatile Object sink;

    public static void main(String[] args) {
        long seconds = Long.parseLong(args[0]);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long before = mx.getThreadAllocatedBytes(id);
        long rounds = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < LONGS_PER_ROUND; i++) {
                KEEP[i] = longs();
            }
            for (int i = 0; i < CHARS_PER_ROUND; i++) {
                KEEP[LONGS_PER_ROUND + i] = chars();
            }
            sink = KEEP[(int) (rounds & 15)];
            rounds++;
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        long longBytes = rounds * LONGS_PER_ROUND * arrayBytes(8, 1000);
        long charBytes = rounds * CHARS_PER_ROUND * arrayBytes(2, 12016);
        System.out.println("bytes longs " + longBytes + " chars " + charBytes + " thread " + allocated);
    }

    /** An array's size in the heap: a 16-byte header, then the elements, rounded up to 8 bytes. */
    static long arrayBytes(int elementBytes, int length) {
        return (16 + (long) elementBytes * length + 7) / 8 * 8;
    }

    static long[] longs() {
        return new long[1000];
    }

    static char[] chars() {
        return new char[12016];
    }
}
