package io.flightdeck.harness.cli;

import static io.flightdeck.harness.text.TerminalText.safe;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.report.AnalysedWindow;
import io.flightdeck.harness.report.TimeShares;
import io.flightdeck.harness.text.TerminalText;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.alloc.AllocationAnalysis;
import io.flightdeck.profiling.cpu.CpuAnalysis;
import io.flightdeck.profiling.gc.GcAnalysis;
import io.flightdeck.profiling.leaks.LeakAnalysis;
import io.flightdeck.profiling.rules.RuleFinding;

/**
 * The terminal's short account of an analysis: top methods, allocation sites, GC, locks, warnings. Method, class and
 * thread names and the rules' text come from the recording and pass through {@link TerminalText#safe}.
 */
final class AnalysisSummary {

    private AnalysisSummary() {
    }

    static void print(PrintWriter out, Analysis a, int rows) {
        var r = a.recording();
        out.printf(Locale.ROOT, "%s: %.1f s recorded%s, %,d events%n", safe(r.file()), r.durationSeconds(),
                r.jvmVersion() == null ? "" : " by " + safe(r.jvmVersion().split(" for ")[0]), r.events());
        out.println("analysed: " + AnalysedWindow.of(r));

        out.printf(Locale.ROOT, "%nHot methods (self, %,d CPU samples):%n", a.cpu().samples());
        table(out, a.cpu().hotBySelf(), rows, w -> String.format(Locale.ROOT, "%,d", w));
        cpuSampler(out, a.cpu());

        timeByState(out, a);

        out.printf(Locale.ROOT, "%nAllocation sites (estimated %s, %s/s, from %s):%n",
                BudgetFormat.measured(UnitKind.BYTES, a.allocation().estimatedBytes()),
                BudgetFormat.measured(UnitKind.BYTES, a.allocation().bytesPerSecond()), safe(a.allocation().source()));
        sampledTable(out, a.allocation().bySite(), rows);
        allocationBias(out, a.allocation());

        GcAnalysis gc = a.gc();
        out.printf(Locale.ROOT, "%nGC: %,d collections, %,d pauses, total %s, p50 %s, p99 %s, max %s%n",
                gc.collections(), gc.pauses().count(), duration(gc.pauses().totalNanos()),
                duration(gc.pauses().p50Nanos()), duration(gc.pauses().p99Nanos()), duration(gc.pauses().maxNanos()));
        if (gc.postGcSlope().bytesPerSecond() != null) {
            out.printf(Locale.ROOT, "    heap after GC grows %s/s (Theil–Sen over %d collections after warm-up)%n",
                    BudgetFormat.measured(UnitKind.BYTES, gc.postGcSlope().bytesPerSecond()), gc.postGcSlope().points());
        }

        out.printf(Locale.ROOT, "%nLocks: %,d waits over the threshold, %s blocked%n", a.locks().events(),
                duration(a.locks().blockedNanos()));
        table(out, a.locks().bySite(), Math.min(rows, 3), AnalysisSummary::duration);
        waits(out, a);
        leaks(out, a.leaks());

        if (a.rules().evaluated()) {
            List<RuleFinding> warned = a.rules().findings().stream()
                    .filter(f -> "WARNING".equals(f.severity()) || "INFO".equals(f.severity())).toList();
            out.printf(Locale.ROOT, "%nJMC rules: %d evaluated, %d warnings, %d for information%n",
                    a.rules().findings().size(), warned.stream().filter(f -> "WARNING".equals(f.severity())).count(),
                    warned.stream().filter(f -> "INFO".equals(f.severity())).count());
            for (RuleFinding f : warned.subList(0, Math.min(rows, warned.size()))) {
                out.printf(Locale.ROOT, "  %-7s %5.1f  %s: %s%n", safe(f.severity()), f.score() == null ? 0 : f.score(),
                        safe(f.name()), safe(f.message()));
            }
        }
        if (!a.warnings().isEmpty()) {
            out.println();
            a.warnings().forEach(w -> out.println("warning: " + safe(w)));
        }
        out.println();
    }

