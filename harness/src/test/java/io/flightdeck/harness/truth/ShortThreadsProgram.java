package io.flightdeck.harness.truth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread per task: {@link #TASKS} threads {@code task-N}, four at a time, each working about a millisecond of CPU
 * and ending, less than one interval of a per-thread CPU timer (10 ms by default, 2 ms in the tests' samplers).
 *
 * <p>Its truth: the tasks' CPU time, each thread's own ({@link ThreadMXBean#getCurrentThreadCpuTime}) read as its
 * last act. Prints it as one JSON line, last on stdout, and into the file named by its first argument if there is
 * one.
 */
public final class ShortThreadsProgram {

    static final int TASKS = 6_000;
    static final int STEPS = 400_000;

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        for (int started = 0; started < TASKS; ) {
            List<Thread> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++, started++) {
                Thread t = new Thread(() -> {
                    sink.addAndGet(ContentionProgram.work(System.nanoTime(), STEPS));
                    cpu.addAndGet(mx.getCurrentThreadCpuTime());
                }, "task-" + started);
                t.start();
                batch.add(t);
            }
            for (Thread t : batch) {
                t.join();
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("program", "short-threads");
        truth.put("tasks", TASKS);
        truth.put("taskCpuNanos", cpu.get());
        truth.put("sink", sink.get());
        TruthOutput.print(truth, args);
    }
}
