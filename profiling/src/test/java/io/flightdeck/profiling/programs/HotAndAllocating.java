package io.flightdeck.profiling.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * A program with a known hot method ({@link #spin}) and a known allocation site ({@link #allocate}), recorded by the
 * tests in a JVM of its own. Arguments: seconds to run, "grow" to keep what it allocates (a growing live set) or
 * "steady" to drop it.
 */
public final class HotAndAllocating {

    static final List<byte[]> RETAINED = new ArrayList<>();
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        boolean grow = args.length > 1 && args[1].equals("grow");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] data = new long[4096];
        int round = 0;
        while (System.nanoTime() < end) {
            sink += spin(data);
            byte[] b = allocate(64 * 1024);
            if (grow && round % 4 == 0) {
                RETAINED.add(b); // 16 KiB retained per round on average: the live set grows steadily
            }
            round++;
        }
        System.out.println("rounds " + round + " retained " + RETAINED.size());
    }

    /** Burns CPU: the hot method. */
    static long spin(long[] data) {
        long s = 0;
        for (int r = 0; r < 200; r++) {
            for (int i = 0; i < data.length; i++) {
                s += (data[i] ^ (s >>> 7)) + i;
            }
        }
        return s;
    }

    /** Allocates: the allocation site. */
    static byte[] allocate(int size) {
        return new byte[size];
    }
}
