package io.flightdeck.harness.truth;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A program of short-lived virtual threads (JDK 21+; reached by reflection, so that it compiles for 17): three waves,
 * each of {@link #UNNAMED} unnamed virtual threads and {@link #NAMED} named {@code vworker-<wave>-<n>}, a pause
 * between waves. Each thread sleeps {@link #SLEEP_MILLIS} ms and then works a little, {@link #LOOPS} times, so every
 * one of them leaves sleep events over JFR's 10 ms threshold, and it lives a small part of the recording.
 *
 * <p>Its truth: how many virtual threads of each kind ran, and the sum of their lives (each one's from its first
 * statement to its last, by {@link System#nanoTime}). Prints it as one JSON line, last on stdout, and into the file
 * named by its first argument if there is one.
 */
public final class VirtualThreadsProgram {

    static final int WAVES = 3;
    static final int UNNAMED = 100;
    static final int NAMED = 20;
    static final int LOOPS = 6;
    static final long SLEEP_MILLIS = 30;
    static final long PAUSE_MILLIS = 400;

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        Method name = builder.getMethod("name", String.class, long.class);
        Method start = builder.getMethod("start", Runnable.class);

        AtomicLong unnamedLife = new AtomicLong();
        AtomicLong namedLife = new AtomicLong();
        for (int wave = 0; wave < WAVES; wave++) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < UNNAMED; i++) {
                threads.add((Thread) start.invoke(ofVirtual.invoke(null), (Runnable) () -> live(unnamedLife)));
            }
            Object named = name.invoke(ofVirtual.invoke(null), "vworker-" + wave + "-", 0L);
            for (int i = 0; i < NAMED; i++) {
                threads.add((Thread) start.invoke(named, (Runnable) () -> live(namedLife)));
            }
            for (Thread t : threads) {
                t.join();
            }
            Thread.sleep(PAUSE_MILLIS);
        }

        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "virtual-threads");
        truth.put("unnamedVirtualThreads", WAVES * UNNAMED);
        truth.put("namedVirtualThreads", WAVES * NAMED);
        truth.put("unnamedLifeNanos", unnamedLife.get());
        truth.put("namedLifeNanos", namedLife.get());
        TruthOutput.print(truth, args);
    }

    private static void live(AtomicLong lives) {
        long born = System.nanoTime();
        long x = born;
        for (int loop = 0; loop < LOOPS; loop++) {
            try {
                Thread.sleep(SLEEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            x = ContentionProgram.work(x, 200_000);
        }
        sink += x;
        lives.addAndGet(System.nanoTime() - born);
    }
}
