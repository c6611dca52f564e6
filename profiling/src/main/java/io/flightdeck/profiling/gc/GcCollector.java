package io.flightdeck.profiling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;
import io.flightdeck.profiling.TheilSen;

/** Collections, pauses and the heap after each collection. */
public final class GcCollector extends EventCollector {

    public static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    public static final String PHASE_PAUSE = "jdk.GCPhasePause";
    public static final String HEAP_SUMMARY = "jdk.GCHeapSummary";
    public static final String GC_CPU_TIME = "jdk.GCCPUTime";
    /** Fewer post-warm-up collections than this give no slope: two points are a line through noise. */
    public static final int MIN_TREND_POINTS = 5;
    /** The first fifth of the span is warm-up: caches, pools and the JIT fill the heap once. */
    static final double WARMUP_FRACTION = 0.2;

    private final Tally byName = new Tally();
    private final Tally byCause = new Tally();
    private final Histogram phasePauses = new Histogram(3);
    private final Histogram collectionPauses = new Histogram(3);
    private final List<Instant> heapTimes = new ArrayList<>();
    private final List<Long> heapUsed = new ArrayList<>();
    private long collections;
    private long gcCpuNanos;
    private boolean sawGcCpu;

    public GcCollector(Frames frames) {
        super(frames);
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        switch (type) {
            case GARBAGE_COLLECTION -> {
                collections++;
                byName.add(e.getString("name"), 1);
                byCause.add(e.getString("cause"), 1);
                Duration pauses = e.getDuration("sumOfPauses");
                if (pauses != null && pauses.toNanos() > 0) {
                    collectionPauses.recordValue(pauses.toNanos());
                }
            }
            case PHASE_PAUSE -> phasePauses.recordValue(Math.max(0, e.getDuration().toNanos()));
            case HEAP_SUMMARY -> {
                if ("After GC".equals(e.getString("when"))) {
                    heapTimes.add(e.getStartTime());
                    heapUsed.add(e.getLong("heapUsed"));
                }
            }
            case GC_CPU_TIME -> {
                sawGcCpu = true;
                gcCpuNanos += e.getLong("userTime") + e.getLong("systemTime");
            }
            default -> {
            }
        }
    }

    /**
     * @param start      start of the analysed span
     * @param seconds    its length
     * @param processCpuNanos CPU the process used over the span, when known (for the GC share), else 0
     */
    public GcAnalysis result(int top, Instant start, double seconds, long processCpuNanos) {
        boolean phases = phasePauses.getTotalCount() > 0;
        Histogram h = phases ? phasePauses : collectionPauses;
        long total = 0;
        for (var v : h.recordedValues()) {
            total += v.getValueIteratedTo() * v.getCountAtValueIteratedTo();
        }
        GcAnalysis.PauseStats pauses = new GcAnalysis.PauseStats(phases ? PHASE_PAUSE : GARBAGE_COLLECTION + ".sumOfPauses",
                h.getTotalCount(), total, h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50),
                h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99), h.getMaxValue());

        List<GcAnalysis.HeapPoint> points = new ArrayList<>(heapUsed.size());
        for (int i = 0; i < heapUsed.size(); i++) {
            points.add(new GcAnalysis.HeapPoint(Duration.between(start, heapTimes.get(i)).toNanos() / 1e9, heapUsed.get(i)));
        }
        points.sort((a, b) -> Double.compare(a.secondsFromStart(), b.secondsFromStart()));
        Double share = sawGcCpu && processCpuNanos > 0 ? Math.min(1.0, (double) gcCpuNanos / processCpuNanos) : null;
        return new GcAnalysis(collections, byName.top(top, collections), byCause.top(top, collections), pauses,
                List.copyOf(points), slope(points, seconds), share);
    }

    static GcAnalysis.HeapSlope slope(List<GcAnalysis.HeapPoint> points, double seconds) {
        double warmupEnd = seconds * WARMUP_FRACTION;
        List<GcAnalysis.HeapPoint> used = points.stream().filter(p -> p.secondsFromStart() >= warmupEnd).toList();
        int skipped = points.size() - used.size();
        if (used.size() < MIN_TREND_POINTS) {
            return new GcAnalysis.HeapSlope(null, null, null, used.size(), skipped);
        }
        double[] x = used.stream().mapToDouble(GcAnalysis.HeapPoint::secondsFromStart).toArray();
        double[] y = used.stream().mapToDouble(GcAnalysis.HeapPoint::heapUsedBytes).toArray();
        TheilSen.Fit fit = TheilSen.fit(x, y);
        return new GcAnalysis.HeapSlope(orNull(fit.slope()), orNull(fit.lower()), orNull(fit.upper()), used.size(),
                skipped);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
