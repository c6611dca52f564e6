package io.flightdeck.harness.report;

import java.util.List;
import java.util.Set;

import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.child.Checkpoint;
import io.flightdeck.child.ChildResult;
import io.flightdeck.child.ColdStart;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.files.FieldCheck;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.harness.leak.HeapTrend;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.measure.ScalingFit;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.child.measure.resources.Resources;
import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.jmh.JmhOutcomes;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * Whether a {@code report.json} read back (a run folder, a saved baseline) is one a run could have written: every
 * field the tool reads present, names not empty and not repeated, counts and durations not negative, figures finite
 * and within {@link FieldCheck#MAX_FIGURE}. Nulls the writer itself leaves (an optional section, "not measured")
 * stay allowed. The first problem is thrown as an {@link InvalidFieldException} naming its field.
 */
public final class ReportValidation {

    private static final Set<String> VERDICTS = Set.of(RunReport.PASSED, RunReport.FAILED);

    private ReportValidation() {
    }

    public static RunReport check(RunReport r) {
        FieldCheck at = FieldCheck.root();
        at.name(r.tool(), "tool");
        at.name(r.runId(), "runId");
        at.figure(r.durationSeconds(), "durationSeconds");
        at.oneOf(r.verdict(), "verdict", VERDICTS);
        at.count(r.exitCode(), "exitCode");
        if (r.settings() != null) {
            settings(at.at("settings"), r.settings());
        }
        if (r.environment() != null) {
            environment(at.at("environment"), r.environment());
        }
        if (r.noise() != null) {
            noise(at.at("noise"), r.noise());
        }
        List<WorkloadReport> workloads = at.list(r.workloads(), "workloads");
        for (int i = 0; i < workloads.size(); i++) {
            workload(at.at("workloads", i), workloads.get(i));
        }
        at.unique(workloads, "workloads", "name", WorkloadReport::name);
        List<BudgetVerdict> budgets = at.list(r.budgets(), "budgets");
        for (int i = 0; i < budgets.size(); i++) {
            budget(at.at("budgets", i), budgets.get(i));
        }
        List<LeakCheckReport> leaks = at.list(r.leakChecks(), "leakChecks");
        for (int i = 0; i < leaks.size(); i++) {
            leakCheck(at.at("leakChecks", i), leaks.get(i));
        }
        return r;
    }

    private static void settings(FieldCheck at, RunSettings s) {
        at.optionalName(s.suite(), "suite");
        at.count(s.forks(), "forks");
        at.count(s.coldStartOperations(), "coldStartOperations");
        at.count(s.warmupIterations(), "warmupIterations");
        at.count(s.measurementIterations(), "measurementIterations");
        at.count(s.iterationMillis(), "iterationMillis");
        at.count(s.timeoutSeconds(), "timeoutSeconds");
        if (s.workloads() != null) {
            at.names(s.workloads(), "workloads");
        }
        at.optionalList(s.arguments(), "arguments");
        if (s.leakChecks() != null) {
            FieldCheck l = at.at("leakChecks");
            at.names(s.leakChecks().workloads(), "leakChecks.workloads");
            l.count(s.leakChecks().durationSeconds(), "durationSeconds");
            l.count(s.leakChecks().checkpointMillis(), "checkpointMillis");
        }
    }

    private static void environment(FieldCheck at, Environment e) {
        if (e.cpu() != null) {
            FieldCheck c = at.at("cpu");
            c.count(e.cpu().logicalCores(), "logicalCores");
            c.optionalCount(e.cpu().physicalCores() == null ? null : e.cpu().physicalCores().longValue(),
                    "physicalCores");
            c.optionalCount(e.cpu().maxFrequencyHz(), "maxFrequencyHz");
        }
        if (e.memory() != null) {
            FieldCheck m = at.at("memory");
            m.optionalCount(e.memory().totalBytes(), "totalBytes");
            m.optionalCount(e.memory().availableBytes(), "availableBytes");
            m.optionalCount(e.memory().swapTotalBytes(), "swapTotalBytes");
            m.optionalCount(e.memory().swapUsedBytes(), "swapUsedBytes");
        }
        if (e.jvm() != null) {
            at.at("jvm").list(e.jvm().inputArguments(), "inputArguments");
            at.at("jvm").list(e.jvm().garbageCollectors(), "garbageCollectors");
        }
        if (e.container() != null) {
            at.at("container").optionalFigure(e.container().cpuLimitCores(), "cpuLimitCores");
            at.at("container").optionalCount(e.container().memoryLimitBytes(), "memoryLimitBytes");
        }
    }

    private static void noise(FieldCheck at, NoiseReport n) {
        at.count(n.sampleCount(), "sampleCount");
        at.count(n.durationMillis(), "durationMillis");
        at.figure(n.meanOtherCpuCores(), "meanOtherCpuCores");
        at.figure(n.maxOtherCpuCores(), "maxOtherCpuCores");
        at.optionalCount(n.swapUsedStartBytes(), "swapUsedStartBytes");
        at.optionalCount(n.swapUsedMaxBytes(), "swapUsedMaxBytes");
        at.optionalFigure(n.loadAverageMaxOneMin(), "loadAverageMaxOneMin");
        at.count(n.logicalCores(), "logicalCores");
        at.list(n.warnings(), "warnings");
    }

    private static void workload(FieldCheck at, WorkloadReport w) {
        // the name becomes a folder name (flame graphs, stacks of a comparison): it must be one a workload can have,
        // or a JMH benchmark's (a Java method's qualified name)
        String name = at.name(w.name(), "name");
        if (!WorkloadRegistry.NAME.matcher(name).matches() && !JmhOutcomes.BENCHMARK_NAME.matcher(name).matches()) {
            throw at.invalid("name", "is not a workload name (lower-case letters, digits and single '-') nor a JMH "
                    + "benchmark's (package.Class.method)");
        }
        at.optionalName(w.operationUnit(), "operationUnit");
        at.oneOf(w.status(), "status", VERDICTS);
        List<ForkReport> forks = at.list(w.forks(), "forks");
        for (int i = 0; i < forks.size(); i++) {
            fork(at.at("forks", i), forks.get(i));
        }
        List<CaseReport> cases = at.list(w.cases(), "cases");
        for (int i = 0; i < cases.size(); i++) {
            caseReport(at.at("cases", i), cases.get(i));
        }
        at.unique(cases, "cases", "label", CaseReport::label);
        if (w.scaling() != null) {
            scaling(at.at("scaling"), w.scaling());
        }
        if (w.profile() != null) {
            profile(at.at("profile"), w.profile());
        }
    }

    private static void fork(FieldCheck at, ForkReport f) {
        at.count(f.fork(), "fork");
        at.name(f.status(), "status");
        at.figure(f.seconds(), "seconds");
        at.optionalCount(f.recordingBytes(), "recordingBytes");
        at.optionalList(f.stderrTail(), "stderrTail");
        at.optionalList(f.command(), "command");
        ChildResult.JvmFacts jvm = f.jvm();
        if (jvm != null) {
            FieldCheck j = at.at("jvm");
            j.optionalList(jvm.inputArguments(), "inputArguments");
            j.optionalList(jvm.garbageCollectors(), "garbageCollectors");
            j.count(jvm.maxHeapBytes(), "maxHeapBytes");
            j.count(jvm.pid(), "pid");
        }
    }

    private static void caseReport(FieldCheck at, CaseReport c) {
        at.name(c.label(), "label");
        at.count(c.threads(), "threads");
        at.count(c.size(), "size");
        at.optionalName(c.operationUnit(), "operationUnit");
        if (c.latency() != null) {
            latency(at.at("latency"), c.latency());
        }
        at.figureOrNaN(c.throughput(), "throughput");
        List<CaseReport.Iteration> iterations = at.list(c.iterations(), "iterations");
        for (int i = 0; i < iterations.size(); i++) {
            iteration(at.at("iterations", i), iterations.get(i));
        }
        if (c.outliers() != null) {
            outliers(at.at("outliers"), c.outliers(), iterations.size());
        }
        if (c.coldStart() != null) {
            coldStart(at.at("coldStart"), c.coldStart());
        }
        at.count(c.warmupIterations(), "warmupIterations");
        at.count(c.jitMillisDuringMeasurement(), "jitMillisDuringMeasurement");
        var metrics = at.list(c.metrics(), "metrics");
        for (int i = 0; i < metrics.size(); i++) {
            FieldCheck m = at.at("metrics", i);
            m.name(metrics.get(i).name(), "name");
            m.signedOrNaN(metrics.get(i).value(), "value");
        }
        at.unique(metrics, "metrics", "name", io.flightdeck.child.CaseResult.Metric::name);
        List<Resources> resources = at.optionalList(c.resources(), "resources");
        for (int i = 0; resources != null && i < resources.size(); i++) {
            resources(at.at("resources", i), resources.get(i));
        }
    }

    private static void latency(FieldCheck at, LatencyStats l) {
        at.count(l.count(), "count");
        at.figure(l.mean(), "mean");
        at.figure(l.stddev(), "stddev");
        at.count(l.min(), "min");
        at.count(l.p50(), "p50");
        at.count(l.p90(), "p90");
        at.count(l.p95(), "p95");
        at.count(l.p99(), "p99");
        at.count(l.p999(), "p999");
        at.count(l.max(), "max");
    }

    private static void iteration(FieldCheck at, CaseReport.Iteration i) {
        at.count(i.fork(), "fork");
        at.count(i.index(), "index");
        at.count(i.operations(), "operations");
        at.count(i.wallNanos(), "wallNanos");
        at.count(i.activeNanos(), "activeNanos");
        at.figureOrNaN(i.meanNanos(), "meanNanos");
        at.figureOrNaN(i.opsPerSecond(), "opsPerSecond");
        at.count(i.p50Nanos(), "p50Nanos");
        at.count(i.p90Nanos(), "p90Nanos");
        at.count(i.p99Nanos(), "p99Nanos");
        at.countOrUnknown(i.allocatedBytes(), "allocatedBytes");
    }

    private static void outliers(FieldCheck at, TukeyOutliers o, int iterations) {
        at.optionalSigned(o.q1(), "q1");
        at.optionalSigned(o.q3(), "q3");
        at.optionalSigned(o.lowerFence(), "lowerFence");
        at.optionalSigned(o.upperFence(), "upperFence");
        indexes(at, o.low(), "low", iterations);
        indexes(at, o.high(), "high", iterations);
        indexes(at, o.severe(), "severe", iterations);
    }

    /** Outliers name iterations by index: one beyond the list would be read past its end. */
    private static void indexes(FieldCheck at, List<Integer> indexes, String field, int iterations) {
        at.list(indexes, field);
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) < 0 || indexes.get(i) >= iterations) {
                throw new InvalidFieldException(at.path(field) + "[" + i + "]", "is " + indexes.get(i)
                        + ", not the index of one of the " + iterations + " iterations");
            }
        }
    }

    private static void coldStart(FieldCheck at, ColdStart c) {
        at.count(c.operations(), "operations");
        at.count(c.firstNanos(), "firstNanos");
        at.figureOrNaN(c.meanNanos(), "meanNanos");
        at.count(c.maxNanos(), "maxNanos");
        List<Long> nanos = at.optionalList(c.nanos(), "nanos");
        for (int i = 0; nanos != null && i < nanos.size(); i++) {
            at.count(nanos.get(i), "nanos[" + i + "]");
        }
    }

    private static void resources(FieldCheck at, Resources r) {
        at.count(r.wallNanos(), "wallNanos");
        at.optionalCount(r.cpuUserNanos(), "cpuUserNanos");
        at.optionalCount(r.cpuSystemNanos(), "cpuSystemNanos");
        at.optionalCount(r.peakRssBytes(), "peakRssBytes");
        at.optionalCount(r.processPeakRssBytes(), "processPeakRssBytes");
        at.optionalCount(r.heapPeakBytes(), "heapPeakBytes");
        at.optionalCount(r.heapAfterGcBytes(), "heapAfterGcBytes");
        at.optionalCount(r.gcCount(), "gcCount");
        at.optionalCount(r.gcTimeMillis(), "gcTimeMillis");
        at.optionalCount(r.allocatedBytes(), "allocatedBytes");
        at.optionalFigure(r.allocationRateBytesPerSecond(), "allocationRateBytesPerSecond");
        at.optionalCount(r.diskReadBytes(), "diskReadBytes");
        at.optionalCount(r.diskWriteBytes(), "diskWriteBytes");
    }

    private static void scaling(FieldCheck at, ScalingFit s) {
        at.name(s.metric(), "metric");
        at.signed(s.exponent(), "exponent");
        at.signedOrNaN(s.rSquared(), "rSquared");
        List<ScalingFit.Point> points = at.list(s.points(), "points");
        if (points.size() < 2) {
            throw at.invalid("points", "has " + points.size() + " point(s); a fit has at least 2");
        }
        for (int i = 0; i < points.size(); i++) {
            at.at("points", i).count(points.get(i).size(), "size");
            at.at("points", i).figure(points.get(i).value(), "value");
        }
    }

    private static void profile(FieldCheck at, ProfileHeadline p) {
        at.optionalList(p.flameGraphs(), "flameGraphs");
        at.count(p.cpuSamples(), "cpuSamples");
        ranked(at, p.hotMethods(), "hotMethods");
        ranked(at, p.allocationSites(), "allocationSites");
        at.figure(p.allocationBytesPerSecond(), "allocationBytesPerSecond");
        at.count(p.gcPauses(), "gcPauses");
        at.count(p.gcPauseTotalNanos(), "gcPauseTotalNanos");
        at.count(p.gcPauseMaxNanos(), "gcPauseMaxNanos");
        at.optionalSigned(p.postGcHeapSlope(), "postGcHeapSlope");
        at.count(p.blockedNanos(), "blockedNanos");
        at.optionalList(p.ruleWarnings(), "ruleWarnings");
        at.optionalList(p.warnings(), "warnings");
    }

    private static void ranked(FieldCheck at, List<Ranked> rows, String field) {
        at.list(rows, field);
        for (int i = 0; i < rows.size(); i++) {
            FieldCheck r = at.at(field, i);
            r.present(rows.get(i).name(), "name");
            r.count(rows.get(i).weight(), "weight");
            r.figure(rows.get(i).percent(), "percent");
        }
    }

    private static void budget(FieldCheck at, BudgetVerdict v) {
        at.name(v.workload(), "workload");
        at.name(v.caseLabel(), "caseLabel");
        at.name(v.metric(), "metric");
        at.present(v.bound(), "bound");
        at.present(v.unit(), "unit");
        at.present(v.status(), "status");
        at.signed(v.limit(), "limit");
        at.signedOrNaN(v.measured(), "measured");
        at.signedOrNaN(v.margin(), "margin");
    }

    private static void leakCheck(FieldCheck at, LeakCheckReport r) {
        at.name(r.workload(), "workload");
        at.name(r.caseLabel(), "caseLabel");
        at.oneOf(r.verdict(), "verdict", Set.of(LeakCheckReport.PASSED, LeakCheckReport.FAILED));
        if (r.limits() != null) {
            at.at("limits").figure(r.limits().bytesPerOperation(), "bytesPerOperation");
            at.at("limits").figure(r.limits().bytesPerSecond(), "bytesPerSecond");
        }
        at.count(r.operations(), "operations");
        at.figure(r.seconds(), "seconds");
        LeakCheckReport.CheckpointEvidence c = r.checkpoints();
        if (c != null) {
            FieldCheck e = at.at("checkpoints");
            e.count(c.baselineBytes(), "baselineBytes");
            e.count(c.peakBytes(), "peakBytes");
            e.count(c.finalBytes(), "finalBytes");
            e.signed(c.growthBytes(), "growthBytes");
            trend(e, c.perOperation(), "perOperation");
            trend(e, c.perSecond(), "perSecond");
            List<Checkpoint> series = e.list(c.series(), "series");
            for (int i = 0; i < series.size(); i++) {
                FieldCheck s = e.at("series", i);
                s.count(series.get(i).iterations(), "iterations");
                s.count(series.get(i).operations(), "operations");
                s.figure(series.get(i).seconds(), "seconds");
                s.count(series.get(i).liveHeapBytes(), "liveHeapBytes");
                s.optionalCount(series.get(i).retainedBytes(), "retainedBytes");
                s.optionalCount(series.get(i).storedItems(), "storedItems");
            }
        }
        if (r.recording() != null) {
            FieldCheck e = at.at("recording");
            trend(e, r.recording().perSecond(), "perSecond");
            trend(e, r.recording().perOperation(), "perOperation");
            e.count(r.recording().collections(), "collections");
        }
        if (r.retained() != null) {
            FieldCheck e = at.at("retained");
            e.count(r.retained().firstBytes(), "firstBytes");
            e.count(r.retained().lastBytes(), "lastBytes");
            e.optionalCount(r.retained().firstItems(), "firstItems");
            e.optionalCount(r.retained().lastItems(), "lastItems");
            e.optionalFigure(r.retained().firstBytesPerItem(), "firstBytesPerItem");
            e.optionalFigure(r.retained().lastBytesPerItem(), "lastBytesPerItem");
            e.signedOrNaN(r.retained().change(), "change");
        }
        if (r.rule() != null) {
            at.at("rule").optionalFigure(r.rule().score(), "score");
        }
        List<LeakAnalysis.LeakSuspect> suspects = at.list(r.suspects(), "suspects");
        for (int i = 0; i < suspects.size(); i++) {
            FieldCheck s = at.at("suspects", i);
            LeakAnalysis.LeakSuspect k = suspects.get(i);
            s.name(k.className(), "className");
            s.count(k.samples(), "samples");
            s.figure(k.percent(), "percent");
            s.optionalCount(k.sampledBytes(), "sampledBytes");
            s.figure(k.medianAgeSeconds(), "medianAgeSeconds");
            ranked(s, k.allocationSites(), "allocationSites");
            List<LeakAnalysis.ReferenceChain> chains = s.list(k.chains(), "chains");
            for (int j = 0; j < chains.size(); j++) {
                s.at("chains", j).list(chains.get(j).path(), "path");
                s.at("chains", j).count(chains.get(j).samples(), "samples");
            }
        }
        at.optionalList(r.flameGraphs(), "flameGraphs");
    }

    private static void trend(FieldCheck at, HeapTrend t, String field) {
        if (t != null) {
            FieldCheck h = at.at(field);
            h.signed(t.slope(), "slope");
            h.signed(t.lower(), "lower");
            h.signed(t.upper(), "upper");
            h.count(t.points(), "points");
        }
    }
}
