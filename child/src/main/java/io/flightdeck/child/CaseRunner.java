package io.flightdeck.child;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;
import org.openjdk.jol.info.GraphLayout;

import io.flightdeck.child.measure.HistogramCodec;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.heap.HeapWatch;
import io.flightdeck.child.measure.heap.LiveHeap;
import io.flightdeck.child.measure.resources.AllocationRate;
import io.flightdeck.child.measure.resources.ResourceMeter;
import io.flightdeck.child.measure.resources.Resources;
import io.flightdeck.child.sampling.AllocationPacer;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * Measures one case: cold start, warm-up, measured iterations, then the session's own figures. Every operation is
 * timed with {@link System#nanoTime()} into a per-thread HdrHistogram; threads run on dedicated workers named
 * {@code flightdeck-worker-N} so they are easy to find in the recording. Tests give it a clock of their own, so
 * what they assert about timings does not depend on how fast or busy their machine is.
 */
final class CaseRunner {

    private final ChildSpec spec;
    private final Progress progress;
    private final ObjectMapper json;
    private final LongSupplier nanoClock;
    /** Takes the cold-start operations' results, as each worker's own consumer takes the rest. */
    private final ResultConsumer coldResults = new ResultConsumer(0x5eed);
    /** Widens async-profiler's allocation interval before each case's measurement; null when not asked. */
    private AllocationPacer pacer;
    /** All threads' allocation rate in the last warm-up iteration, bytes a second (NaN before one ran). */
    private double warmUpAllocationRate = Double.NaN;

    CaseRunner(ChildSpec spec, Progress progress, ObjectMapper json, AllocationPacer pacer) {
        this(spec, progress, json, System::nanoTime);
        this.pacer = pacer;
    }

    /** @param nanoClock what times operations and time-boxes iterations; {@link System#nanoTime()} in a run */
    CaseRunner(ChildSpec spec, Progress progress, ObjectMapper json, LongSupplier nanoClock) {
        this.spec = spec;
        this.progress = progress;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    CaseResult run(Workload workload, WorkloadContext context, WorkloadCase workloadCase, boolean jvmCold)
            throws Exception {
        String label = workloadCase.label();
        progress.report(label, "setup", 0, 1);
        // a leak check watches its heap: a fast leak must stop the case early, not exhaust the heap
        try (HeapWatch watch = spec.checkpoints() ? HeapWatch.start() : null;
             Session session = workload.open(context, workloadCase);
             WorkerPool workers = new WorkerPool(workloadCase.threads(), nanoClock,
                     watch == null ? () -> false : watch::pressure)) {
            long caseStartNanos = nanoClock.getAsLong();
            OutOfMemory oom = new OutOfMemory();
            ColdStart cold;
            IterationEvent coldMark = mark(label, IterationEvent.COLD_START, 0);
            try {
                cold = coldStart(session, jvmCold);
            } finally {
                coldMark.finish();
            }

            warmUpAllocationRate = Double.NaN;
            int warmups = workloadCase.timeBoxed() ? warmUp(session, workers, label, jvmCold, watch, oom) : 0;
            Long allocationSampledEvery = pacer == null ? null : pacer.pace(warmUpAllocationRate);

            long jitBefore = JitClock.millis();
            ResourceMeter meter = ResourceMeter.start();
            Histogram all = new Histogram(3);
            List<IterationResult> iterations = new ArrayList<>();
            List<Checkpoint> checkpoints = new ArrayList<>();
            long measuredOps = 0;
            long baselineNanos = nanoClock.getAsLong();
            HeapFull heapFull = null;
            if (spec.checkpoints()) {
                if (oom.thrown()) {
                    afterOutOfMemory(session, checkpoints, 0, 0, baselineNanos);
                } else {
                    checkpoints.add(checkpoint(session, 0, 0, baselineNanos, !watch.pressure()));
                }
                heapFull = heapFull(watch, oom, HeapFull.WARM_UP, 0, caseStartNanos);
            }
            for (int i = 0; i < spec.measurementIterations() && heapFull == null; i++) {
                progress.report(label, "measure", i + 1, spec.measurementIterations());
                Iteration it = null;
                IterationEvent itMark = mark(label, IterationEvent.MEASURED, i);
                try { // the mark spans the workers' iteration only, not the bookkeeping and checkpoints after it
                    it = workloadCase.timeBoxed()
                            ? workers.iterate(session, Math.multiplyExact(spec.iterationMillis(), 1_000_000L), 0)
                            : workers.iterate(session, 0, workloadCase.opsPerIteration());
                } catch (OutOfMemoryError e) {
                    oom.caught(e, watch); // rethrown outside a leak check
                } finally {
                    itMark.finish();
                }
                if (it == null) { // out of memory: what it did is lost with it; the checkpoint below says why
                    afterOutOfMemory(session, checkpoints, i + 1, measuredOps, baselineNanos);
                    heapFull = heapFull(watch, oom, HeapFull.MEASURE, i + 1, caseStartNanos);
                    break;
                }
                all.add(it.histogram());
                long ops = it.histogram().getTotalCount();
                Histogram h = it.histogram();
                iterations.add(new IterationResult(i, ops, it.wallNanos(), it.activeNanos(), h.getMean(),
                        ops * 1e9 / it.activeNanos(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                        h.getValueAtPercentile(99), it.allocatedBytes()));
                measuredOps += ops;
                if (spec.checkpoints()) {
                    // JOL's walk allocates: not on a heap already under pressure
                    boolean weigh = ((i + 1) % WEIGH_EVERY == 0 || i + 1 == spec.measurementIterations())
                            && !watch.pressure();
                    checkpoints.add(checkpoint(session, i + 1, measuredOps, baselineNanos, weigh));
                    heapFull = heapFull(watch, oom, HeapFull.MEASURE, i + 1, caseStartNanos);
                }
            }
            if (heapFull != null) {
                progress.report(label, "heap-full", checkpoints.size() - 1, spec.measurementIterations());
            }
            Resources resources = meter.stop();
            long jitMillis = JitClock.millis() - jitBefore;

            List<CaseResult.Metric> metrics = new ArrayList<>();
            session.report((name, value, unit) -> metrics.add(new CaseResult.Metric(name, value, unit == null ? "" : unit)));
            Object details = session.details();
            JsonNode detailsNode = details == null ? null : json.valueToTree(details);

            long totalOps = iterations.stream().mapToLong(IterationResult::operations).sum();
            long totalNanos = iterations.stream().mapToLong(IterationResult::activeNanos).sum();
            double[] means = iterations.stream().mapToDouble(IterationResult::meanNanos).toArray();
            return new CaseResult(label, workloadCase.threads(), workloadCase.size(), workload.operationUnit(), cold,
                    warmups, jitMillis,
                    LatencyStats.of(all), HistogramCodec.encode(all), List.copyOf(iterations), TukeyOutliers.of(means),
                    totalOps * 1e9 / Math.max(1, totalNanos), List.copyOf(metrics), resources, detailsNode,
                    checkpoints, heapFull, allocationSampledEvery);
        }
    }

    /**
     * The heap's state after a checkpoint: nearly full of live objects, or an OutOfMemoryError thrown since the last,
     * ends the case (null: it goes on). The hint that may have brought the checkpoint forward is then forgotten.
     */
    private HeapFull heapFull(HeapWatch watch, OutOfMemory oom, String phase, int iterations, long caseStartNanos) {
        HeapWatch.Fill fill = watch.fill(); // right after the checkpoint's full collections
        watch.clearPressure();
        if (!oom.thrown() && !fill.nearlyFull()) {
            return null;
        }
        double seconds = (nanoClock.getAsLong() - caseStartNanos) / 1e9;
        return new HeapFull(phase, iterations, seconds, fill.usedBytes(), fill.maxBytes(), fill.pool(), oom.thrown(),
                oom.line());
    }

    /**
     * An OutOfMemoryError a leak check caught: the case stops at once and is reported as a full heap, not as a crash
     * (outside a leak check it is rethrown, and the workload fails with it as before).
     */
    private static final class OutOfMemory {
        private String line;

        void caught(OutOfMemoryError e, HeapWatch watch) {
            if (watch == null) {
                throw e;
            }
            line = ChildMain.describe(e);
        }

        boolean thrown() {
            return line != null;
        }

        String line() {
            return line;
        }
    }

    /** Marks an iteration in the recording (a no-op without one); finished by the caller. */
    private IterationEvent mark(String label, String phase, long index) {
        return IterationEvent.begin(spec.workload(), label, phase, index);
    }

    /** A leak check weighs its subject with JOL at the baseline, every this many checkpoints, and the last. */
    static final int WEIGH_EVERY = 5;

    /**
     * Collects the heap fully (between iterations, so no operation is in flight) and records what stays, and,
     * when {@code weigh}, what the session's subject retains (JOL walks the whole graph: too slow for every one).
     */
    private Checkpoint checkpoint(Session session, int iterations, long operations, long baselineNanos,
                                  boolean weigh) throws Exception {
        long live = LiveHeap.afterFullGc();
        Instant at = Instant.now();
        double seconds = (nanoClock.getAsLong() - baselineNanos) / 1e9;
        Long retained = null;
        Long items = null;
        Object root = session.retainedRoot();
        if (weigh && root != null) {
            retained = GraphLayout.parseInstance(root).totalSize();
            long n = session.storedItems();
            items = n < 0 ? null : n;
        }
        return new Checkpoint(iterations, operations, seconds, at, live, retained, items);
    }

    /** A checkpoint after an OutOfMemoryError, when the heap leaves room for one (its garbage is gone by now). */
    private void afterOutOfMemory(Session session, List<Checkpoint> checkpoints, int iterations, long operations,
                                  long baselineNanos) throws Exception {
        try {
            checkpoints.add(checkpoint(session, iterations, operations, baselineNanos, false));
        } catch (OutOfMemoryError e) {
            // no room even for that: the checkpoints before it are the evidence
        }
    }

    /** Below this fraction of the best mean so far, an iteration still counts as getting faster. */
    static final double STILL_WARMING = 0.95;
    /** JIT compilation above this share of an iteration's wall time means the code is still being compiled. */
    static final double STILL_COMPILING = 0.02;

    /**
     * The planned warm-up iterations (twice as many for the JVM-cold first case, which also warms the JIT for the
     * cases after it), then more for as long as the JIT is still compiling or the iterations keep getting faster,
     * up to {@link WarmupPlan#cap}. A fixed count is either too short for code that compiles slowly (retrieval
     * through SQLite and Jackson takes seconds) or wasted on code that does not. Returns how many ran.
     */
    private int warmUp(Session session, WorkerPool workers, String label, boolean jvmCold, HeapWatch watch,
                       OutOfMemory oom) throws Exception {
        WarmupPlan plan = WarmupPlan.of(spec.warmupIterations(), jvmCold);
        long nanos = Math.multiplyExact(spec.iterationMillis(), 1_000_000L);
        double best = Double.MAX_VALUE;
        long done = 0;
        while (done < plan.cap()) {
            progress.report(label, "warm-up", done + 1, plan.shownTotal(done));
            long jitBefore = JitClock.millis();
            Iteration it = null;
            IterationEvent mark = mark(label, IterationEvent.WARM_UP, done);
            AllocationRate allocation = pacer == null ? null : AllocationRate.start();
            try {
                it = workers.iterate(session, nanos, 0);
                warmUpAllocationRate = allocation == null ? Double.NaN : allocation.bytesPerSecond();
            } catch (OutOfMemoryError e) {
                oom.caught(e, watch);
            } finally {
                mark.finish();
            }
            long jitMillis = JitClock.millis() - jitBefore;
            done++;
            if (it == null || watch != null && watch.pressure()) {
                break; // the heap is (nearly) full: the baseline checkpoint measures it and ends the case
            }
            double mean = it.histogram().getMean();
            boolean faster = mean < STILL_WARMING * best;
            boolean compiling = jitMillis > STILL_COMPILING * it.wallNanos() / 1e6;
            best = Math.min(best, mean);
            if (done >= plan.planned() && !faster && !compiling) {
                break;
            }
        }
        return Math.toIntExact(done); // the command line bounds --warmup far below what an int holds
    }

    private ColdStart coldStart(Session session, boolean jvmCold) throws Exception {
        int n = spec.coldStartOperations();
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            session.prepare(0);
            long start = nanoClock.getAsLong();
            Object result = session.operation(0);
            nanos.add(nanoClock.getAsLong() - start);
            coldResults.consume(result);
        }
        long first = nanos.isEmpty() ? 0 : nanos.get(0);
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0);
        long max = nanos.stream().mapToLong(Long::longValue).max().orElse(0);
        return new ColdStart(jvmCold, n, first, mean, max, List.copyOf(nanos));
    }

    /**
     * @param wallNanos   wall time of the iteration
     * @param activeNanos wall time minus the mean time a worker spent in untimed preparation: what throughput
     *                    divides by
     * @param allocatedBytes what the workers allocated, −1 when the JVM does not count it
     */
    private record Iteration(Histogram histogram, long wallNanos, long activeNanos, long allocatedBytes) {
    }

    /** What one worker's share of an iteration cost beyond its operations. */
    private record WorkerTotals(long preparingNanos, long allocatedBytes) {
    }

    /**
     * A fixed pool of threads that lives as long as the case, so warm-up and measurement run on the same JIT-warmed
     * threads and the resource meter's per-thread allocation counters cover them. Each iteration submits one task
     * per thread behind a start gate; a task's failure, an {@link Error} included, comes back through its future,
     * so no failure can leave the coordinator waiting.
     */
    private static final class WorkerPool implements AutoCloseable {

        private final int threads;
        private final ExecutorService executor;
        private final Histogram[] histograms;
        private final ResultConsumer[] consumers;
        private final LongSupplier clock;
        /** Ends an iteration early when true (the heap watch's hint): a checkpoint is wanted now. */
        private final BooleanSupplier cut;

        WorkerPool(int threads, LongSupplier clock, BooleanSupplier cut) {
            this.threads = threads;
            this.clock = clock;
            this.cut = cut;
            this.histograms = new Histogram[threads];
            this.consumers = new ResultConsumer[threads];
            for (int t = 0; t < threads; t++) {
                histograms[t] = new Histogram(3);
                consumers[t] = new ResultConsumer(t + 1);
            }
            AtomicInteger names = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "flightdeck-worker-" + names.getAndIncrement());
                t.setDaemon(true);
                workerThreads.add(t);
                return t;
            });
        }

        /** The pool's threads, to see whether any is left to run a task. */
        private final List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

        /**
         * A task's outcome. A pool whose threads all died leaves its queued task waiting forever: seen when a full heap
         * killed the worker outside the task (no thread left, the main thread parked on the future, the child
         * thrashing in full collections until its time limit). That is reported as the out-of-memory it is.
         */
        private WorkerTotals await(Future<WorkerTotals> task) throws InterruptedException, ExecutionException {
            while (true) {
                try {
                    return task.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (workerThreads.stream().noneMatch(Thread::isAlive)) {
                        task.cancel(false);
                        throw new ExecutionException(new OutOfMemoryError(
                                "every worker thread died before its operations ended (out of memory)"));
                    }
                }
            }
        }

        /** One iteration: time-boxed when {@code nanos > 0}, otherwise exactly {@code operations} operations. */
        Iteration iterate(Session session, long nanos, long operations) throws Exception {
            for (Histogram h : histograms) {
                h.reset();
            }
            CountDownLatch gate = new CountDownLatch(1);
            AtomicLong remaining = new AtomicLong(operations);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<WorkerTotals>> tasks = new ArrayList<>(threads);
            long began = clock.getAsLong(); // submitting the tasks takes microseconds; the gate opens right after
            long deadline = nanos > 0 ? began + nanos : 0;
            for (int t = 0; t < threads; t++) {
                int index = t;
                tasks.add(executor.submit(() -> {
                    gate.await();
                    return work(session, index, deadline, remaining, stop);
                }));
            }
            gate.countDown();
            long preparing = 0;
            long allocated = 0;
            Throwable failure = null;
            for (Future<WorkerTotals> task : tasks) {
                try {
                    WorkerTotals totals = await(task);
                    preparing += totals.preparingNanos();
                    allocated = allocated < 0 || totals.allocatedBytes() < 0 ? -1 : allocated + totals.allocatedBytes();
                } catch (ExecutionException e) {
                    stop.set(true); // the other workers finish their current operation and return
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            long wall = clock.getAsLong() - began;
            if (failure != null) {
                if (failure instanceof Exception ex) {
                    throw ex;
                }
                if (failure instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(failure);
            }
            Histogram merged = new Histogram(3);
            for (Histogram h : histograms) {
                merged.add(h);
            }
            // throughput counts operations against the time spent doing them, not preparing them
            return new Iteration(merged, wall, Math.max(1, wall - preparing / threads), allocated);
        }

        /**
         * Runs one worker's share of an iteration, until {@code deadline} (time-boxed) or until {@code remaining}
         * runs out (0 deadline); returns the nanoseconds it spent in untimed preparation and what it allocated. */
        private WorkerTotals work(Session s, int index, long deadline, AtomicLong remaining, AtomicBoolean stop)
                throws Exception {
            Histogram h = histograms[index];
            ResultConsumer results = consumers[index];
            long preparing = 0;
            long allocatedBefore = allocatedByThisThread();
            if (deadline != 0) {
                long now = clock.getAsLong();
                // every worker measures at least one operation (as JMH's do): one the scheduler starts after the
                // deadline, on a busy machine, would otherwise bring back an iteration without a single latency
                boolean first = true;
                while ((first || now < deadline) && !stop.get() && !cut.getAsBoolean()) {
                    first = false;
                    s.prepare(index);
                    long t0 = clock.getAsLong();
                    preparing += t0 - now;
                    Object result = s.operation(index);
                    now = clock.getAsLong();
                    results.consume(result);
                    h.recordValue(now - t0);
                }
            } else {
                while (!stop.get() && !cut.getAsBoolean() && remaining.getAndDecrement() > 0) {
                    long p0 = clock.getAsLong();
                    s.prepare(index);
                    long t0 = clock.getAsLong();
                    preparing += t0 - p0;
                    Object result = s.operation(index);
                    h.recordValue(clock.getAsLong() - t0);
                    results.consume(result);
                }
            }
            long allocatedAfter = allocatedByThisThread();
            return new WorkerTotals(preparing, allocatedBefore < 0 || allocatedAfter < 0 ? -1
                    : allocatedAfter - allocatedBefore);
        }

        /** HotSpot's count of bytes this thread allocated so far, −1 where the JVM does not keep one. */
        private static long allocatedByThisThread() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
                return t.getCurrentThreadAllocatedBytes();
            }
            return -1;
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
