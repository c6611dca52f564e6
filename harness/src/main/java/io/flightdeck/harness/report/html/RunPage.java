package io.flightdeck.harness.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.check.BudgetFormat;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentText;
import io.flightdeck.harness.history.HistoryEntry;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.leak.LeakCheckReport;
import io.flightdeck.harness.report.ReportParameters;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.SummaryTable;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * {@code report.html}: everything a run found on one page, for a person. The verdict and what needs attention come
 * first; the budgets, the comparison, leak checks, each workload, the history and the environment follow, folded
 * unless something in them failed.
 */
public final class RunPage {

    public static final String FILE = RunLayout.REPORT_HTML;
    /** JMC rule warnings listed among what needs attention; each workload's section has them all. */
    static final int RULE_WARNINGS_SHOWN = 5;

    private RunPage() {
    }

    /**
     * Writes {@code report.html} into the run folder, whose relative paths (flame graphs, analyses) its links use.
     *
     * @param comparison the comparison against a baseline, null when there was none
     * @param history    the home folder's history, oldest first (this run included when it was appended); may be empty
     * @param exitCode   what the command exits with: the run's own, or worse when a step after it failed
     */
    public static Path write(RunReport report, Path runDir, RunComparison comparison, List<HistoryEntry> history,
                             int exitCode) throws IOException {
        Path file = runDir.resolve(FILE);
        render(report, runDir, comparison, history, exitCode).write(file);
        return file;
    }

    static HtmlDocument render(RunReport r, Path runDir, RunComparison comparison, List<HistoryEntry> history,
                               int exitCode) {
        HtmlDocument page = new HtmlDocument("Flightdeck run " + r.runId());
        Element main = page.main();
        main.appendElement("h1").text("Flightdeck run " + r.runId());
        HtmlDocument.paragraph(main, subtitle(r)).addClass("subtitle");
        boolean regressed = comparison != null && RunComparison.REGRESSED.equals(comparison.verdict());
        int exit = Math.max(exitCode, Math.max(r.exitCode(), regressed ? 1 : 0));
        boolean passed = exit == 0;
        Element verdict = main.appendElement("div").addClass("verdict").addClass(passed ? "passed" : "failed")
                .attr("id", "verdict").text((passed ? "✔ Passed" : "✘ Failed") + " — exit code " + exit);
        attention(main, r, comparison, exit);
        warnings(main, r);
        summary(main, r);
        budgets(main, r);
        if (comparison != null) {
            ComparisonSection.append(main, comparison, regressed);
        }
        LeakCheckSection.append(main, r.leakChecks());
        r.workloads().forEach(w -> WorkloadSection.append(main, r, w, runDir));
        HistorySection.append(main, r, history);
        environment(main, r);
        HtmlDocument.contents(main, verdict);
        return page;
    }

    private static String subtitle(RunReport r) {
        Environment env = r.environment();
        String machine = env == null ? "" : String.format(Locale.ROOT, " on %s (%d cores), Java %s",
                env.cpu() == null ? "an unknown CPU" : env.cpu().model(), env.cpu() == null ? 0 : env.cpu().logicalCores(),
                env.jvm() == null ? "?" : env.jvm().version());
        return String.format(Locale.ROOT, "Suite %s%s: %d workload(s)%s, %d fork(s) each; started %s, took %.0f s%s.",
                r.settings().suite(), ReportParameters.suffix(r.settings().parameters()), r.workloads().size(),
                r.leakChecks().isEmpty() ? "" : " and " + r.leakChecks().size() + " leak check(s)", r.settings().forks(),
                ShownTime.of(r.startedAt()), r.durationSeconds(), machine);
    }

