package io.flightdeck.harness.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.workload.MetricSink;
import io.flightdeck.harness.workload.Scale;
import io.flightdeck.harness.workload.Session;
import io.flightdeck.harness.workload.Workload;
import io.flightdeck.harness.workload.WorkloadCase;
import io.flightdeck.harness.workload.WorkloadContext;

/** The measurement loop, in-process: what it counts, what it times and what it leaves out. */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progressOut = new ByteArrayOutputStream();

    private CaseRunner runner(int cold, int warmup, int iterations, long millis) {
        return runner(cold, warmup, iterations, millis, false);
    }

    private CaseRunner runner(int cold, int warmup, int iterations, long millis, boolean checkpoints) {
        ChildSpec spec = new ChildSpec("counting", 1, Scale.SMALL, 42, dir, Map.of(), cold, warmup, iterations, millis,
                dir.resolve("result.json"), checkpoints);
        return new CaseRunner(spec, new Progress(new PrintStream(progressOut, true)), Json.mapper());
    }

    private WorkloadContext context() {
        return new WorkloadContext(Scale.SMALL, 42, dir, Map.of());
    }

    @Test
    void countedIterationsRunExactlyTheirOperationsAcrossThreads() throws Exception {
        Counting workload = new Counting(0);
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
        Counting workload = new Counting(0);
        CaseResult r = runner(0, 1, 3, 50).run(workload, context(), WorkloadCase.ofThreads(3), false);

        assertThat(r.iterations()).hasSize(3).allSatisfy(i -> assertThat(i.operations()).isPositive());
        assertThat(workload.threadsSeen).isEqualTo(0b111);
        assertThat(r.throughput()).isPositive();
        assertThat(r.outliers()).isNotNull();
        assertThat(progressOut.toString()).contains("threads=3 warm-up 1/1"); // not the JVM-cold case: no double warm-up
    }

    @Test
    void untimedPreparationIsLeftOutOfLatencyAndThroughput() throws Exception {
        // each prepare sleeps 2 ms; an operation takes well under a microsecond. Were preparation counted,
        // throughput could not exceed 500/s and latencies would be milliseconds.
        Counting workload = new Counting(2);
        CaseResult r = runner(0, 0, 2, 200).run(workload, context(), WorkloadCase.single(), false);

        assertThat(r.latency().p50()).isLessThan(1_000_000);
        assertThat(r.throughput()).isGreaterThan(5_000);
    }

    @Test
    void warmUpGoesOnWhileIterationsKeepGettingFaster() throws Exception {
        // each operation sleeps 8 ms minus one per 40 ms since the case opened: every 50 ms iteration is faster
        Workload speedingUp = new Counting(0) {
            @Override
            public Session open(WorkloadContext c, WorkloadCase w) {
                long opened = System.nanoTime();
                return thread -> Thread.sleep(Math.max(0, 8 - (System.nanoTime() - opened) / 40_000_000L));
            }
        };
        CaseResult r = runner(0, 1, 1, 50).run(speedingUp, context(), WorkloadCase.single(), false);
        // planned 1, then up to 2 more (twice the planned count) while it keeps improving by over 5 %
        assertThat(r.warmupIterations()).isEqualTo(3);
    }

    @Test
    void aFailingOperationOnAWorkerFailsTheCase() {
        Workload failing = new Counting(0) {
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

    /** Counts operations; optionally sleeps in prepare. */
    static class Counting implements Workload {
        final AtomicLong operations = new AtomicLong();
        volatile int threadsSeen;
        private final long prepareMillis;

        Counting(long prepareMillis) {
            this.prepareMillis = prepareMillis;
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
                public void prepare(int thread) throws Exception {
                    if (prepareMillis > 0) {
                        Thread.sleep(prepareMillis);
                    }
                }

                @Override
                public void operation(int thread) {
                    operations.incrementAndGet();
                    synchronized (Counting.this) {
                        threadsSeen |= 1 << thread;
                    }
                }

                @Override
                public void report(MetricSink sink) {
                    sink.metric("operations-seen", operations.get(), "");
                }
            };
        }
    }
}
