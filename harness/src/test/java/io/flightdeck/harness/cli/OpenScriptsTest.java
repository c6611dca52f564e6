package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/open-report and scripts/open-flamegraph on a machine without a desktop (as here and in CI): they print the
 * page's file:// address, and say in one line, with exit code 2, what is missing.
 */
class OpenScriptsTest {

    static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    @TempDir
    Path run;

    record Result(int exitCode, String out, String err) {
    }

    static Result script(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void openReportPrintsTheAddressOfARunsPage() throws Exception {
        Path folder = Files.createDirectories(run.resolve("my run"));
        Path page = Files.writeString(folder.resolve("report.html"), "<!DOCTYPE html><title>r</title>");
        Result r = script("open-report", folder.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // an address, so the space is encoded
        assertThat(r.out()).contains("file://" + page.toRealPath().toString().replace(" ", "%20"));
    }

    @Test
    void openReportSaysWhatIsMissing() throws Exception {
        Result r = script("open-report", run.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("has no report.html").doesNotContain("\n");
    }

    @Test
    void openFlameGraphFindsAWorkloadsGraph() throws Exception {
        Path page = Files.createDirectories(run.resolve("lifecycle")).resolve("flamegraph-alloc.html");
        Files.writeString(page, "<!DOCTYPE html><title>g</title>");
        Result r = script("open-flamegraph", "lifecycle", "alloc", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("file://" + page.toRealPath());
    }

    @Test
    void openFlameGraphRefusesAnUnknownKindOrAMissingGraph() throws Exception {
        Result kind = script("open-flamegraph", "lifecycle", "heap", run.toString());
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("cpu, alloc or lock");
        Result missing = script("open-flamegraph", "lifecycle", "cpu", run.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("no cpu flame graph of lifecycle").doesNotContain("\n");
    }
}
