package io.flightdeck.harness.truth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;


/**
 * A program with known CPU: thread {@code java-work} runs {@link #alpha}, {@link #beta} and {@link #gamma} with work
 * in a 5:3:2 ratio, in short bursts in a shuffled order; thread {@code deflater-work} makes pseudo-random bytes in
 * Java ({@link #fill}) and compresses them at level 9 with {@link Deflater}, native code, about a third of its CPU.
 *
 * <p>Its truth is measured, not assumed: each burst is timed with the thread's own CPU clock
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}), and each thread's whole CPU time is read as it ends. Sizes are
 * work counts, never durations, so a loaded machine changes how long it runs, not what it does. Plain Java and
 * Jackson: no part of Flightdeck. Prints its truth as one JSON line, last on stdout, and into the file named by its
 * first argument if there is one.
 */
public final class CpuSplitProgram {

    /** LCG steps in one unit of work; a round is 5 + 3 + 2 units. */
    static final int UNIT = 150_000;
    static final int ROUNDS = 700;
    /** bytes compressed per deflater round; each round also fills them, {@link #FILL_PASSES} times over */
    static final int BLOCK = 32 * 1024;
    static final int FILL_PASSES = 17;
    static final int DEFLATE_ROUNDS = 1_200;

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byMethod = new LinkedHashMap<>();
        Map<String, Long> byThread = new LinkedHashMap<>();
        String self = CpuSplitProgram.class.getName();

        Thread java = new Thread(() -> {
            long[] nanos = new long[3];
            Random order = new Random(42);
            int[] units = {5, 3, 2};
            long x = 1;
            for (int r = 0; r < ROUNDS; r++) {
                int first = order.nextInt(3);
                for (int k = 0; k < 3; k++) {
                    int m = (first + k) % 3;
                    long t0 = mx.getCurrentThreadCpuTime();
                    x = switch (m) {
                        case 0 -> alpha(x, units[0] * UNIT);
                        case 1 -> beta(x, units[1] * UNIT);
                        default -> gamma(x, units[2] * UNIT);
                    };
                    nanos[m] += mx.getCurrentThreadCpuTime() - t0;
                }
            }
            sink += x;
            synchronized (byMethod) {
                byMethod.put(self + ".alpha", nanos[0]);
                byMethod.put(self + ".beta", nanos[1]);
                byMethod.put(self + ".gamma", nanos[2]);
                byThread.put("java-work", mx.getCurrentThreadCpuTime());
            }
        }, "java-work");

        Thread deflater = new Thread(() -> {
            byte[] block = new byte[BLOCK];
            byte[] out = new byte[BLOCK + 1024];
            Deflater d = new Deflater(9, true);
            long fillNanos = 0;
            long deflateNanos = 0;
            long seed = 7;
            long compressed = 0;
            for (int r = 0; r < DEFLATE_ROUNDS; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                seed = fill(block, seed, FILL_PASSES);
                long t1 = mx.getCurrentThreadCpuTime();
                d.reset();
                d.setInput(block);
                d.finish();
                while (!d.finished()) {
                    compressed += d.deflate(out);
                }
                long t2 = mx.getCurrentThreadCpuTime();
                fillNanos += t1 - t0;
                deflateNanos += t2 - t1;
            }
            d.end();
            sink += compressed;
            synchronized (byMethod) {
                byMethod.put(self + ".fill", fillNanos);
                byMethod.put("java.util.zip.Deflater.deflateBytesBytes", deflateNanos);
                byThread.put("deflater-work", mx.getCurrentThreadCpuTime());
            }
        }, "deflater-work");

        java.start();
        deflater.start();
        java.join();
        deflater.join();

        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "cpu-split");
        truth.put("cpuNanosByMethod", byMethod);
        truth.put("cpuNanosByThread", byThread);
        TruthOutput.print(truth, args);
    }

    static long alpha(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    static long beta(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = x * 2862933555777941757L + 3037000493L;
            x ^= x >>> 27;
        }
        return x;
    }

    static long gamma(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = x * 3935559000370003845L + 2691343689449507681L;
            x ^= x >>> 31;
        }
        return x;
    }

    /** xorshift64 bytes, written {@code passes} times over: incompressible input for the deflater, made in Java */
    static long fill(byte[] block, long seed, int passes) {
        long s = seed;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < block.length; i++) {
                s ^= s << 13;
                s ^= s >>> 7;
                s ^= s << 17;
                block[i] = (byte) (s ^ (s >>> 32));
            }
        }
        return s;
    }
}
