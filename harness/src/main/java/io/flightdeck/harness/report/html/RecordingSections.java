package io.flightdeck.harness.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.jsoup.nodes.Element;

import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.report.AnalysedWindow;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.alloc.AllocationAnalysis;
import io.flightdeck.profiling.cpu.CpuAnalysis;
import io.flightdeck.profiling.gc.GcAnalysis;
import io.flightdeck.profiling.leaks.LeakAnalysis;
import io.flightdeck.profiling.rules.RuleFinding;

/**
 * What one recording's analysis shows a person: hot methods and threads, allocation, GC with the post-GC heap and its
 * trend, lock contention, JMC rule findings by severity, old-object samples and the analysis's own warnings. Used for
 * each workload of a run and for a recording given to {@code analyze}.
 */
final class RecordingSections {

    /** Rows of each ranking shown; analysis.json has the rest. */
    static final int ROWS = 10;
    private static final List<String> SEVERITY_ORDER = List.of(RuleFinding.ERROR, "WARNING", "INFO", "OK", "NA",
            "IGNORE");

    private RecordingSections() {
    }

    static void append(Element parent, Analysis a) {
        HtmlDocument.paragraph(parent, "Analysed: " + AnalysedWindow.of(a.recording()) + ".").addClass("muted");
        if (!a.warnings().isEmpty()) {
            HtmlDocument.callout(parent, "The analysis warns:", a.warnings(), false);
        }
        rules(parent, a);
        cpu(parent, a);
        ThreadStatesSection.append(parent, a.threads());
        allocation(parent, a);
        gc(parent, a.gc());
        locks(parent, a);
        leaks(parent, a.leaks());
    }

    private static void rules(Element parent, Analysis a) {
        Element sub = sub(parent, "JMC rules", true);
        if (!a.rules().evaluated()) {
            HtmlDocument.paragraph(sub, "Not evaluated: " + a.rules().skippedBecause());
            return;
        }
        List<RuleFinding> findings = new ArrayList<>(a.rules().findings());
        findings.sort(Comparator.comparingInt((RuleFinding f) -> severityRank(f.severity()))
                .thenComparing(f -> f.score() == null ? 0 : -f.score()));
        List<RuleFinding> shown = findings.stream().filter(f -> severityRank(f.severity()) <= 2).toList();
        long quiet = findings.size() - shown.size();
        Element table = HtmlDocument.table(sub, List.of("Severity", "Rule", "Score", "Finding"), shown.stream()
                .map(f -> List.of(f.severity(), f.name(), f.score() == null ? "—"
                        : String.format(Locale.ROOT, "%.0f", f.score()), f.message() == null ? "" : f.message()))
                .toList(), "rules");
        for (int i = 0; i < shown.size(); i++) {
            String severity = shown.get(i).severity();
            if ("WARNING".equals(severity) || RuleFinding.ERROR.equals(severity)) {
                table.select("tbody tr").get(i).addClass(RuleFinding.ERROR.equals(severity) ? "fail" : "warn");
            }
        }
        HtmlDocument.paragraph(sub, shown.isEmpty() ? "No rule found anything above OK (" + quiet + " rules ran)."
                : quiet + " further rules found nothing (OK or not applicable).").addClass("muted");
    }

    private static int severityRank(String severity) {
        int i = SEVERITY_ORDER.indexOf(severity);
        return i < 0 ? SEVERITY_ORDER.size() : i;
    }

    private static void cpu(Element parent, Analysis a) {
        Element sub = sub(parent, String.format(Locale.ROOT, "CPU: %,d samples", a.cpu().samples()), true);
        cpuSampler(sub, a.cpu());
        ranked(sub, "Hot methods (self time)", "Method", "Samples", a.cpu().hotBySelf(), RecordingSections::count);
        ranked(sub, "Hot methods (self and callees)", "Method", "Samples", a.cpu().hotByTotal(), RecordingSections::count);
        ranked(sub, "CPU by thread", "Thread", "Samples", a.cpu().byThread(), RecordingSections::count);
    }

    private static void allocation(Element parent, Analysis a) {
        var alloc = a.allocation();
        Element sub = sub(parent, String.format(Locale.ROOT, "Allocation: %s estimated, %s/s", bytes(alloc.estimatedBytes()),
                bytes(alloc.bytesPerSecond())), true);
        HtmlDocument.paragraph(sub, "Source: " + alloc.source() + ", " + alloc.samples() + " samples.").addClass("muted");
        allocationBias(sub, alloc);
        rankedWithSamples(sub, "Allocation sites", "Site", "Bytes", alloc.bySite(), RecordingSections::bytes);
        rankedWithSamples(sub, "Allocated classes", "Class", "Bytes", alloc.byClass(), RecordingSections::bytes);
        rankedWithSamples(sub, "Allocation by thread", "Thread", "Bytes", alloc.byThread(), RecordingSections::bytes);
    }

