package io.flightdeck.profiling.programs;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Two threads with known CPU: "java-worker" spends its time in Java ({@link #spin}), "native-worker" in
 * {@link Deflater} (native zlib code). Arguments: seconds to run. Prints each thread's CPU time as the JVM measures
 * it (ThreadMXBean), the ground truth the tests compare a profile with. A third thread, "stdin-reader", waits on
 * stdin the whole time: in native code, but off the CPU.
 */
public final class JavaAndNative {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] cpu = new long[2];
        Thread java = new Thread(() -> {
            long[] data = new long[4096];
            while (System.nanoTime() < end) {
                sink += spin(data);
            }
            cpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }, "java-worker");
        Thread zip = new Thread(() -> {
            byte[] input = new byte[1 << 20];
            new Random(1).nextBytes(input);
            for (int i = 0; i < input.length; i += 3) {
                input[i] = 0; // compressible, so deflate searches for matches
            }
            byte[] out = new byte[input.length * 2];
            while (System.nanoTime() < end) {
                sink += deflate(input, out);
            }
            cpu[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }, "native-worker");
        Thread idle = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes: this thread waits in native code, off the CPU
                }
            } catch (java.io.IOException e) {
                // the parent went away
            }
        }, "stdin-reader");
        idle.setDaemon(true);
        idle.start();
        java.start();
        zip.start();
        java.join();
        zip.join();
        System.out.println("cpu-ns java-worker " + cpu[0] + " native-worker " + cpu[1]);
    }

    /** Burns CPU in Java. */
    static long spin(long[] data) {
        long s = 0;
        for (int r = 0; r < 200; r++) {
            for (int i = 0; i < data.length; i++) {
                s += (data[i] ^ (s >>> 7)) + i;
            }
        }
        return s;
    }

    /** Burns CPU in native code: zlib's deflate at its slowest level. */
    static long deflate(byte[] input, byte[] out) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(input);
            d.finish();
            long n = 0;
            while (!d.finished()) {
                n += d.deflate(out);
            }
            return n;
        } finally {
            d.end();
        }
    }
}
