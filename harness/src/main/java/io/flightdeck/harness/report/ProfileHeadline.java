package io.flightdeck.harness.report;

import java.util.List;
import java.util.Map;

import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.rules.RuleFinding;

/**
 * The headline figures of a workload's recording, for report.json and report.md; the whole analysis is in
 * {@code analysis} beside the recording.
 *
 * @param analysis          the analysis file, relative to the run folder
 * @param flameGraphs       the interactive flame graph pages written beside it, relative to the run folder
 * @param cpuSamples        execution samples
 * @param hotMethods        the top methods by self samples
 * @param allocationSites   the top allocation sites by estimated bytes
 * @param allocationBytesPerSecond estimated allocation rate
 * @param gcPauses          stop-the-world pauses
 * @param gcPauseTotalNanos their total
 * @param gcPauseMaxNanos   the longest
 * @param postGcHeapSlope   Theil–Sen slope of the heap after GC, bytes/s; null with too few collections
 * @param blockedNanos      time threads waited on monitors or parked, over JFR's threshold
 * @param ruleWarnings      JMC rules worth a look ({@link RuleFinding#worthALook}: WARNING, scored 75 or more):
 *                          "name (score): message"
 * @param warnings          the analysis's warnings
 * @param timeShares        all measured threads' time by state in percent ({@code java}, {@code native},
 *                          {@code blocked}, {@code waiting}, {@code sleeping}, {@code fileIo}, {@code socketIo},
 *                          {@code other}); null when not measured
 * @param workingTimeShares the same over the threads that worked (profiling's ThreadStates: idle pools, samplers and
 *                          the child's waiting main thread left out), the figure the terminal shows; null when not
 *                          measured or when no thread worked (and in reports from before it)
 * @param workingThreads    whose time that is: "1 working thread of 14"; null with {@code workingTimeShares}
 * @param window            which part of the recording these figures cover: "measured iterations: 12 intervals,
 *                          8.4 s of 11.2 s" or "whole JVM: 11.2 s"; null when there was no analysis
 */
public record ProfileHeadline(String analysis, List<String> flameGraphs, long cpuSamples, List<Ranked> hotMethods, List<Ranked> allocationSites,
                              double allocationBytesPerSecond, long gcPauses, long gcPauseTotalNanos,
                              long gcPauseMaxNanos, Double postGcHeapSlope, long blockedNanos,
                              List<String> ruleWarnings, List<String> warnings, Map<String, Double> timeShares,
                              Map<String, Double> workingTimeShares, String workingThreads, String window) {

    static final int ROWS = 3;

    public static ProfileHeadline of(Analysis a, String analysisPath, List<String> flameGraphs) {
        Map<String, Double> working = TimeShares.ofWorking(a.threads());
        return new ProfileHeadline(analysisPath, List.copyOf(flameGraphs), a.cpu().samples(), head(a.cpu().hotBySelf()),
                head(a.allocation().bySite()), a.allocation().bytesPerSecond(), a.gc().pauses().count(),
                a.gc().pauses().totalNanos(), a.gc().pauses().maxNanos(), a.gc().postGcSlope().bytesPerSecond(),
                a.locks().blockedNanos(), a.rules().findings().stream().filter(RuleFinding::worthALook)
                        .map(f -> String.format(java.util.Locale.ROOT, "%s (%.0f): %s", f.name(),
                                f.score(), f.message()))
                        .toList(), a.warnings(), TimeShares.of(a.threads()), working,
                working == null ? null : TimeShares.whose(a.threads()), AnalysedWindow.of(a.recording()));
    }

    /** When the recording could not be analysed: the reason, as the only warning. */
    public static ProfileHeadline unavailable(String reason) {
        return new ProfileHeadline(null, List.of(), 0, List.of(), List.of(), 0, 0, 0, 0, null, 0, List.of(),
                List.of("the recording could not be analysed: " + reason), null, null, null, null);
    }

    private static List<Ranked> head(List<Ranked> rows) {
        return List.copyOf(rows.subList(0, Math.min(ROWS, rows.size())));
    }
}