    /** The worst offenders, in the order a reader should look at them. */
    private static void attention(Element main, RunReport r, RunComparison comparison, int exit) {
        List<String> bad = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        r.workloads().stream().filter(w -> RunReport.FAILED.equals(w.status()))
                .forEach(w -> bad.add("Workload " + w.name() + " failed: " + w.failure()));
        sortedBudgets(r).forEach(v -> {
            String line = "Budget " + v.workload() + " " + v.caseLabel() + " " + v.metric() + ": "
                    + BudgetFormat.measured(v) + " against " + BudgetFormat.target(v) + " ("
                    + BudgetFormat.margin(v) + ")";
            if (v.status() == BudgetVerdict.Status.FAIL) {
                bad.add(line);
            } else if (v.status() == BudgetVerdict.Status.WARN) {
                warn.add(line + ": within 10 % of its limit");
            }
        });
        if (comparison != null) {
            comparison.workloads().stream().filter(w -> w.verdict() == ChangeVerdict.REGRESSED)
                    .forEach(w -> bad.add("Regressed against " + comparison.baseline().label() + ": " + w.workload()
                            + " (see the comparison below)"));
        }
        r.leakChecks().stream().filter(LeakCheckReport::failed)
                .forEach(l -> bad.add("Leak check " + l.workload() + ": " + l.reason()));
        r.workloads().stream().filter(w -> w.profile() != null && w.profile().ruleWarnings() != null)
                .flatMap(w -> w.profile().ruleWarnings().stream().map(m -> "JMC rule, " + w.name() + ": " + m))
                .limit(RULE_WARNINGS_SHOWN).forEach(warn::add);
        if (exit != 0 && bad.isEmpty()) {
            bad.add("The command failed after the run (exit code " + exit + "), in a step this page cannot show, "
                    + "such as writing the comparison: the terminal says which");
        }
        Element box = main.appendElement("section").attr("id", "attention");
        if (bad.isEmpty() && warn.isEmpty()) {
            HtmlDocument.paragraph(box, "Nothing needs attention: every workload ran, every budget holds by more than "
                    + "10 %" + (r.leakChecks().isEmpty() ? "" : ", no leak") + (comparison == null ? ""
                    : ", no regression") + ", and no JMC rule warns.");
            return;
        }
        if (!bad.isEmpty()) {
            HtmlDocument.callout(box, "Failed:", bad, true);
        }
        if (!warn.isEmpty()) {
            HtmlDocument.callout(box, "Worth a look:", warn, false);
        }
    }

    private static void warnings(Element main, RunReport r) {
        if (r.noise() != null && !r.noise().warnings().isEmpty()) {
            HtmlDocument.callout(main, "The machine was not quiet:", r.noise().warnings(), false).attr("id", "noise");
        }
        List<String> notes = SummaryTable.measurementWarnings(r);
        if (!notes.isEmpty()) { // how figures were measured: worth knowing, but after the verdict, so folded
            Element details = main.appendElement("details").addClass("sub").attr("id", "read-with-care");
            details.appendElement("summary").text("Read with care: " + notes.size() + " note"
                    + (notes.size() == 1 ? "" : "s") + " on how figures were measured");
            HtmlDocument.callout(details, "Read with care:", notes, false);
        }
    }

    private static void summary(Element main, RunReport r) {
        if (r.workloads().isEmpty()) {
            return;
        }
        Element section = HtmlDocument.section(main, "Summary", true).attr("id", "summary");
        Element table = HtmlDocument.table(section, SummaryTable.HEADER, SummaryTable.rows(r).stream()
                .map(row -> row.stream().map(Glyphs::plain).toList()).toList(), "summary");
        table.select("tbody tr").forEach(tr -> {
            String status = tr.select("td").last().text();
            if (status.equals(Glyphs.plain(BudgetVerdict.Status.FAIL.symbol()))) {
                tr.addClass("fail");
            } else if (status.equals(Glyphs.plain(BudgetVerdict.Status.WARN.symbol()))) {
                tr.addClass("warn");
            }
        });
        for (WorkloadReport w : r.workloads()) {
            String scaling = SummaryTable.scaling(w);
            if (scaling != null) {
                HtmlDocument.paragraph(section, scaling);
            }
        }
    }

    /** Failed first, then close to the limit, passed, not measured; by margin within each. */
    private static List<BudgetVerdict> sortedBudgets(RunReport r) {
        List<BudgetVerdict> sorted = new ArrayList<>(r.budgets());
        sorted.sort(Comparator.comparingInt((BudgetVerdict v) -> switch (v.status()) {
            case FAIL -> 0;
            case WARN -> 1;
            case PASS -> 2;
            case NOT_MEASURED -> 3;
        }).thenComparingDouble(v -> Double.isNaN(v.margin()) ? Double.MAX_VALUE : v.margin()));
        return sorted;
    }