    /** The parks that were waits, not contention (idle pools, conditions, sleeps): counted apart, top site named. */
    private static void waits(PrintWriter out, Analysis a) {
        var locks = a.locks();
        if (locks.waitsBySite() != null && locks.waitEvents() > 0) {
            out.printf(Locale.ROOT, "  not contention: %,d parks waited %s (idle pools, conditions, sleeps), most in %s%n",
                    locks.waitEvents(), duration(locks.waitNanos()), safe(locks.waitsBySite().isEmpty() ? "?"
                            : locks.waitsBySite().get(0).name()));
        }
    }

    /** Where the working threads' time went, "other" included; then all measured threads' when some idled. */
    private static void timeByState(PrintWriter out, Analysis a) {
        var states = a.threads();
        if (states != null && states.threads() > 0) {
            out.printf(Locale.ROOT, "%nTime (%s): %s%n", TimeShares.whose(states),
                    safe(TimeShares.line(states.headline())));
            if (states.workingThreads() > 0 && states.workingThreads() < states.threads()) {
                out.printf(Locale.ROOT, "  all %,d threads, the idle ones included: %s%n", states.threads(),
                        safe(TimeShares.line(states.total())));
            }
        }
    }

    /** The old objects still alive at the end, most sampled class first, each with its site and its holder. */
    private static void leaks(PrintWriter out, LeakAnalysis leaks) {
        if (leaks == null || leaks.samples() == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%nOld objects (alive at the end; leak suspects): %,d samples, %,d with a path to a GC root%n",
                leaks.samples(), leaks.withPaths());
        for (LeakAnalysis.LeakSuspect s : leaks.suspects().subList(0, Math.min(3, leaks.suspects().size()))) {
            out.printf(Locale.ROOT, "  %6.2f %%  %s, median age %.1f s%s%n", s.percent(), safe(s.className()),
                    s.medianAgeSeconds(), s.allocationSites().isEmpty() ? ""
                            : ", allocated at " + safe(s.allocationSites().get(0).name()));
            if (!s.chains().isEmpty()) {
                out.println("           held by: " + safe(String.join(" -> ", s.chains().get(0).path())));
            }
        }
        if (leaks.withPaths() == 0) {
            out.println("  (no reference chains: record with -XX:StartFlightRecording:...,path-to-gc-roots=true)");
        }
    }

    /** Which sampler the CPU figures come from, its native share and losses. */
    private static void cpuSampler(PrintWriter out, CpuAnalysis cpu) {
        if (cpu.source() == null) {
            return; // an analysis.json from before samplers were told apart
        }
        out.printf(Locale.ROOT, "    sampler: %s", safe(cpu.source()));
        if (cpu.samplesInNative() != null && cpu.nativePercent() != null) {
            out.printf(Locale.ROOT, "; in native code: %.1f %% (%,d samples)", cpu.nativePercent(),
                    cpu.samplesInNative());
        }
        if (cpu.lostSamples() != null) {
            out.printf(Locale.ROOT, "; lost: %,d samples", cpu.lostSamples());
        }
        if (cpu.waitingNativeSamples() != null && cpu.waitingNativeSamples() > 0) {
            out.printf(Locale.ROOT, "; left out: %,d native samples of threads waiting for input",
                    cpu.waitingNativeSamples());
        }
        out.println();
    }

    /** Allocation rows with the samples behind each weight, where the analysis gives them. */
    private static void sampledTable(PrintWriter out, List<Ranked> rows, int limit) {
        for (Ranked row : rows.subList(0, Math.min(limit, rows.size()))) {
            out.printf(Locale.ROOT, "  %6.2f %%  %12s  %s%s%n", row.percent(),
                    BudgetFormat.measured(UnitKind.BYTES, row.weight()),
                    row.samples() == null ? "" : String.format(Locale.ROOT, "%,7d samples  ", row.samples()),
                    safe(row.name()));
        }
    }

    /** Why JFR's allocation shares may be off. */
    private static void allocationBias(PrintWriter out, AllocationAnalysis alloc) {
        if (alloc.biasNote() != null) {
            out.println("    note: " + safe(alloc.biasNote()));
        }
    }

    private static void table(PrintWriter out, List<Ranked> rows, int limit, java.util.function.LongFunction<String> weight) {
        for (Ranked row : rows.subList(0, Math.min(limit, rows.size()))) {
            out.printf(Locale.ROOT, "  %6.2f %%  %12s  %s%n", row.percent(), weight.apply(row.weight()), safe(row.name()));
        }
    }

    private static String duration(long nanos) {
        return BudgetFormat.measured(UnitKind.DURATION, nanos);
    }
}