    /**
     * Which CPU sampler the figures come from, how much of it was native code, what it lost, and whether inlined
     * methods are blamed on their callers.
     */
    private static void cpuSampler(Element parent, CpuAnalysis cpu) {
        if (cpu.source() == null) {
            return; // an analysis.json from before samplers were told apart
        }
        StringBuilder text = new StringBuilder("Sampler: ").append(cpu.source()).append('.');
        if (cpu.samplesInNative() != null && cpu.nativePercent() != null) {
            text.append(String.format(Locale.ROOT, " In native code: %,d samples (%.1f %%).", cpu.samplesInNative(),
                    cpu.nativePercent()));
        }
        if (cpu.lostSamples() != null) {
            text.append(String.format(Locale.ROOT, " Lost by the sampler: %,d samples.", cpu.lostSamples()));
        }
        if (cpu.waitingNativeSamples() != null && cpu.waitingNativeSamples() > 0) {
            text.append(String.format(Locale.ROOT, " Left out: %,d native samples of threads waiting for input.",
                    cpu.waitingNativeSamples()));
        }
        if (cpu.samplesBySource() != null && cpu.samplesBySource().size() > 1) {
            text.append(" In the recording: ").append(cpu.samplesBySource().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "))).append('.');
        }
        HtmlDocument.paragraph(parent, text.toString()).addClass("muted");
        if (Boolean.FALSE.equals(cpu.debugNonSafepoints())) {
            HtmlDocument.callout(parent, "Inlined methods are blamed on their callers:", List.of("recorded without "
                    + "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints, so time in a method the JIT inlined is "
                    + "counted in its caller."), false);
        }
    }

    /** Why JFR's allocation shares may be off, beside the tables. */
    private static void allocationBias(Element parent, AllocationAnalysis alloc) {
        if (alloc.biasNote() != null) {
            HtmlDocument.callout(parent, "Shares are estimates:", List.of(alloc.biasNote()), false);
        }
    }

    /** A ranking with the sample count behind each weight, where the rows carry one. */
    static void rankedWithSamples(Element parent, String title, String nameHeader, String weightHeader,
                                  List<Ranked> rows, java.util.function.LongFunction<String> weight) {
        if (rows == null || rows.isEmpty() || rows.get(0).samples() == null) {
            ranked(parent, title, nameHeader, weightHeader, rows, weight);
            return;
        }
        parent.appendElement("h3").text(title);
        Element table = HtmlDocument.table(parent, List.of(nameHeader, weightHeader, "Share", "Samples"), rows.stream()
                .limit(ROWS).map(r -> List.of(r.name(), weight.apply(r.weight()),
                        String.format(Locale.ROOT, "%.1f %%", r.percent()), count(r.samples() == null ? 0 : r.samples())))
                .toList(), "ranked");
        table.select("tbody td:first-child").addClass("frame");
    }

    private static void gc(Element parent, GcAnalysis gc) {
        GcAnalysis.PauseStats p = gc.pauses();
        Element sub = sub(parent, String.format(Locale.ROOT, "GC: %d collections, %d pauses, longest %s", gc.collections(),
                p.count(), duration(p.maxNanos())), true);
        HtmlDocument.table(sub, List.of("Pauses", "Total", "p50", "p99", "Max", "GC share of CPU", "Source"),
                List.of(List.of(String.valueOf(p.count()), duration(p.totalNanos()), duration(p.p50Nanos()),
                        duration(p.p99Nanos()), duration(p.maxNanos()), gc.gcCpuShare() == null ? "—"
                                : String.format(Locale.ROOT, "%.1f %%", 100 * gc.gcCpuShare()), p.source())), null);
        ranked(sub, "Collections by collector", "Collector", "Collections", gc.byName(), RecordingSections::count);
        ranked(sub, "Collections by cause", "Cause", "Collections", gc.byCause(), RecordingSections::count);
        heapChart(sub, gc);
    }

    /** The heap after each collection over time, with the Theil–Sen line the leak verdicts use. */
    private static void heapChart(Element parent, GcAnalysis gc) {
        if (gc.heapAfterGc().isEmpty()) {
            HtmlDocument.paragraph(parent, "No heap-after-GC points: the recording has no GC heap summaries.")
                    .addClass("muted");
            return;
        }
        SvgChart chart = new SvgChart("Heap after GC over time",
                new SvgChart.Axis("seconds from the start of the recording", SvgChart.Scale.LINEAR,
                        v -> String.format(Locale.ROOT, "%.0f s", v)),
                SvgChart.Axis.bytes("heap used after GC", RecordingSections::bytes));
        chart.add(new SvgChart.Series("heap after GC", gc.heapAfterGc().stream()
                .map(h -> new double[]{h.secondsFromStart(), h.heapUsedBytes()}).toList(), true));
        GcAnalysis.HeapSlope slope = gc.postGcSlope();
        if (slope != null && slope.bytesPerSecond() != null) {
            List<GcAnalysis.HeapPoint> fitted = gc.heapAfterGc().subList(
                    Math.min(slope.skippedWarmup(), gc.heapAfterGc().size()), gc.heapAfterGc().size());
            trendLine(fitted.stream().map(h -> new double[]{h.secondsFromStart(), h.heapUsedBytes()}).toList(),
                    slope.bytesPerSecond(), String.format(Locale.ROOT, "Theil–Sen trend: %s/s (95 %%: %s to %s)",
                            bytes(slope.bytesPerSecond()), bytes(slope.lowerBytesPerSecond()),
                            bytes(slope.upperBytesPerSecond())))
                    .ifPresent(chart::add);
        }
        chart.appendTo(parent.appendElement("div").addClass("charts"));
    }

    /**
     * The line of a Theil–Sen slope through the points it was fitted on: its intercept is the median of
     * {@code y − slope·x}, the estimator's own.
     */
    static java.util.Optional<SvgChart.Line> trendLine(List<double[]> points, double slope, String name) {
        if (points.size() < 2) {
            return java.util.Optional.empty();
        }
        double intercept = new Median().evaluate(points.stream().mapToDouble(p -> p[1] - slope * p[0]).toArray());
        double x1 = points.get(0)[0];
        double x2 = points.get(points.size() - 1)[0];
        return java.util.Optional.of(new SvgChart.Line(name, x1, intercept + slope * x1, x2, intercept + slope * x2));
    }

    private static void locks(Element parent, Analysis a) {
        var locks = a.locks();
        Element sub = sub(parent, String.format(Locale.ROOT, "Locks: %s blocked in %,d events", duration(locks.blockedNanos()),
                locks.events()), locks.events() > 0);
        if (locks.events() == 0) {
            HtmlDocument.paragraph(sub, "No thread waited on a monitor or parked in a lock beyond JFR's threshold.");
        } else {
            ranked(sub, "Where threads blocked", "Site", "Blocked", locks.bySite(), RecordingSections::duration);
            ranked(sub, "Contended classes", "Class", "Blocked", locks.byClass(), RecordingSections::duration);
            ranked(sub, "Blocked threads", "Thread", "Blocked", locks.byThread(), RecordingSections::duration);
        }
        waits(sub, locks);
    }

    /** Parks that were not contention (idle pools, conditions, sleeps), apart from it; none in old analyses. */
    private static void waits(Element sub, io.flightdeck.profiling.locks.LockAnalysis locks) {
        if (locks.waitsBySite() == null || locks.waitEvents() == 0) {
            return;
        }
        HtmlDocument.paragraph(sub, String.format(Locale.ROOT, "Not contention: %s waited in %,d parks with nothing to "
                + "acquire (idle pools, conditions, parkNanos).", duration(locks.waitNanos()), locks.waitEvents()))
                .addClass("muted");
        ranked(sub, "Where threads waited (not contention)", "Site", "Waited", locks.waitsBySite(),
                RecordingSections::duration);
        ranked(sub, "Waiting threads (not contention)", "Thread", "Waited", locks.waitsByThread(),
                RecordingSections::duration);
    }

    private static void leaks(Element parent, LeakAnalysis leaks) {
        if (leaks == null || leaks.samples() == 0) {
            return;
        }
        Element sub = sub(parent, String.format(Locale.ROOT, "Old objects still alive: %,d samples", leaks.samples()), false);
        HtmlDocument.table(sub, List.of("Class", "Samples", "Share", "Median age", "Allocated at", "Held by"),
                leaks.suspects().stream().limit(ROWS).map(s -> List.of(s.className(), String.valueOf(s.samples()),
                        String.format(Locale.ROOT, "%.1f %%", s.percent()),
                        String.format(Locale.ROOT, "%.1f s", s.medianAgeSeconds()),
                        s.allocationSites().isEmpty() ? "—" : s.allocationSites().get(0).name(),
                        s.chains().isEmpty() ? "—" : String.join(" → ", s.chains().get(0).path()))).toList(), null);
    }

    /** A ranking as a table: name, weight, share; the top {@link #ROWS}. */
    static void ranked(Element parent, String title, String nameHeader, String weightHeader, List<Ranked> rows,
                       java.util.function.LongFunction<String> weight) {
        parent.appendElement("h3").text(title);
        if (rows == null || rows.isEmpty()) {
            HtmlDocument.paragraph(parent, "None in this recording.").addClass("muted");
            return;
        }
        Element table = HtmlDocument.table(parent, List.of(nameHeader, weightHeader, "Share"), rows.stream().limit(ROWS)
                .map(r -> List.of(r.name(), weight.apply(r.weight()), String.format(Locale.ROOT, "%.1f %%", r.percent())))
                .toList(), "ranked");
        table.select("tbody td:first-child").addClass("frame");
    }

    private static Element sub(Element parent, String title, boolean open) {
        Element details = parent.appendElement("details").addClass("sub");
        if (open) {
            details.attr("open", true);
        }
        details.appendElement("summary").text(title);
        return details;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(double b) {
        return BudgetFormat.measured(UnitKind.BYTES, b);
    }

    static String bytes(Double b) {
        return b == null ? "—" : bytes(b.doubleValue());
    }

    static String bytes(long b) {
        return bytes((double) b);
    }

    static String duration(double nanos) {
        return BudgetFormat.measured(UnitKind.DURATION, nanos);
    }

    static String duration(long nanos) {
        return duration((double) nanos);
    }
}
