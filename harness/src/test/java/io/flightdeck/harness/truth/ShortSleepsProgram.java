package io.flightdeck.harness.truth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Short waits: a thread {@code sleeper} that alternates a sleep of 1 to 5 ms with 1 to 5 ms of work, for
 * {@link #SECONDS} seconds, lengths drawn at random so that no sampling interval keeps meeting the same phase. Every
 * sleep is shorter than JFR's sleep events' threshold (10 ms in its profile settings), so only a sampler that looks
 * at every thread, running or not, can tell how much of the thread's life it slept.
 *
 * <p>Its truth: the wall time inside {@link Thread#sleep} (timed around each call, the wake-up's wait for a core
 * included, as a user would time it), the thread's life, and its CPU time. Prints it as one JSON line, last on
 * stdout, and into the file named by its first argument if there is one.
 */
public final class ShortSleepsProgram {

    static final int SECONDS = 4;
    static final String SLEEPER = "sleeper";

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] figures = new long[3];
        Thread sleeper = new Thread(() -> {
            Random random = new Random(17);
            long start = System.nanoTime();
            long end = start + SECONDS * 1_000_000_000L;
            long slept = 0;
            long sink = 0;
            while (System.nanoTime() < end) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(1 + random.nextInt(5));
                } catch (InterruptedException e) {
                    return;
                }
                slept += System.nanoTime() - before;
                sink += busy(1_000_000L + random.nextInt(4_000_000));
            }
            figures[0] = slept;
            figures[1] = System.nanoTime() - start;
            figures[2] = mx.getCurrentThreadCpuTime() + (sink == 42 ? 1 : 0);
        }, SLEEPER);
        sleeper.start();
        sleeper.join();
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "short-sleeps");
        truth.put("sleptNanos", figures[0]);
        truth.put("lifeNanos", figures[1]);
        truth.put("cpuNanos", figures[2]);
        TruthOutput.print(truth, args);
    }

    /** Works for {@code nanos} of wall time. */
    private static long busy(long nanos) {
        long start = System.nanoTime();
        long x = 1;
        while (System.nanoTime() - start < nanos) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
