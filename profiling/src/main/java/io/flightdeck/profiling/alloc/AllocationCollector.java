package io.flightdeck.profiling.alloc;

import jdk.jfr.consumer.RecordedEvent;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Tally;
import io.flightdeck.profiling.spi.ChunkOrigin;

/**
 * Allocation events into bytes by site, class and thread, and the allocation call tree, kept apart by source and
 * never added together (each estimates the same bytes its own way). Best first:
 * <ol>
 *   <li>async-profiler's samples (its chunks write them as TLAB events): JVMTI sampled allocations, one per so many
 *       bytes allocated, weighted by {@link SampledBytes} so that a sample's weight is unbiased whatever the object's
 *       size;</li>
 *   <li>{@code jdk.ObjectAllocationSample} (JDK 16+): throttled samples whose weights follow TLAB refills;</li>
 *   <li>the JDK's TLAB events, which older recordings and some settings carry instead.</li>
 * </ol>
 */
public final class AllocationCollector extends EventCollector {

    public static final String SAMPLE = "jdk.ObjectAllocationSample";
    public static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    /** Where async-profiler writes its options per chunk, its allocation interval ("alloc") among them. */
    public static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    /** async-profiler's interval for a bare {@code alloc} (its setting then reads 0): 512 KiB less a byte. */
    static final long ASYNC_PROFILER_DEFAULT_INTERVAL = 524_287;
    public static final String ASYNC_PROFILER = "async-profiler";
    public static final String TLAB_EVENTS = "jdk.ObjectAllocationInNewTLAB/OutsideTLAB";

    /** Said beside JFR-only allocation figures: why their shares can be badly off. */
    public static final String TLAB_BIAS = "JFR's allocation samples are weighted by TLAB refills, not by the bytes "
            + "of the sampled objects: sites that allocate large objects (which fill TLABs fast) are over-weighted and "
            + "small objects under-weighted, so shares can be badly off; the sample counts show how few events stand "
            + "behind each weight. async-profiler's allocation sampler weighs by bytes.";

    private final Part profiler;
    private final Part samples;
    private final Part tlab;
    private final ChunkOrigin chunk;

    private final boolean rank;

    /**
     * async-profiler's allocation sampling interval in the chunk being read, as its settings or events tell it (0
     * until one does): needed to weigh an object at least as large as the interval, whose event does not carry it.
     * Per chunk, because a paced run's child changes it between warm-up and measurement (each chunk has one).
     */
    private long samplingInterval;
    /** The chunk {@link #samplingInterval} was learnt in. */
    private long intervalChunk = -1;

    /**
     * {@code rank}: whether to tally sites, classes and threads; the tree is built either way. {@code chunk}: which
     * program wrote the chunk being read, to tell async-profiler's events from the JDK's.
     */
    public AllocationCollector(Frames frames, int maxTreeNodes, boolean rank, ChunkOrigin chunk) {
        super(frames);
        this.profiler = new Part(maxTreeNodes);
        this.samples = new Part(maxTreeNodes);
        this.tlab = new Part(maxTreeNodes);
        this.rank = rank;
        this.chunk = chunk;
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        if (chunk.asyncProfiler()) {
            if (intervalChunk != chunk.sequence()) { // a new chunk: an interval learnt from another does not hold
                intervalChunk = chunk.sequence();
                samplingInterval = 0;
            }
            // its event holds the object's size and max(size, interval) in tlabSize; the weight is the bytes the
            // sample stands for, unbiased for objects near the interval's size (SampledBytes)
            switch (type) {
                case ACTIVE_SETTING -> {
                    if ("alloc".equals(e.getString("name"))) {
                        samplingInterval = intervalSetting(e.getString("value"));
                    }
                }
                case IN_NEW_TLAB -> {
                    long size = e.getLong("allocationSize");
                    long tlabSize = e.getLong("tlabSize");
                    if (tlabSize == 0) {
                        profiler.add(e, size);
                        return;
                    }
                    long told = SampledBytes.intervalFrom(size, tlabSize);
                    if (told > 0) {
                        samplingInterval = told;
                    }
                    profiler.add(e, Math.round(SampledBytes.weight(size, samplingInterval)));
                }
                case OUTSIDE_TLAB -> profiler.add(e, e.getLong("allocationSize"));
                default -> {
                }
            }
            return;
        }
        switch (type) {
            case SAMPLE -> samples.add(e, e.getLong("weight"));
            // a new TLAB stands for all the small allocations that will fill it; outside one, the object itself.
            // Why only until the first sample: the result uses the samples whenever there are any.
            case IN_NEW_TLAB -> {
                if (samples.count == 0) {
                    tlab.add(e, e.getLong("tlabSize"));
                }
            }
            case OUTSIDE_TLAB -> {
                if (samples.count == 0) {
                    tlab.add(e, e.getLong("allocationSize"));
                }
            }
            default -> {
            }
        }
    }

