package io.flightdeck.profiling.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * A program with a known hot method ({@link #spin}) and a known allocation site ({@link #allocate}), recorded by the
 * tests in a JVM of its own. Arguments: seconds to run, "grow" to keep what it allocates (a growing live set) or
 * "steady" to drop it.
 *
 * <p>"grow" keeps one 64 KiB array per {@link #RETAIN_EVERY_NANOS} of wall time, catching up when the machine held it
 * back: the live set grows at a rate the program sets (8 MiB/s), not at the speed of the machine it runs on.
 */
public final class HotAndAllocating {

    static final List<byte[]> RETAINED = new ArrayList<>();
    static volatile long sink;

    static final int ARRAY_BYTES = 64 * 1024;
    static final long RETAIN_EVERY_NANOS = 8_000_000L;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        boolean grow = args.length > 1 && args[1].equals("grow");
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long[] data = new long[4096];
        int round = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            sink += spin(data);
            byte[] b = allocate(ARRAY_BYTES);
            if (grow) {
                long due = (now - start) / RETAIN_EVERY_NANOS + 1;
                if (RETAINED.size() < due) {
                    RETAINED.add(b);
                }
                while (RETAINED.size() < due) {
                    RETAINED.add(allocate(ARRAY_BYTES)); // the rounds fell behind the clock: catch up
                }
            }
            round++;
        }
        // at least one collection in the recording, however little a busy machine let the program allocate
        System.gc();
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
