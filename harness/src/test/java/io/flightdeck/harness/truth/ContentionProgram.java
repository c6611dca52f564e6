package io.flightdeck.harness.truth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A program with known contention: four threads {@code contender-1..4} take turns on one monitor, each doing a fixed
 * amount of work inside it; beside them an idle scheduled executor (thread {@code idle-scheduler}, a task that does
 * nothing every 2 s: its thread parks in between) and a thread {@code sleeper} that sleeps by
 * {@link LockSupport#parkNanos}. Only the contenders are ever blocked on a lock; the other two wait.
 *
 * <p>Its truth, from the JVM's own accounting with contention monitoring on: per thread the time blocked entering a
 * monitor ({@link ThreadInfo#getBlockedTime}, milliseconds), the time waiting ({@link ThreadInfo#getWaitedTime}: parks,
 * waits) and CPU time. Prints it as one JSON line, last on stdout, and into the file named by its first argument if
 * there is one.
 */
public final class ContentionProgram {

    static final int CONTENDERS = 4;
    /** turns each contender takes; each turn holds the monitor for {@link #STEPS_INSIDE} steps of work */
    static final int TURNS = 60;
    static final int STEPS_INSIDE = 4_000_000;

    static final Object MONITOR = new Object();
    static long shared = 1;

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadContentionMonitoringEnabled(true);

        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "idle-scheduler"));
        idle.scheduleAtFixedRate(() -> { }, 0, 2, TimeUnit.SECONDS);
        Thread sleeper = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(500_000_000L);
            }
        }, "sleeper");
        sleeper.start();

        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> blocked = new LinkedHashMap<>();
        Map<String, Long> waited = new LinkedHashMap<>();
        List<Thread> contenders = new ArrayList<>();
        for (int c = 1; c <= CONTENDERS; c++) {
            String name = "contender-" + c;
            Thread t = new Thread(() -> {
                for (int turn = 0; turn < TURNS; turn++) {
                    synchronized (MONITOR) {
                        shared = work(shared, STEPS_INSIDE);
                    }
                }
                // a thread's counters are gone once it ends: it reads its own as its last act
                ThreadInfo info = mx.getThreadInfo(Thread.currentThread().getId());
                synchronized (cpu) {
                    cpu.put(name, mx.getCurrentThreadCpuTime());
                    blocked.put(name, info.getBlockedTime() * 1_000_000L);
                    waited.put(name, Math.max(0, info.getWaitedTime()) * 1_000_000L);
                }
            }, name);
            contenders.add(t);
        }
        contenders.forEach(Thread::start);

        for (Thread t : contenders) {
            t.join();
        }
        for (Thread t : allThreadsNamed("idle-scheduler", "sleeper")) {
            ThreadInfo info = mx.getThreadInfo(t.getId());
            synchronized (cpu) {
                blocked.put(t.getName(), info.getBlockedTime() * 1_000_000L);
                waited.put(t.getName(), info.getWaitedTime() * 1_000_000L);
                cpu.put(t.getName(), mx.getThreadCpuTime(t.getId()));
            }
        }
        idle.shutdownNow();
        sleeper.interrupt();

        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "contention");
        truth.put("blockedNanosByThread", blocked);
        truth.put("waitedNanosByThread", waited);
        truth.put("cpuNanosByThread", cpu);
        TruthOutput.print(truth, args);
    }

    static long work(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    private static List<Thread> allThreadsNamed(String... names) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (String n : names) {
                if (n.equals(t.getName())) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
