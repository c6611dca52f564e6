package io.flightdeck.harness.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself: it must find what is broken, or the documentation test proves nothing. */
class MarkdownLinkCheckerTest {

    @TempDir
    Path root;

    @Test
    void slugsFollowGitHubsRules() {
        assertThat(MarkdownLinkChecker.slug("Baselines, regressions and history")).isEqualTo("baselines-regressions-and-history");
        assertThat(MarkdownLinkChecker.slug("The profiling run (flightdeck run)")).isEqualTo("the-profiling-run-flightdeck-run");
        assertThat(MarkdownLinkChecker.slug("run options")).isEqualTo("run-options");
        assertThat(MarkdownLinkChecker.slug("Trials 6 and 7: the gate as it is")).isEqualTo("trials-6-and-7-the-gate-as-it-is");
        assertThat(MarkdownLinkChecker.slug("report.json & analysis.json")).isEqualTo("reportjson--analysisjson");
        assertThat(MarkdownLinkChecker.slug("snake_case and kebab-case")).isEqualTo("snake_case-and-kebab-case");
        assertThat(MarkdownLinkChecker.slug("Größe über alles")).isEqualTo("größe-über-alles");
    }

    @Test
    void goodLinksPass() throws IOException {
        write("docs/topic.md", """
                # Topic

                ## The `run` command

                ## Again
                ## Again
                """);
        write("docs/images/a.png", "png");
        Path readme = write("README.md", """
                # Read me
                [topic](docs/topic.md), [its run command](docs/topic.md#the-run-command),
                [the second again](docs/topic.md#again-1), [here](#read-me), [a folder](docs/),
                ![a picture](docs/images/a.png), [the web](https://example.org/x.md#nowhere), [mail](mailto:a@b.c)

                [ref]: docs/topic.md#topic
                Text with a [reference][ref].
                """);

        assertThat(new MarkdownLinkChecker(root).check(List.of(readme))).isEmpty();
    }

    @Test
    void aPlantedBrokenLinkAndABrokenAnchorAreFound() throws IOException {
        write("docs/topic.md", "# Topic\n\n## Budgets\n");
        Path readme = write("README.md", """
                # Read me
                [gone](docs/missing.md) and [wrong anchor](docs/topic.md#budget) and [no such section](#nowhere)
                and [outside](../elsewhere/README.md) and ![no picture](docs/images/none.png)
                """);

        List<MarkdownLinkChecker.Problem> problems = new MarkdownLinkChecker(root).check(List.of(readme));

        assertThat(problems).extracting(MarkdownLinkChecker.Problem::destination).containsExactly(
                "docs/missing.md", "docs/topic.md#budget", "#nowhere", "../elsewhere/README.md",
                "docs/images/none.png");
        assertThat(problems.get(0).reason()).contains("names no file");
        assertThat(problems.get(1).reason()).contains("no heading of docs/topic.md has the anchor #budget");
        assertThat(problems.get(3).reason()).contains("leaves the repository");
    }

    @Test
    void linksResolveFromTheFileThatHoldsThem() throws IOException {
        write("README.md", "# Flightdeck\n");
        Path page = write("docs/topic.md", "[back](../README.md#flightdeck) [wrong](README.md)\n");

        assertThat(new MarkdownLinkChecker(root).check(List.of(page)))
                .extracting(MarkdownLinkChecker.Problem::destination).containsExactly("README.md");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
