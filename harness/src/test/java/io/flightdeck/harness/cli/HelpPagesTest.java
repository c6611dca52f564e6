package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.files.Json;

/**
 * Every help page, of the top level and of each subcommand the command line's model lists (so a new command is
 * covered without touching this test), prints without a warning and exits 0. Descriptions are format strings to
 * picocli: a lone '%' in one makes it print "[picocli WARN] Could not format ...".
 */
class HelpPagesTest {

    @Test
    void everyHelpPagePrintsWithoutWarnings() throws Exception {
        List<HelpPagesProbe.Page> pages = probe();
        assertThat(pages).extracting(p -> p.args().get(0)).contains("--help", "run", "leak-check", "compare",
                "history", "export", "analyze", "flamegraph", "list", "env", "help");
        for (HelpPagesProbe.Page page : pages) {
            String all = page.out() + page.err() + page.systemErr();
            assertThat(page.exitCode()).as("exit code of %s: %s", page.args(), all).isZero();
            assertThat(page.out()).as("help of %s", page.args()).contains("Usage:");
            assertThat(all).as("output of %s", page.args()).doesNotContain("WARN").doesNotContain("Could not format");
            assertThat(page.err() + page.systemErr()).as("stderr of %s", page.args()).isEmpty();
        }
    }

    /** Runs {@link HelpPagesProbe} in a JVM of its own, where picocli's tracer writes to a stream it can read. */
    private static List<HelpPagesProbe.Page> probe() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HelpPagesProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return Json.mapper().readValue(out, new TypeReference<List<HelpPagesProbe.Page>>() { });
    }
}