    /** async-profiler's "alloc" setting as its sampler uses it: 0 (a bare {@code alloc}) is its default. */
    static long intervalSetting(String value) {
        try {
            long interval = Long.parseLong(value.strip());
            return interval > 0 ? interval : ASYNC_PROFILER_DEFAULT_INTERVAL;
        } catch (RuntimeException e) { // not a number (NumberFormatException) or absent: learn it from the events
            return 0;
        }
    }

    @Override
    public boolean windowed(String type) {
        // a chunk's settings are written when it starts, before the measured iterations it holds
        return !ACTIVE_SETTING.equals(type) && windowed();
    }

    /** Whether any allocation sample was read. */
    public boolean hasSamples() {
        return samples.count > 0;
    }

    /**
     * Whether the TLAB events are still wanted after the main pass: when there were no samples, or when a chunk was
     * async-profiler's (its samples are TLAB events).
     */
    public boolean wantsTlabEvents() {
        return !hasSamples() || chunk.sawAsyncProfiler();
    }

    /** {@code jvmVersion}: the recording's JVM ({@code jdk.JVMInformation}), null when unknown. */
    public AllocationAnalysis result(int top, double seconds, String jvmVersion) {
        Part used = used();
        String source = used == profiler ? ASYNC_PROFILER : used == samples ? SAMPLE : used.count > 0 ? TLAB_EVENTS
                : "none";
        String bias = used == samples || used == tlab && used.count > 0 ? TLAB_BIAS
                : used == profiler ? HeapSamplerBias.note(jvmVersion) : null;
        return new AllocationAnalysis(source, used.count, used.bytes, seconds > 0 ? used.bytes / seconds : 0,
                used.bySite.topWithSamples(top, used.bytes), used.byClass.topWithSamples(top, used.bytes),
                used.byThread.topWithSamples(top, used.bytes), bias);
    }

    private Part used() {
        return profiler.count > 0 ? profiler : samples.count > 0 ? samples : tlab;
    }

    /** The call tree of allocated bytes, from the same events as {@link #result}. */
    public CallTree tree() {
        return used().tree;
    }

    private final class Part {
        final Tally bySite = new Tally();
        final Tally byClass = new Tally();
        final Tally byThread = new Tally();
        final CallTree tree;
        long count;
        long bytes;

        Part(int maxTreeNodes) {
            tree = new CallTree(maxTreeNodes);
        }

        void add(RecordedEvent e, long weight) {
            if (weight <= 0) {
                return;
            }
            count++;
            bytes += weight;
            String[] names = frames.rootFirst(e.getStackTrace());
            tree.addShared(names, weight);
            if (rank) {
                bySite.add(Frames.top(names), weight);
                byClass.add(frames.className(e.getClass("objectClass")), weight);
                byThread.add(frames.threadName(e.getThread()), weight);
            }
        }
    }
}