    private static void budgets(Element main, RunReport r) {
        if (r.budgets().isEmpty()) {
            return;
        }
        boolean anyFailed = r.budgets().stream().anyMatch(v -> v.status() == BudgetVerdict.Status.FAIL);
        Element section = HtmlDocument.section(main, "Budgets (" + r.settings().budgets() + ")", true)
                .attr("id", "budget-verdicts");
        List<BudgetVerdict> sorted = sortedBudgets(r);
        Element table = HtmlDocument.table(section, List.of("Workload", "Case", "Metric", "Target", "Actual", "Status",
                "Margin"), sorted.stream().map(v -> List.of(v.workload(), v.caseLabel(), v.metric(),
                BudgetFormat.target(v), BudgetFormat.measured(v), statusText(v.status()), BudgetFormat.margin(v))).toList(),
                "budgets");
        table.attr("id", "budgets");
        var rows = table.select("tbody tr");
        for (int i = 0; i < sorted.size(); i++) {
            BudgetVerdict.Status s = sorted.get(i).status();
            rows.get(i).addClass(s == BudgetVerdict.Status.FAIL ? "fail" : s == BudgetVerdict.Status.WARN ? "warn" : "ok");
        }
        HtmlDocument.paragraph(section, anyFailed ? "A failed budget fails the run (exit code 1)."
                : "The margin is how far inside its limit a value is, as a share of the limit; ⚠ within 10 %.")
                .addClass("muted");
    }

    /** "✔ pass", "⚠ close", "✘ fail", "— not measured": the budgets table's status cell. */
    static String statusText(BudgetVerdict.Status s) {
        return Glyphs.plain(s.symbol()) + " " + switch (s) {
            case PASS -> "pass";
            case WARN -> "close to the limit";
            case FAIL -> "fail";
            case NOT_MEASURED -> "not measured";
        };
    }

    /** The children's java and extra flags (--java, --jvm-args). */
    private static String childJava(RunSettings s) {
        if (s.children() == null) {
            return "not recorded";
        }
        return s.children().java() + " (" + s.children().javaVersion() + ")"
                + (s.children().jvmArgs().isEmpty() ? "" : ", JVM args " + String.join(" ", s.children().jvmArgs()));
    }

    private static void environment(Element main, RunReport r) {
        Element section = HtmlDocument.section(main, "Environment and settings", false);
        section.attr("id", "environment");
        if (r.environment() != null) {
            section.appendElement("pre").text(String.join("\n", EnvironmentText.lines(r.environment())));
        }
        RunSettings s = r.settings();
        HtmlDocument.table(section, List.of("Setting", "Value"), List.of(
                List.of("suite / scale", s.suite() + " / " + s.scale()),
                List.of("parameters", ReportParameters.text(s.parameters())),
                List.of("seed", String.valueOf(s.seed())),
                List.of("forks, heap, GC", s.forks() + ", " + s.heap() + ", " + (s.gc() == null ? "default" : s.gc())),
                List.of("JFR", s.jfr() ? "on, settings " + s.jfrSettings() : "off"),
                List.of("sampler", s.children() == null ? "not recorded" : s.children().samplerText()),
                List.of("children's java", childJava(s)),
                List.of("cold start, warm-up, measured", s.coldStartOperations() + " operations, " + s.warmupIterations()
                        + " iterations, " + s.measurementIterations() + " iterations of " + s.iterationMillis() + " ms"),
                List.of("time limit per fork", s.timeoutSeconds() + " s"),
                List.of("budgets", s.budgets()),
                List.of("arguments", String.join(" ", s.arguments()))), null);
        HtmlDocument.paragraph(section, "").appendText("For machines: ").appendElement("a").attr("href", RunLayout.REPORT_JSON)
                .text(RunLayout.REPORT_JSON);
    }
}
