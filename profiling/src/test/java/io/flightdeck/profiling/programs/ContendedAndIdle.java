package io.flightdeck.profiling.programs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads whose states are known, recorded by the tests in a JVM of their own; each prints its own ground truth.
 *
 * <ul>
 *   <li>four "monitor-N" threads contend on one monitor: inside it each spins a little and sleeps (so that the lock is
 *       held long, and waits on it are far above JFR's 10 ms threshold, while the machine's CPUs stay mostly free);
 *       outside it each spins a little. Each prints its blocked time (ThreadMXBean, contention monitoring on), its
 *       CPU time and its lifetime;</li>
 *   <li>two "rlock-N" threads do the same on a {@link ReentrantLock}; each prints the time it spent inside
 *       {@code lock()} (measured around the call) as its blocked time;</li>
 *   <li>an idle {@link ScheduledExecutorService} ("idle-scheduler") whose one task does nothing every 200 ms;</li>
 *   <li>"sleeper-park" parks with {@link LockSupport#parkNanos(long)} and "sleeper-sleep" calls {@link Thread#sleep}.</li>
 * </ul>
 *
 * Lines printed: {@code truth <thread> lifetimeNanos=… cpuNanos=… blockedNanos=… inJavaNanos=…}, the last the wall
 * time spent spinning (on a CPU, or runnable and waiting for one on a busy machine). Argument: seconds to run.
 */
public final class ContendedAndIdle {

    static final Object MONITOR = new Object();
    static final ReentrantLock LOCK = new ReentrantLock();
    static volatile long sink;
    /** Wall time each thread spent spinning: in Java, on a CPU or waiting for one. */
    static final ThreadLocal<Long> IN_JAVA = ThreadLocal.withInitial(() -> 0L);
    static final java.util.Queue<String> TRUTH = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadContentionMonitoringEnabled(true);
        mx.setThreadCpuTimeEnabled(true);
        long end = System.nanoTime() + seconds * 1_000_000_000L;

        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "idle-scheduler"));
        idle.scheduleWithFixedDelay(() -> sink++, 0, 200, TimeUnit.MILLISECONDS);

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> truth(mx, () -> {
                long blocked = 0;
                while (System.nanoTime() < end) {
                    synchronized (MONITOR) {
                        holdTheLock();
                    }
                    sink += spin(2_000_000);
                }
                return blocked; // the monitor's blocked time comes from ThreadMXBean
            }), "monitor-" + i));
        }
        for (int i = 0; i < 2; i++) {
            threads.add(new Thread(() -> truth(mx, () -> {
                long blocked = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    LOCK.lock();
                    blocked += System.nanoTime() - before;
                    try {
                        holdTheLock();
                    } finally {
                        LOCK.unlock();
                    }
                    sink += spin(2_000_000);
                }
                return blocked;
            }), "rlock-" + i));
        }
        threads.add(new Thread(() -> truth(mx, () -> {
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(100_000_000L);
            }
            return 0L;
        }), "sleeper-park"));
        threads.add(new Thread(() -> truth(mx, () -> {
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return 0L;
                }
            }
            return 0L;
        }), "sleeper-sleep"));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        TRUTH.forEach(System.out::println); // printed here, not by the threads: printing together would contend
        idle.shutdown();
        idle.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Holds the lock about 20 ms: 4 ms spinning, then a 16 ms sleep (sleep keeps the CPUs free for the others). */
    static void holdTheLock() {
        sink += spin(4_000_000);
        try {
            Thread.sleep(16);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Spins for about {@code nanos} of wall time. Why not the thread's CPU clock: reading it is a system call (7 µs
     * here) that runs in the VM, where JFR's sampler does not look, and would be a large share of the spin.
     */
    static long spin(long nanos) {
        long start = System.nanoTime();
        long until = start + nanos;
        long s = 0;
        long now;
        do {
            for (int i = 0; i < 20_000; i++) {
                s += (s >>> 3) ^ i;
            }
        } while ((now = System.nanoTime()) < until);
        IN_JAVA.set(IN_JAVA.get() + now - start);
        return s;
    }

    interface Body {
        long run();
    }

    /** Runs the body and prints the thread's truth; a blocked time of 0 from the body means "ask ThreadMXBean". */
    static void truth(ThreadMXBean mx, Body body) {
        long start = System.nanoTime();
        long measured = body.run();
        long lifetime = System.nanoTime() - start;
        ThreadInfo info = mx.getThreadInfo(Thread.currentThread().getId());
        long blocked = measured > 0 ? measured : info.getBlockedTime() * 1_000_000L;
        TRUTH.add(String.format("truth %s lifetimeNanos=%d cpuNanos=%d blockedNanos=%d inJavaNanos=%d",
                Thread.currentThread().getName(), lifetime, mx.getCurrentThreadCpuTime(), blocked, IN_JAVA.get()));
    }
}
