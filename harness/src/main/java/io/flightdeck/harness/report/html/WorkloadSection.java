package io.flightdeck.harness.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.charts.SvgChart;
import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.child.CaseResult;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.measure.footprint.Footprint;
import io.flightdeck.child.measure.resources.Resources;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.Footprints;
import io.flightdeck.harness.report.ProfileHeadline;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.SummaryTable;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.sampler.SamplingIntervals;
import io.flightdeck.profiling.Analysis;

/**
 * One workload of a run: its cases' latency and throughput (tables and charts), resources, JOL footprints, its
 * forks, the flame graphs and the analysis of its first fork's recording. Folded unless something in it failed.
 */
final class WorkloadSection {

    private WorkloadSection() {
    }

    static void append(Element parent, RunReport run, WorkloadReport w, Path runDir) {
        boolean failed = RunReport.FAILED.equals(w.status());
        Element section = HtmlDocument.section(parent, "Workload " + w.name() + (failed ? " — failed" : ""), failed);
        section.attr("id", HtmlDocument.id("workload-" + w.name()));
        if (w.description() != null) {
            HtmlDocument.paragraph(section, w.description()).addClass("muted");
        }
        if (failed) {
            section.appendElement("div").addClass("callout").addClass("bad").text("Failed: " + w.failure());
        }
        if (w.profile() != null) {
            HtmlDocument.flameGraphLinks(section, "Flame graphs: ", w.profile().flameGraphs());
        }
        if (!w.cases().isEmpty()) {
            cases(section, w);
            charts(section, w);
            resources(section, w);
            metrics(section, w);
            String scaling = SummaryTable.scaling(w);
            if (scaling != null) {
                HtmlDocument.paragraph(section, scaling);
            }
            w.cases().stream().map(Footprints::of).flatMap(java.util.Optional::stream).findFirst()
                    .ifPresent(f -> footprint(section, f));
        }
        forks(section, w);
        allocationPacing(section, w);
        recording(section, w.profile(), runDir);
    }

    /** The allocation interval each case was measured with, where the children paced async-profiler's sampler. */
    private static void allocationPacing(Element parent, WorkloadReport w) {
        List<String> every = w.cases().stream().filter(c -> c.allocationSampledEvery() != null)
                .map(c -> (w.cases().size() > 1 ? c.label() + ": " : "") + RecordingSections.bytes(
                        (double) c.allocationSampledEvery()))
                .toList();
        if (!every.isEmpty()) {
            HtmlDocument.paragraph(parent, "Allocation sampled every " + String.join(", ", every)
                    + " in the measured iterations: async-profiler's interval, paced from the warm-up's allocation "
                    + "rate (512 KiB, or wider to keep at most " + SamplingIntervals.PACED_SAMPLES_PER_SECOND
                    + " samples a second).").addClass("muted").addClass("allocation-pacing");
        }
    }

    private static void cases(Element parent, WorkloadReport w) {
        parent.appendElement("h3").text("Latency and throughput");
        List<List<String>> rows = new ArrayList<>();
        for (CaseReport c : w.cases()) {
            var l = c.latency();
            rows.add(List.of(c.label(), String.format(Locale.ROOT, "%,d", l.count()),
                    SummaryTable.percentile(c, l.p50()), SummaryTable.percentile(c, l.p90()),
                    SummaryTable.percentile(c, l.p95()), SummaryTable.percentile(c, l.p99()),
                    SummaryTable.percentile(c, l.p999()), SummaryTable.percentile(c, l.max()),
                    throughput(c), c.outliers().count() + " of " + c.iterations().size()));
        }
        HtmlDocument.table(parent, List.of("Case", "Operations", "p50", "p90", "p95", "p99", "p99.9", "Max",
                "Throughput", "Outlying iterations"), rows, "cases");
    }

