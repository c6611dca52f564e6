package io.flightdeck.harness.graphs;

import java.util.Locale;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;
import io.flightdeck.harness.report.AnalysedWindow;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions.Section;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.alloc.AllocationCollector;

/** The profiles a recording gives flame graphs of, with what their weights count. */
public enum ProfileKind {
    CPU("cpu", WeightUnit.SAMPLES, Section.CPU),
    ALLOC("alloc", WeightUnit.BYTES, Section.ALLOCATION),
    LOCK("lock", WeightUnit.NANOSECONDS, Section.LOCKS),
    /** async-profiler's wall-clock samples ({@code event=wall}): every thread, on or off the CPU; else empty. */
    WALL("wall", WeightUnit.SAMPLES, Section.THREADS);

    private final String option;
    private final WeightUnit unit;
    private final Section section;

    ProfileKind(String option, WeightUnit unit, Section section) {
        this.option = option;
        this.unit = unit;
        this.section = section;
    }

    /** The part of an analysis that builds this profile's stacks. */
    public Section section() {
        return section;
    }

    /** The word on the command line and in file names: cpu, alloc, lock. */
    public String option() {
        return option;
    }

    public WeightUnit unit() {
        return unit;
    }

    /** The kind a command-line word names, or null. */
    public static ProfileKind of(String word) {
        for (ProfileKind kind : values()) {
            if (kind.option.equals(word.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }

    /** This profile's stacks in an analysis. */
    public CallTree tree(Analysis analysis) {
        return switch (this) {
            case CPU -> analysis.stacks().cpu();
            case ALLOC -> analysis.stacks().allocation();
            case LOCK -> analysis.stacks().locks();
            case WALL -> analysis.stacks().wall();
        };
    }

    private static String allocationNote(Analysis analysis) {
        String source = analysis.allocation().source();
        if (AllocationCollector.ASYNC_PROFILER.equals(source)) {
            String bias = analysis.allocation().biasNote();
            return "Allocation weights are estimates: each sampled object stands for the bytes its chance of being "
                    + "sampled implies (async-profiler's allocation sampler, by bytes)." + (bias == null ? "" : " " + bias);
        }
        return AllocationCollector.SAMPLE.equals(source)
                ? "Allocation weights are estimates: each sampled allocation stands for the bytes allocated "
                        + "since the previous sample (jdk.ObjectAllocationSample)."
                : "Allocation weights come from TLAB events: a new TLAB stands for the small allocations that "
                        + "will fill it, an allocation outside one for its own size.";
    }

    /** The header of this profile's graph: what was sampled, by which events, over which span. */
    public GraphInfo info(Analysis analysis, String title) {
        GraphInfo info = GraphInfo.of(title, event(analysis), unit)
                .withSpan(analysis.recording().analysedFrom(), analysis.recording().analysedTo());
        info = switch (this) {
            case CPU -> info;
            case ALLOC -> info.withNote(allocationNote(analysis));
            case LOCK -> info.withNote("Only waits longer than the recording's threshold (10 ms in the profile "
                    + "settings) are recorded: short contention is not in this graph. Parks that wait for work or "
                    + "a condition (idle pools, sleeps) are not contention and are not in it.");
            case WALL -> info.withNote("Every thread, running or not, sampled at async-profiler's wall-clock "
                    + "interval: idle threads are wide.");
        };
        if (analysis.recording().measuredWindow() != null) {
            info = info.withNote("Only the " + AnalysedWindow.of(analysis.recording())
                    + " (--whole-jvm for the whole JVM).");
        }
        for (String warning : analysis.warnings()) {
            if (!warning.startsWith(RecordingAnalyzer.RULES_NOT_RUN)) { // the rules are not what a graph shows
                info = info.withNote(warning);
            }
        }
        return info;
    }

    /** The event label for a profile read from a folded file, where only the kind is known. */
    public String label() {
        return switch (this) {
            case CPU -> "CPU samples";
            case ALLOC -> "Allocated bytes";
            case LOCK -> "Time blocked on locks";
            case WALL -> "Wall-clock samples";
        };
    }

    private String event(Analysis analysis) {
        return switch (this) {
            case CPU -> label() + " (jdk.ExecutionSample)";
            case ALLOC -> label() + " (" + analysis.allocation().source() + ")";
            case LOCK -> label() + " (jdk.JavaMonitorEnter, jdk.ThreadPark in lock acquisition)";
            case WALL -> label() + " (profiler.WallClockSample)";
        };
    }
}
