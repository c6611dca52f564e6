package io.flightdeck.harness.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.RecordingFacts;

/** The page {@code analyze} writes for any recording: what it is, then everything its analysis found. */
public final class AnalysisPage {

    public static final String FILE = "report.html";

    private AnalysisPage() {
    }

    /**
     * @param flameGraphs the flame graph pages written beside it, as paths relative to {@code dir}
     */
    public static Path write(Analysis a, Path dir, List<String> flameGraphs) throws IOException {
        Path file = dir.resolve(FILE);
        render(a, flameGraphs).write(file);
        return file;
    }

    static HtmlDocument render(Analysis a, List<String> flameGraphs) {
        RecordingFacts r = a.recording();
        HtmlDocument page = new HtmlDocument("Flightdeck analysis of " + r.file());
        Element main = page.main();
        main.appendElement("h1").text("Recording " + r.file());
        HtmlDocument.paragraph(main, String.format(Locale.ROOT, "%s, %.1f s from %s; %,d events; %s %s.",
                RecordingSections.bytes(r.bytes()), r.durationSeconds(), ShownTime.of(r.start()), r.events(),
                r.jvmName() == null ? "JVM unknown" : r.jvmName(), r.jvmVersion() == null ? "" : r.jvmVersion()))
                .addClass("subtitle");
        HtmlDocument.flameGraphLinks(main, "Flame graphs: ", flameGraphs);
        Element section = HtmlDocument.section(main, "What the recording shows", true);
        RecordingSections.append(section, a);
        Element facts = HtmlDocument.section(main, "The recording", false).attr("id", "recording");
        HtmlDocument.table(facts, List.of("Fact", "Value"), List.of(
                List.of("file", r.file()),
                List.of("format version", String.valueOf(r.formatVersion())),
                List.of("span", ShownTime.of(r.start()) + " to " + ShownTime.of(r.end())),
                List.of("analysed span", ShownTime.of(r.analysedFrom()) + " to " + ShownTime.of(r.analysedTo())),
                List.of("JVM arguments", r.jvmArguments() == null ? "—" : r.jvmArguments()),
                List.of("Java arguments", r.javaArguments() == null ? "—" : r.javaArguments())), null);
        HtmlDocument.table(facts, List.of("Event type", "Events"), r.eventCounts().entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .map(e -> List.of(e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()))).toList(), null);
        return page;
    }
}