    private static void charts(Element parent, WorkloadReport w) {
        Element charts = parent.appendElement("div").addClass("charts");
        SvgChart latency = new SvgChart("Latency by percentile (" + w.name() + ")",
                new SvgChart.Axis("percentile", SvgChart.Scale.LOG, LatencyDistribution::percentileLabel),
                new SvgChart.Axis("latency", SvgChart.Scale.LOG, WorkloadSection::duration));
        w.cases().forEach(c -> latency.add(new SvgChart.Series(c.label(), LatencyDistribution.points(c.histogram()),
                true)));
        if (latency.hasData()) {
            latency.appendTo(charts);
        }
        // cases of very different sizes (retrieval over 100 or 100,000 episodes) need a log axis to share a chart
        double[] rates = w.cases().stream().flatMap(c -> c.iterations().stream())
                .mapToDouble(CaseReport.Iteration::opsPerSecond).filter(v -> v > 0).toArray();
        boolean wide = rates.length > 0 && java.util.Arrays.stream(rates).max().getAsDouble()
                > 20 * java.util.Arrays.stream(rates).min().getAsDouble();
        SvgChart throughput = new SvgChart("Throughput per measured iteration",
                new SvgChart.Axis("iteration (all forks, in order)", SvgChart.Scale.LINEAR,
                        v -> v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : ""), // whole iterations only
                new SvgChart.Axis(SummaryTable.plural(w.operationUnit()) + "/s",
                        wide ? SvgChart.Scale.LOG : SvgChart.Scale.LINEAR, v -> BudgetFormat.measured(UnitKind.RATE, v)));
        for (CaseReport c : w.cases()) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < c.iterations().size(); i++) {
                points.add(new double[]{i + 1, c.iterations().get(i).opsPerSecond()});
            }
            throughput.add(new SvgChart.Series(c.label(), points, true));
        }
        if (throughput.hasData()) {
            throughput.appendTo(charts);
        }
    }

    private static void resources(Element parent, WorkloadReport w) {
        List<List<String>> rows = new ArrayList<>();
        for (CaseReport c : w.cases()) {
            // resources come only from the forks that reported the case, in fork order, as the iterations do
            List<Integer> forks = c.iterations().stream().map(CaseReport.Iteration::fork).distinct().toList();
            for (int f = 0; f < c.resources().size(); f++) {
                Resources r = c.resources().get(f);
                String fork = forks.size() == c.resources().size() ? String.valueOf(forks.get(f)) : "?";
                rows.add(List.of(c.label(), fork, duration(r.wallNanos()),
                        r.cpuUserNanos() == null ? "—" : duration(r.cpuUserNanos()),
                        r.cpuSystemNanos() == null ? "—" : duration(r.cpuSystemNanos()), bytes(r.peakRssBytes()),
                        bytes(r.heapPeakBytes()), bytes(r.heapAfterGcBytes()),
                        (r.gcCount() == null ? "—" : r.gcCount()) + " / " + (r.gcTimeMillis() == null ? "—"
                                : r.gcTimeMillis() + " ms"), bytes(r.allocatedBytes()),
                        r.allocationRateBytesPerSecond() == null ? "—" : bytes(r.allocationRateBytesPerSecond()) + "/s",
                        bytes(r.diskReadBytes()) + " / " + bytes(r.diskWriteBytes())));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Element details = parent.appendElement("details").addClass("sub");
        details.appendElement("summary").text("Resources of the measured iterations, per fork");
        HtmlDocument.table(details, List.of("Case", "Fork", "Wall", "CPU user", "CPU system", "Peak RSS",
                "Heap peak", "Heap after GC", "GCs / time", "Allocated", "Allocation rate", "Disk read / written"),
                rows, "resources");
    }

    private static void metrics(Element parent, WorkloadReport w) {
        List<List<String>> rows = w.cases().stream().flatMap(c -> c.metrics().stream()
                .map(m -> List.of(c.label(), m.name(), metric(m)))).toList();
        if (rows.isEmpty()) {
            return;
        }
        Element details = parent.appendElement("details").addClass("sub");
        details.appendElement("summary").text("The workload's own figures");
        HtmlDocument.table(details, List.of("Case", "Metric", "Value"), rows, null);
    }

    private static void footprint(Element parent, Footprint f) {
        Element details = parent.appendElement("details").addClass("sub");
        details.attr("open", true);
        details.appendElement("summary").text("Object footprints (JOL)");
        HtmlDocument.table(details, List.of("Object", "Retained", "Objects"), f.episodes().stream()
                .map(e -> List.of("completed episode, " + e.steps() + " steps", bytes(e.retainedBytes()),
                        String.format(Locale.ROOT, "%,d", e.objectCount()))).toList(), null);
        if (f.engine() != null) {
            HtmlDocument.paragraph(details, String.format(Locale.ROOT,
                    "In-memory engine: %s per stored episode (%,d episodes of %d steps).",
                    bytes(f.engine().bytesPerEpisode()), f.engine().episodes(), f.engine().stepsPerEpisode()));
        }
        HtmlDocument.table(details, List.of("Class", "Instance size", "Fields", "Lost to padding"), f.layouts().stream()
                .map(l -> List.of(l.className(), l.instanceSize() + " B", l.fields().stream().map(x -> x.name())
                        .collect(Collectors.joining(", ")), l.lossesBytes() + " B")).toList(), null);
        if (f.vm() != null) {
            HtmlDocument.paragraph(details, String.format(Locale.ROOT,
                    "Sizes for %d-byte references, compressed oops %s, %d-byte object alignment, %d-byte headers.",
                    f.vm().referenceSizeBytes(), f.vm().compressedOops() ? "on" : "off",
                    f.vm().objectAlignmentBytes(), f.vm().objectHeaderBytes())).addClass("muted");
        }
    }

    private static void forks(Element parent, WorkloadReport w) {
        Element details = parent.appendElement("details").addClass("sub");
        boolean anyFailed = w.forks().stream().anyMatch(f -> f.failure() != null);
        if (anyFailed) {
            details.attr("open", true);
        }
        details.appendElement("summary").text("Forks (" + w.forks().size() + " JVM" + (w.forks().size() == 1 ? "" : "s")
                + ")");
        HtmlDocument.table(details, List.of("Fork", "Status", "Seconds", "Exit code", "Recording", "JVM"),
                w.forks().stream().map(f -> List.of(String.valueOf(f.fork()), f.status(),
                        String.format(Locale.ROOT, "%.1f", f.seconds()),
                        f.exitCode() == null ? "none (stopped)" : String.valueOf(f.exitCode()),
                        f.recording() == null ? "none" : f.recording() + " (" + bytes(f.recordingBytes()) + ")",
                        f.jvm() == null ? "—" : f.jvm().vendor() + " " + f.jvm().version())).toList(), null);
        for (ForkReport f : w.forks()) {
            if (f.failure() != null) {
                HtmlDocument.paragraph(details, "Fork " + f.fork() + ": " + f.failure());
                if (!f.stderrTail().isEmpty()) {
                    details.appendElement("pre").text(String.join("\n", f.stderrTail()));
                }
            }
        }
    }

    /** The analysis of the first fork's recording, read back from its analysis.json. */
    private static void recording(Element parent, ProfileHeadline profile, Path runDir) {
        if (profile == null) {
            return;
        }
        Element details = parent.appendElement("details").addClass("sub");
        details.attr("open", true);
        details.appendElement("summary").text("Recording (JFR) of the first fork that left one");
        if (profile.analysis() == null) {
            profile.warnings().forEach(w -> HtmlDocument.paragraph(details, w));
            return;
        }
        Path file = runDir.resolve(profile.analysis());
        try {
            Analysis a = Json.mapper().readValue(Files.readString(file), Analysis.class);
            // drawn apart and added whole: an analysis.json of another shape must not leave half its tables behind
            Element drawn = new Element("div");
            RecordingSections.append(drawn, a);
            details.appendChild(drawn);
            Element more = HtmlDocument.paragraph(details, "").addClass("muted").appendText(
                    "Everything the analysis found: ");
            HtmlDocument.link(more, profile.analysis(), profile.analysis());
        } catch (IOException | RuntimeException e) {
            HtmlDocument.paragraph(details, "The analysis " + profile.analysis() + " could not be read: "
                    + e.getMessage());
        }
    }

    static String throughput(CaseReport c) {
        return SummaryTable.throughput(c.throughput(), c.operationUnit());
    }

    static String metric(CaseResult.Metric m) {
        return BudgetFormat.measured(m.unit(), m.value());
    }

    static String duration(double nanos) {
        return BudgetFormat.measured(UnitKind.DURATION, nanos);
    }

    static String bytes(Long b) {
        return b == null ? "—" : BudgetFormat.measured(UnitKind.BYTES, b);
    }

    static String bytes(double b) {
        return BudgetFormat.measured(UnitKind.BYTES, b);
    }
}
