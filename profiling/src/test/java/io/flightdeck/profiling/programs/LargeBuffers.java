package io.flightdeck.profiling.programs;

/**
 * Objects larger than async-profiler's default allocation interval, and nothing else of note: {@link #buffer}
 * allocates {@code byte[1 MiB]}s for the seconds given. An event of such an object does not carry the interval (its
 * weight field holds the object's size), so the analysis must know the chunk's interval from elsewhere. Prints the
 * bytes the site allocated, counted.
 */
public final class LargeBuffers {

    public static final int BUFFER_LENGTH = 1 << 20;
    static volatile Object sink;

    public static void main(String[] args) {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        long buffers = 0;
        while (System.nanoTime() < end) {
            sink = buffer();
            buffers++;
        }
        System.out.println("bytes buffers " + buffers * AllocationSplit.arrayBytes(1, BUFFER_LENGTH));
    }

    static byte[] buffer() {
        return new byte[BUFFER_LENGTH];
    }
}
