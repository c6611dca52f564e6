package io.flightdeck.harness.testworkloads;

import java.util.List;
import java.util.Set;

import io.flightdeck.api.MetricSink;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * A small honest workload: sums an array whose length is the case's size, so cost grows linearly with size.
 * Cases of size 1,000 and 8,000 (a fitted exponent near 1).
 */
public final class SumWorkload implements Workload {

    @Override
    public Set<String> metricNames() {
        return Set.of("array-bytes");
    }

    @Override
    public String name() {
        return "test-sum";
    }

    @Override
    public String description() {
        return "test: sums an array of the case's size";
    }

    @Override
    public String operationUnit() {
        return "sum";
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofSize(1_000), WorkloadCase.ofSize(8_000));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        long[] values = new long[(int) workloadCase.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 31L + context.seed();
        }
        return new Session() {
            private long sink;

            @Override
            public Object operation(int thread) {
                long s = 0;
                for (long v : values) {
                    s += v ^ (s >>> 3);
                }
                sink += s; // a field, and the array returned: no Long boxed per operation
                return values;
            }

            @Override
            public void report(MetricSink metrics) {
                metrics.metric("array-bytes", values.length * 8.0, "B");
            }
        };
    }
}
