package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.check.Bound;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.UnitKind;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.RunComparator;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.leak.LeakLimits;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.measure.ScalingFit;
import io.flightdeck.child.measure.TukeyOutliers;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.text.TerminalText;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.leaks.LeakAnalysis;

/**
 * The end of a run as a newcomer sees it in a 120-column terminal: the whole summary of a realistic run (long names,
 * a workload with many budgets, a case measured while the JIT compiled in every workload) fits, notes are counted
 * rather than listed, and names that hold escape sequences or line breaks are shown, not obeyed.
 */
public class TerminalSummaryTest {

    /** Clears the screen and sets the window title, then breaks the line. */
    public static final String HOSTILE = "\u001b[2J\u001b]0;pwned\u0007evil\nname\r\u202Etxt";

    static CaseReport aCase(String label, long p50) {
        List<CaseReport.Iteration> its = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            its.add(new CaseReport.Iteration(1, i, 10_000, 100_000_000L, 100_000_000L, p50 * 1.1, 100_000,
                    p50, p50 * 2, p50 * 5, 64_000));
        }
        // 400 ms of JIT during 600 ms measured: the note every case of a quick run used to print
        return new CaseReport(label, 1, 1_000, "episode", new LatencyStats(60_000, p50 * 1.1, 50, p50 / 2, p50,
                p50 * 2, p50 * 3, p50 * 5, p50 * 9, p50 * 20), "", 123_456.7, its,
                TukeyOutliers.of(new double[]{1, 1, 1, 1, 1, 1}), null, 3, 400, List.of(), List.of(), null);
    }

    static BudgetVerdict budget(String workload, String label, String metric, BudgetVerdict.Status status,
                                UnitKind unit, double limit, double measured) {
        return new BudgetVerdict(workload, label, metric, Bound.MAX, limit, measured, unit, status,
                (limit - measured) / limit);
    }

    public static RunReport realisticRun(String hostile) {
        List<WorkloadReport> workloads = new ArrayList<>();
        List<BudgetVerdict> budgets = new ArrayList<>();
        String[] names = {"lifecycle", "retrieval-scaling", "pattern-extraction", "memory-pressure",
                "concurrent-writers-with-a-rather-long-name-" + "x".repeat(60), hostile};
        for (String name : names) {
            List<CaseReport> cases = new ArrayList<>();
            for (String label : List.of("default", "size=10000,store=sqlite,threads=8,mode=" + "y".repeat(50),
                    hostile)) {
                cases.add(aCase(label, 12_345));
                budgets.add(budget(name, label, "p95", BudgetVerdict.Status.PASS, UnitKind.DURATION, 5e6, 2e6));
            }
            workloads.add(new WorkloadReport(name, "", "episode", RunReport.PASSED, null, List.of(), cases,
                    new ScalingFit("p50", 0.67, 0.98, List.of(new ScalingFit.Point(100, 1e3),
                            new ScalingFit.Point(10_000, 2e4))), null));
        }
        // memory-pressure's many budgets, the column that made the table 200 wide
        for (String metric : List.of("p50", "p99", "heap-peak", "alloc-per-op", "rss-peak", "gc-time",
                "retained-per-episode", "throughput")) {
            budgets.add(budget("memory-pressure", "default", metric, BudgetVerdict.Status.FAIL, UnitKind.BYTES,
                    64e6, 80e6));
            budgets.add(budget("memory-pressure", hostile, metric, BudgetVerdict.Status.WARN, UnitKind.BYTES, 64e6,
                    60e6));
        }
        NoiseReport noise = new NoiseReport(100, 40_000, 1.7, 2.0, 0L, 0L, 3.5, null, 2, List.of(
                "other processes used 1.70 CPU cores on average while workloads were measured (more than 0.50): "
                        + "figures may be slower and noisier than on a quiet machine, " + hostile));
        LeakCheckReport leak = new LeakCheckReport(hostile, "default", LeakCheckReport.FAILED,
                "the live heap grows 340 B/op (95 % CI 300 B to 380 B), beyond the limit of 32 B/op, " + hostile,
                new LeakLimits(32, 1024, "defaults"), 1_000_000, 60, null, null, null,
                new LeakCheckReport.RuleEvidence("WARNING", 75.0, "The live set increases " + hostile
                        + " over the whole recording, which may be a memory leak in the application"),
                List.of(new LeakAnalysis.LeakSuspect("com.example." + hostile + ".Episode" + "z".repeat(150), 120,
                        80.0, 4_096L, 30.0, List.of(new Ranked("com.example.Store.put(" + hostile + ")", 10, 80)),
                        List.of(new LeakAnalysis.ReferenceChain(List.of("static com.example.Store.EPISODES",
                                "java.util.ArrayList.elementData", "java.lang.Object[]" + hostile), 100)))),
                "leak-check/x/recording.jfr", null, List.of(), null, null);
        return new RunReport(RunReport.SCHEMA_VERSION, "flightdeck", "20250101-120000", Instant.EPOCH,
                Instant.EPOCH, 40, null, null, noise, workloads, budgets, List.of(leak), RunReport.FAILED, 1);
    }

    static String print(RunReport r) {
        StringWriter s = new StringWriter();
        TerminalSummary.print(new PrintWriter(s), r, Path.of("/tmp/flightdeck/run"));
        return s.toString();
    }

    static void assertFitsAndIsSafe(String output) {
        assertThat(output.lines()).allSatisfy(l -> assertThat(TerminalText.width(l)).as(l).isLessThanOrEqualTo(120));
        assertThat(output.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)
                && c != 0x202E));
    }

    @Test
    void theSummaryOfARealisticRunFitsOneHundredTwentyColumns() {
        String out = print(realisticRun("hostile-but-plain"));
        assertFitsAndIsSafe(out);
        assertThat(out).contains("Budgets not held (16 of 34; every budget in report.md):");
        assertThat(out).contains("… and 6 more in report.md");
    }

    @Test
    void notesAreCountedByKindNotListedOneByOne() {
        String out = print(realisticRun("plain"));
        List<String> notes = out.lines().filter(l -> l.startsWith("note:")).toList();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).isEqualTo("note: 18 cases were measured while the JIT was still compiling "
                + "(details in report.md and report.html):");
        String names = out.lines().toList().get(out.lines().toList().indexOf(notes.get(0)) + 1);
        assertThat(names).startsWith("      lifecycle default, lifecycle size=10000").endsWith(" more");
    }

    @Test
    void hostileNamesAreShownNotObeyedAndLongOnesAreCut() {
        String out = print(realisticRun(HOSTILE));
        assertFitsAndIsSafe(out);
        assertThat(out).doesNotContain("\u001b").doesNotContain("\r").contains("\\e[2J\\e]0;pwned\\x07evil\\nname");
        // every table row is one line: the header, its rule, and one row per case
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Workload")).findFirst().orElseThrow());
        assertThat(lines.subList(header + 2, header + 2 + 18)).allSatisfy(l -> assertThat(l).matches(".*(✅|❌|⚠️)$"));
        assertThat(out).contains("concurrent-writers-with-a…");
    }

    @Test
    void aComparisonWithHostileNamesFits() {
        RunReport r = realisticRun(HOSTILE);
        RunComparison c = RunComparator.compare(HOSTILE, r, "current", r, ChangeThresholds.DEFAULTS, List.of());
        StringWriter s = new StringWriter();
        TerminalSummary.printComparison(new PrintWriter(s), c, Path.of("/tmp/cmp"));
        assertFitsAndIsSafe(s.toString());
        assertThat(s.toString()).contains("\\e[2J");
    }

    @Test
    void aTableTooWideIsCutAtItsWidestColumns() {
        StringWriter s = new StringWriter();
        TerminalSummary.printTable(new PrintWriter(s), List.of("Name", "Figure"),
                List.of(List.of("n".repeat(200), "12.3 ms"), List.of("short", "4.5 ms")));
        List<String> lines = s.toString().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(TerminalText.width(l)).isLessThanOrEqualTo(120));
        assertThat(lines.get(2)).endsWith("…  12.3 ms");
        assertThat(lines.get(3)).startsWith("short ").endsWith("4.5 ms");
    }
}
