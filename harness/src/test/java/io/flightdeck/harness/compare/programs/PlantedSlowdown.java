package io.flightdeck.harness.compare.programs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A program with a hot path of four methods whose shares of the CPU are set by their amounts of work, not by the
 * machine: {@link #slow} does 40 % of it, {@link #parse}, {@link #render} and {@link #hash} the rest. Arguments:
 * seconds of CPU time each thread runs for, and the factor by which {@link #slow}'s work is multiplied (1.3: "made 30 % slower").
 * Two threads run the same loop, so a recording holds twice the samples.
 */
public final class PlantedSlowdown {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long cpuNanos = Long.parseLong(args[0]) * 1_000_000_000L;
        double factor = Double.parseDouble(args[1]);
        int slowWork = (int) Math.round(40_000 * factor);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Runnable loop = () -> {
            long s = 0;
            // Why CPU time, not wall time: on a busy machine a thread gets less CPU, and the recording fewer
            // samples; a budget of CPU time gives about the same number of samples however busy the machine is.
            while (threads.getCurrentThreadCpuTime() < cpuNanos) {
                s += parse(25_000);
                s += render(20_000);
                s += hash(15_000);
                s += slow(slowWork);
            }
            sink += s;
        };
        Thread other = new Thread(loop, "second");
        other.start();
        loop.run();
        other.join();
        System.out.println(sink == 42 ? "" : "done");
    }

    // The same loop in each, written out: a shared helper would take all the self time, and a method's own time
    // is what the differential graph colours.

    static long parse(int n) {
        long s = 3;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L + (s >>> 29);
        }
        return s;
    }

    static long render(int n) {
        long s = 5;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L + (s >>> 29);
        }
        return s;
    }

    static long hash(int n) {
        long s = 7;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L + (s >>> 29);
        }
        return s;
    }

    static long slow(int n) {
        long s = 11;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L + (s >>> 29);
        }
        return s;
    }
}
