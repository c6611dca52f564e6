package io.flightdeck.harness.report.html;

import java.io.IOException;
import java.nio.file.Path;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RunComparison;

/** The page {@code compare} writes beside comparison.json: the comparison of two runs, open. */
public final class ComparisonPage {

    public static final String FILE = ComparisonFiles.HTML;

    private ComparisonPage() {
    }

    /** Into the folder the comparison's differential flame graphs were written to, which its links are relative to. */
    public static Path write(RunComparison c, Path dir) throws IOException {
        HtmlDocument page = new HtmlDocument("Flightdeck comparison: " + c.current().label() + " against "
                + c.baseline().label());
        Element main = page.main();
        main.appendElement("h1").text("Comparison: " + c.current().label() + " against " + c.baseline().label());
        ComparisonSection.append(main, c, true);
        Path file = dir.resolve(FILE);
        page.write(file);
        return file;
    }
}
