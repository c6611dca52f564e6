package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.compare.RunComparison;
import io.flightdeck.harness.files.Json;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.report.RunReport;

/** {@code flightdeck compare A B}: did B regress against A? Each a run folder, a report.json or a saved baseline. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare run B against A, case by case and metric by metric (mean, p50, p90, p99, "
                + "throughput, allocation per operation), with a Mann–Whitney U test on the per-iteration samples "
                + "and the change's 95 % interval; for each regressed workload, the methods and allocation sites "
                + "whose shares changed most and differential flame graphs.",
                "Exit code 0 when nothing regressed, 1 when something did, 2 on bad input."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the baseline: a run folder, its report.json, or the "
            + "name of a saved baseline")
    String baseline;

    @Parameters(index = "1", paramLabel = "B", description = "what is compared against it, the same kinds")
    String current;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where comparison.json, comparison.md and the differential flame graphs go "
                    + "(default: target/flightdeck/compare/<time>)")
    Path out;

    @Option(names = "--regression-limit", paramLabel = "PCT",
            description = "worse by more than this is a regression (default 10%)")
    String regressionLimit = "10%";

    @Option(names = "--home", paramLabel = "DIR", description = "where saved baselines live (default: .flightdeck at "
            + "the project root)")
    Path home;

    @Override
    public Integer call() throws Exception {
        ChangeThresholds thresholds = ChangeThresholds.DEFAULTS.withLimit(
                RunInputs.percentage("--regression-limit", regressionLimit));
        BaselineStore baselines = new BaselineStore(Home.resolve(home));
        ComparisonFiles.Compared a = side(baselines, baseline);
        ComparisonFiles.Compared b = side(baselines, current);
        Path dir = out != null ? out
                : Path.of("target", "flightdeck", "compare",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + " is a file, not a folder");
        }
        RunComparison c;
        try {
            c = ComparisonFiles.compareAndWrite(a, b, thresholds, dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UsageException("cannot write the comparison to " + dir + ": " + e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        TerminalSummary.printComparison(stdout, c, dir.toAbsolutePath().normalize());
        return c.exitCode();
    }

    /** A run folder, a report.json, or a saved baseline's name, in that order. */
    private static ComparisonFiles.Compared side(BaselineStore baselines, String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (path != null && Files.isDirectory(path) && Files.isRegularFile(path.resolve("report.json"))) {
            return new ComparisonFiles.Compared(text, read(path.resolve("report.json")), path);
        }
        if (path != null && Files.isRegularFile(path)) {
            Path folder = path.toAbsolutePath().getParent();
            return new ComparisonFiles.Compared(text, read(path), folder);
        }
        boolean isName;
        try {
            BaselineStore.checkName(text);
            isName = true;
        } catch (IllegalArgumentException e) {
            isName = false;
        }
        if (isName && baselines.exists(text)) {
            try {
                return new ComparisonFiles.Compared("baseline " + text, baselines.load(text), baselines.folder(text));
            } catch (IOException e) {
                throw new UsageException("baseline " + text + ": cannot read its report: " + oneLine(e));
            }
        }
        String saved;
        try {
            saved = String.join(", ", baselines.names());
        } catch (IOException e) {
            saved = "";
        }
        throw new UsageException("'" + text + "' is neither a run folder, a report.json nor a saved baseline"
                + (saved.isEmpty() ? " (no baselines saved yet)" : " (saved: " + saved + ")"));
    }

    private static RunReport read(Path file) {
        try {
            RunReport r = Json.mapper().readValue(file.toFile(), RunReport.class);
            if (r == null || r.workloads() == null) {
                throw new UsageException(file + " is not a Flightdeck report.json");
            }
            if (r.schemaVersion() != RunReport.SCHEMA_VERSION) {
                throw new UsageException(file + ": report schema version " + r.schemaVersion() + ", this tool reads "
                        + RunReport.SCHEMA_VERSION);
            }
            return r;
        } catch (IOException e) {
            throw new UsageException(file + " is not a readable report.json: " + oneLine(e));
        }
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
