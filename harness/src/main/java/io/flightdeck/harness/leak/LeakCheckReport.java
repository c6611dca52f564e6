package io.flightdeck.harness.leak;

import java.util.List;

import io.flightdeck.child.Checkpoint;
import io.flightdeck.child.HeapFull;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * One case of one workload, checked for a leak: the verdict, and each piece of evidence with its figures.
 *
 * @param verdict     {@code passed} or {@code failed}
 * @param reason      one line: why it passed or failed
 * @param limits      what it was judged against
 * @param operations  operations measured while the heap was watched
 * @param seconds     how long it was watched
 * @param checkpoints the live heap after full collections the child forced: the deciding evidence
 * @param recording   the post-GC heap trend in the JFR recording: independent, coarser, never forced
 * @param retained    what the engine retains per stored item, weighed with JOL at the start and the end
 * @param rule        JDK Mission Control's IncreasingLiveSet rule on the recording
 * @param suspects    the old-object sampler's top classes, with allocation sites and reference chains to a GC root
 * @param recordingFile the recording, relative to the run folder; null when the child left none
 * @param analysisFile  its analysis.json, relative; null without one
 * @param flameGraphs   its flame graph pages, relative
 * @param failure     why the child JVM did not finish, null when it did
 * @param heapFull    why the check stopped before its duration: the heap nearly full of live objects at a checkpoint,
 *                    or out of memory; null when it ran its duration (or ended otherwise)
 */
public record LeakCheckReport(String workload, String caseLabel, String verdict, String reason, LeakLimits limits,
                              long operations, double seconds, CheckpointEvidence checkpoints,
                              RecordingEvidence recording, RetainedEvidence retained, RuleEvidence rule,
                              List<LeakAnalysis.LeakSuspect> suspects, String recordingFile, String analysisFile,
                              List<String> flameGraphs, String failure, HeapFull heapFull) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(verdict);
    }

    /** The check stopped early because its heap was (nearly) full: a leak too fast for its duration. */
    public boolean stoppedEarly() {
        return heapFull != null;
    }

    /**
     * @param baselineBytes live heap before the first measured operation
     * @param peakBytes     the highest live heap at any checkpoint
     * @param finalBytes    the live heap at the last one
     * @param growthBytes   peak − baseline: the seed's {@code peak - baseline < MAX_GROWTH}
     * @param perOperation  the trend against operations; null with too few checkpoints
     * @param perSecond     the trend against time
     * @param growing       whether either trend exceeds its limit with significance
     * @param series        every checkpoint
     */
    public record CheckpointEvidence(long baselineBytes, long peakBytes, long finalBytes, long growthBytes,
                                     HeapTrend perOperation, HeapTrend perSecond, boolean growing,
                                     List<Checkpoint> series) {
    }

    /**
     * @param perSecond    the Theil–Sen slope of the heap after every collection in the measured span (its first fifth
     *                     left out), null with too few collections
     * @param perOperation the same divided by the measured throughput
     * @param collections  collections it was fitted on
     * @param growing      whether it exceeds a limit with significance; null when there is no trend
     */
    public record RecordingEvidence(HeapTrend perSecond, HeapTrend perOperation, int collections, Boolean growing) {
    }

    /**
     * @param firstBytes        what the engine retained at the first checkpoint
     * @param lastBytes         at the last
     * @param firstItems        items it held then
     * @param lastItems         items it held at the end
     * @param firstBytesPerItem retained bytes per item at the start: the median of the first third of the weighings
     * @param lastBytesPerItem  at the end: the median of the last third
     * @param change            relative change of those medians (of bytes per item, or of bytes where the engine does
     *                          not count its items), e.g. 0.02 for 2 %
     * @param growing           whether per item it grew by more than {@link LeakJudge#RETAINED_TOLERANCE}
     */
    public record RetainedEvidence(long firstBytes, long lastBytes, Long firstItems, Long lastItems,
                                   Double firstBytesPerItem, Double lastBytesPerItem, double change, boolean growing) {
    }

    /**
     * @param severity JMC's: OK, INFO, WARNING, NA (the recording lacked what the rule needs); or NOT_RUN
     * @param score    0–100, null when none
     * @param message  the rule's own summary
     */
    public record RuleEvidence(String severity, Double score, String message) {
    }
}
