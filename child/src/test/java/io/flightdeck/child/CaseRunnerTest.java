package io.flightdeck.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.api.MetricSink;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * The measurement loop, in-process: what it counts, what it times and what it leaves out. Whatever is timed is timed
 * on {@link #clock}, which only the workloads here move: the figures asserted are the ones the test set, however
 * fast or busy the machine is.
 */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progressOut = new ByteArrayOutputStream();

    /** Nanoseconds that pass only when a workload here says its work took them. */
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

    private CaseRunner runner(int cold, int warmup, int iterations, long millis) {
        ChildSpec spec = new ChildSpec("counting", 1, Scale.SMALL, 42, dir, Map.of(), cold, warmup, iterations, millis,
                dir.resolve("result.json"), false);
        return new CaseRunner(spec, new Progress(new PrintStream(progressOut, true)), Json.mapper(), clock::get);
    }

    private WorkloadContext context() {
        return new WorkloadContext(Scale.SMALL, 42, dir, Map.of());
    }

    @Test
    void countedIterationsRunExactlyTheirOperationsAcrossThreads() throws Exception {
        Counting workload = new Counting(clock, 0, 1_000);
        CaseResult r = runner(5, 2, 3, 100).run(workload, context(), new WorkloadCase("n", 2, 0, 100), true);

        assertThat(r.iterations()).hasSize(3).allSatisfy(i -> assertThat(i.operations()).isEqualTo(100));
        assertThat(r.latency().count()).isEqualTo(300);
        assertThat(r.coldStart().operations()).isEqualTo(5);
        assertThat(r.coldStart().nanos()).hasSize(5);
        assertThat(r.coldStart().jvmCold()).isTrue();
        // counted cases skip warm-up: cold start + measured operations are all that ran
        assertThat(workload.operations.get()).isEqualTo(305);
        assertThat(r.metrics()).extracting(CaseResult.Metric::name).containsExactly("operations-seen");
        assertThat(r.resources()).isNotNull();
        assertThat(progressOut.toString()).contains(Progress.MARKER + "n measure 3/3");
    }

    @Test
    void timeBoxedIterationsOnSeveralThreadsUseEveryThread() throws Exception {
        // each thread's first operation waits until all three are in one; the clock stands still meanwhile, so no
        // thread can find its iteration over before it started, however late the machine schedules it
        CountDownLatch allIn = new CountDownLatch(3);
        Counting workload = new Counting(clock, 0, 1_000) {
            @Override
            void firstOperation() throws InterruptedException {
                allIn.countDown();
                assertThat(allIn.await(5, TimeUnit.MINUTES)).as("all three workers ran").isTrue();
            }
        };
        CaseResult r = runner(0, 1, 3, 50).run(workload, context(), WorkloadCase.ofThreads(3), false);

        assertThat(r.iterations()).hasSize(3).allSatisfy(i -> assertThat(i.operations()).isPositive());
        assertThat(workload.threadsSeen).isEqualTo(0b111);
        assertThat(r.throughput()).isPositive();
        assertThat(r.outliers()).isNotNull();
        assertThat(progressOut.toString()).contains("threads=3 warm-up 1/1"); // not the JVM-cold case: no double warm-up
    }

    @Test
    void aWorkerThatStartsAfterTheDeadlineStillMeasuresOneOperation() throws Exception {
        // each reading of this clock moves it 2 ms: the worker's first look already finds its 1 ms iteration over,
        // as a thread the scheduler starts late on a busy machine does
        ChildSpec spec = new ChildSpec("counting", 1, Scale.SMALL, 42, dir, Map.of(), 0, 0, 2, 1,
                dir.resolve("result.json"), false);
        CaseRunner late = new CaseRunner(spec, new Progress(new PrintStream(progressOut, true)), Json.mapper(),
                () -> clock.addAndGet(2_000_000));
        Counting workload = new Counting(clock, 0, 1_000);
        CaseResult r = late.run(workload, context(), WorkloadCase.ofThreads(2), false);

        assertThat(r.iterations()).hasSize(2).allSatisfy(i -> assertThat(i.operations()).isEqualTo(2));
        assertThat(r.latency().count()).isEqualTo(4);
        assertThat(workload.threadsSeen).isEqualTo(0b11);
    }

    @Test
    void untimedPreparationIsLeftOutOfLatencyAndThroughput() throws Exception {
        // each prepare takes 2 ms, each operation 1 µs: were preparation counted, throughput would be under 500/s
        // and latencies milliseconds
        Counting workload = new Counting(clock, 2_000_000, 1_000);
        CaseResult r = runner(0, 0, 2, 200).run(workload, context(), WorkloadCase.single(), false);

        assertThat(r.latency().p50()).isBetween(999L, 1_001L); // HdrHistogram keeps 3 significant digits
        assertThat(r.throughput()).isCloseTo(1_000_000, withinPercentage(0.1));
        assertThat(r.iterations()).allSatisfy(i -> {
            assertThat(i.operations()).isEqualTo(100); // 200 ms of 2.001 ms rounds, the last one crossing the end
            assertThat(i.wallNanos()).isEqualTo(100 * 2_001_000L);
        });
    }

    /** Each operation takes {@code 8 s} minus one per 40 s since the case opened (at least 1 s). */
    private Workload speedingUp() {
        return new Counting(clock, 0, 0) {
            @Override
            public Session open(WorkloadContext c, WorkloadCase w) {
                long opened = clock.get();
                return thread -> clock.addAndGet(Math.max(1, 8 - (clock.get() - opened) / 40_000_000_000L)
                        * 1_000_000_000L);
            }
        };
    }

    // Iterations of 50 s on the test's clock: the real JIT compiling for a few real milliseconds is well under the
    // 2 % of an iteration that keeps a warm-up going, so only the timings decide.
    @Test
    void warmUpGoesOnWhileIterationsKeepGettingFaster() throws Exception {
        CaseResult r = runner(0, 1, 1, 50_000).run(speedingUp(), context(), WorkloadCase.single(), false);
        // planned 1, then up to 2 more (twice the planned count) while it keeps improving by over 5 %
        assertThat(r.warmupIterations()).isEqualTo(3);
    }

    @Test
    void warmUpStopsOnceIterationsStopGettingFaster() throws Exception {
        CaseResult r = runner(0, 1, 1, 50_000).run(new Counting(clock, 0, 5_000_000_000L), context(),
                WorkloadCase.single(), false);
        // the first is faster than nothing, the second no faster than the first: done
        assertThat(r.warmupIterations()).isEqualTo(2);
        assertThat(r.latency().p50()).isCloseTo(5_000_000_000L, withinPercentage(0.1));
    }

    @Test
    void aFailingOperationOnAWorkerFailsTheCase() {
        Workload failing = new Counting(clock, 0, 0) {
            @Override
            public Session open(WorkloadContext c, WorkloadCase w) {
                return thread -> {
                    throw new IllegalStateException("boom on " + Thread.currentThread().getName());
                };
            }
        };
        assertThatThrownBy(() -> runner(0, 0, 1, 50).run(failing, context(), WorkloadCase.ofThreads(2), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom on flightdeck-worker-");
    }

    /** Counts operations; prepare and operation each move the test's clock by what they "take". */
    static class Counting implements Workload {
        final AtomicLong operations = new AtomicLong();
        volatile int threadsSeen;
        private final AtomicLong clock;
        private final long prepareNanos;
        private final long operationNanos;

        Counting(AtomicLong clock, long prepareNanos, long operationNanos) {
            this.clock = clock;
            this.prepareNanos = prepareNanos;
            this.operationNanos = operationNanos;
        }

        /** Runs before a thread's first operation. */
        void firstOperation() throws InterruptedException {
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String description() {
            return "counts";
        }

        @Override
        public Session open(WorkloadContext context, WorkloadCase workloadCase) {
            return new Session() {
                @Override
                public void prepare(int thread) {
                    clock.addAndGet(prepareNanos);
                }

                @Override
                public Object operation(int thread) throws Exception {
                    boolean first;
                    synchronized (Counting.this) {
                        first = (threadsSeen & 1 << thread) == 0;
                        threadsSeen |= 1 << thread;
                    }
                    if (first) {
                        firstOperation();
                    }
                    clock.addAndGet(operationNanos);
                    return operations.incrementAndGet();
                }

                @Override
                public void report(MetricSink sink) {
                    sink.metric("operations-seen", operations.get(), "");
                }
            };
        }
    }
}
