package io.flightdeck.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.flightdeck.harness.cli.TerminalSummaryTest;

/**
 * report.md of a run whose names hold Markdown, HTML, entities, escape sequences and line breaks: every name stays
 * text, every table row stays one row, and the budgets and notes the terminal only counts are all there.
 */
class MarkdownReportTest {

    static final String MARKUP = "a & b <img src=x onerror=alert(1)> *bold* _it_ [link](http://x) `code` | pipe"
            + " &lt;tag&gt; &#x202E; #1 " + TerminalSummaryTest.HOSTILE;

    static RunReport run(String hostile) {
        RunReport r = TerminalSummaryTest.realisticRun(hostile);
        RunSettings settings = new RunSettings("quick`" + hostile, "small", Map.of("store", "sqlite"), 1, 1, "512m", "G1", true,
                "profile", 10, 3, 6, 100, 60, "defaults", List.of(), List.of(), null);
        return new RunReport(r.schemaVersion(), r.tool(), "run-" + hostile, r.startedAt(), r.finishedAt(),
                r.durationSeconds(), settings, null, r.noise(), r.workloads(), r.budgets(), r.leakChecks(),
                r.verdict(), r.exitCode());
    }

    /** Pipes that separate cells, not the escaped ones inside them. */
    static int cells(String row) {
        Matcher m = Pattern.compile("(?<!\\\\)\\|").matcher(row);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void namesStayTextInEveryPartOfTheReport() {
        String md = MarkdownReport.render(run(MARKUP));
        // inside code blocks and spans <, & and * are text already (CommonMark renders them literally): look outside
        String outside = md.replaceAll("(?s)(`{3,})text\n.*?\n\\1\n", "").replaceAll("``.*?``", "");
        assertThat(outside).doesNotContain("Episodezzz");
        assertThat(md).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202E");
        assertThat(outside).doesNotContain("\r").doesNotContain("\u202E")
                .doesNotContain("<img").doesNotContain("*bold*").doesNotContain("[link](http")
                .doesNotContain("&lt;tag").doesNotContain("&#x202E;");
        assertThat(md).contains("a &amp; b &lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\_it\\_ \\[link\\](http://x)"
                + " \\`code\\` \\| pipe &amp;lt;tag&amp;gt; &amp;\\#x202E; \\#1 \\\\e\\[2J");
        // the suite in a code span that its own backtick cannot close
        assertThat(md).contains("suite ``quick`a & b");
    }

    @Test
    void everyTableRowIsOneRowOfTheHeadersCells() {
        String md = MarkdownReport.render(run(MARKUP));
        List<String> lines = md.lines().toList();
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| ") && (i == 0 || !lines.get(i - 1).startsWith("|"))) {
                tables++;
                int header = cells(lines.get(i));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    assertThat(cells(lines.get(j))).as(lines.get(j)).isEqualTo(header);
                    assertThat(lines.get(j)).endsWith("|");
                }
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(3);
        // no workload of this run reports figures of its own: no empty table for them
        assertThat(md).doesNotContain("## Workload figures");
        // no line of the report starts with what a hostile name would make of it
        assertThat(lines).noneMatch(l -> l.startsWith("name") || l.startsWith("evil"));
    }

    @Test
    void theBudgetsAndNotesTheTerminalCountsAreAllInTheReport() {
        RunReport r = run("plain");
        String md = MarkdownReport.render(r);
        assertThat(SummaryTable.measurementWarnings(r)).hasSize(18)
                .allSatisfy(n -> assertThat(md).contains(MarkdownReport.escape(n)));
        assertThat(md.lines().filter(l -> l.startsWith("| memory-pressure |") && l.contains("| ≤ 61 MiB |")))
                .hasSize(16);
    }
}
