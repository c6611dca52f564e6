package io.flightdeck.harness.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.flamegraphs.diff.MethodDiff;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.graphs.ProfileKind;
import io.flightdeck.harness.report.html.HtmlDocument;

/**
 * The "by method" table of a differential graph, beside it: every method's self and total share on both sides, the
 * change and whether it is significant, the largest significant increase first ({@link MethodDiff}'s order). As
 * HTML for people (the first {@value #HTML_ROWS} rows) and JSON for machines (every row).
 */
public final class MethodTable {

    /** Rows on the page; the JSON has them all. */
    public static final int HTML_ROWS = 500;

    private MethodTable() {
    }

    /** The JSON file: what was compared, the test, and the rows. */
    public record Table(String workload, String profile, String unit, long baselineWeight, long currentWeight,
                        List<String> baselineFiles, List<String> currentFiles, String test, Double alpha, int tests,
                        List<Row> methods) {
    }

    /**
     * One method. Shares are 0 to 1; changes are the current share minus the baseline's.
     *
     * @param change grew, shrank, new, gone or none: the colour its frames get
     */
    public record Row(String method, double baselineSelf, double currentSelf, double selfChange,
                      boolean selfSignificant, double selfP, double baselineTotal, double currentTotal,
                      double totalChange, boolean totalSignificant, double totalP, String change) {
    }

    /** "flamegraph-cpu-diff-methods.html". */
    public static String htmlName(ProfileKind kind) {
        return "flamegraph-" + kind.option() + "-diff-methods.html";
    }

    /** "flamegraph-cpu-diff-methods.json". */
    public static String jsonName(ProfileKind kind) {
        return "flamegraph-" + kind.option() + "-diff-methods.json";
    }

    public static Table table(String workload, ProfileKind kind, MethodDiff diff, List<String> baselineFiles,
                              List<String> currentFiles) {
        List<Row> rows = new ArrayList<>(diff.methods().size());
        for (MethodDiff.Method m : diff.methods()) {
            rows.add(new Row(m.name(), m.baselineSelfShare(), m.currentSelfShare(), m.selfDelta(),
                    m.selfSignificant(), m.selfP(), m.baselineTotalShare(), m.currentTotalShare(), m.totalDelta(),
                    m.totalSignificant(), m.totalP(), m.change().word()));
        }
        return new Table(workload, kind.option(), kind.unit().symbol(), diff.baselineWeight(), diff.currentWeight(),
                baselineFiles, currentFiles, diff.explanation(), diff.testable() ? Double.valueOf(MethodDiff.ALPHA) : null,
                diff.tests(), List.copyOf(rows));
    }

    /** Writes both files into {@code dir}, each whole or not at all. */
    public static void write(Path dir, ProfileKind kind, Table table, String graphFile) throws IOException {
        Json.writeAtomically(Json.mapper(), dir.resolve(jsonName(kind)), table);
        page(kind, table, graphFile).write(dir.resolve(htmlName(kind)));
    }

    static HtmlDocument page(ProfileKind kind, Table t, String graphFile) {
        HtmlDocument doc = new HtmlDocument(t.workload() + ": " + kind.label() + " by method, against the baseline");
        Element main = doc.main();
        main.appendElement("h1").text(t.workload() + ": " + kind.label() + " by method, against the baseline");
        Element links = main.appendElement("p");
        HtmlDocument.link(links, graphFile, "the differential flame graph");
        links.appendText(" · ");
        HtmlDocument.link(links, jsonName(kind), "every row as JSON");
        HtmlDocument.paragraph(main, String.format(Locale.ROOT, "Baseline %,d %s (%s); current %,d %s (%s). "
                        + "Self: the share of the profile in the method's own code; total: in it and what it called "
                        + "(a stack counted once however often the method recurs). Changes are in percentage points.",
                t.baselineWeight(), t.unit(), String.join(", ", t.baselineFiles()), t.currentWeight(), t.unit(),
                String.join(", ", t.currentFiles())));
        HtmlDocument.paragraph(main, t.test() + " Sorted: methods whose own time grew significantly first, the "
                + "largest growth first; then those whose total alone grew significantly; then the rest by change of "
                + "total share.");
        List<List<String>> rows = new ArrayList<>();
        for (Row r : t.methods().subList(0, Math.min(HTML_ROWS, t.methods().size()))) {
            rows.add(List.of(r.method(), pct(r.baselineSelf()), pct(r.currentSelf()),
                    pp(r.selfChange()) + (r.selfSignificant() ? " *" : ""), pct(r.baselineTotal()),
                    pct(r.currentTotal()), pp(r.totalChange()) + (r.totalSignificant() ? " *" : ""), r.change()));
        }
        HtmlDocument.table(main, List.of("Method", "Self before", "Self now", "Self change", "Total before",
                "Total now", "Total change", "Frames drawn"), rows, "methods");
        HtmlDocument.paragraph(main, (t.methods().size() > HTML_ROWS ? String.format(Locale.ROOT,
                "The first %d of %d methods; the JSON has them all. ", HTML_ROWS, t.methods().size()) : "")
                + "* significant.");
        return doc;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static String pp(double change) {
        return String.format(Locale.ROOT, "%+.2f pp", change * 100);
    }
}
