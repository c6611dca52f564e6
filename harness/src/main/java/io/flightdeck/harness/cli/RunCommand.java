package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.check.BudgetFileException;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.run.ProfilingRun;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.harness.workload.Workload;
import io.flightdeck.harness.workload.WorkloadRegistry;

/** {@code flightdeck run}: a profiling run of a suite, or of chosen workloads, with budget verdicts. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run workloads, each in its own JVM under Java Flight Recorder; measure latency, resources "
                + "and footprints; check budgets; write report.json, report.md and a folder per workload.",
                "Exit code 0 when every check held, 1 when a budget failed or a workload failed, 2 on bad input."})
public final class RunCommand implements Callable<Integer> {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([kKmMgG]?)");
    /** Below this a JVM cannot even start with JFR, OSHI and a workload loaded. */
    private static final long MIN_HEAP_BYTES = 32L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "quick (default), standard or nightly")
    String suite = Suites.DEFAULT;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME",
            description = "run only this workload (repeatable); `list` shows them")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--store", paramLabel = "KIND", description = "memory or sqlite (default: sqlite, a fresh file in the run folder)")
    String store = "sqlite";

    @Option(names = "--budgets", paramLabel = "FILE", description = "budgets file replacing the defaults")
    Path budgetsFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "run folder (default: target/flightdeck/runs/<run-id>)")
    Path out;

    @Option(names = "--forks", paramLabel = "N", description = "JVMs per workload (suite's default)")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", description = "warm-up iterations per case")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per case")
    Integer iterations;

    @Option(names = "--iteration-ms", paramLabel = "MS", description = "length of a time-boxed iteration")
    Long iterationMillis;

    @Option(names = "--cold-start", paramLabel = "N", description = "operations timed one by one before warm-up")
    Integer coldStart;

    @Option(names = "--heap", paramLabel = "SIZE", description = "child heap, -Xms and -Xmx (e.g. 512m, 2g)")
    String heap;

    @Option(names = "--gc", paramLabel = "GC", description = "G1 (default), Parallel, Serial or Z")
    String gc = "G1";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "time limit per child JVM")
    Long timeout;

    @Option(names = "--seed", paramLabel = "N", description = "data seed (default 42)")
    long seed = 42;

    @Option(names = "--no-jfr", description = "run the children without a recording (to measure what JFR costs)")
    boolean noJfr;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE", description = "JFR settings: profile (default), default, or a .jfc file")
    String jfrSettings = "profile";

    @Override
    public Integer call() throws Exception {
        WorkloadRegistry registry = WorkloadRegistry.load();
        Suite base = Suites.find(suite).orElseThrow(() -> new UsageException("unknown suite '" + suite
                + "' (known: " + String.join(", ", Suites.all().stream().map(Suite::name).toList()) + ")"));
        List<Workload> selected = select(registry, base);
        Suite effective = override(base, selected);
        Budgets budgets = budgets(registry);
        String gcFlag = gcFlag(gc);
        if (!Set.of("memory", "sqlite").contains(store)) {
            throw new UsageException("unknown store '" + store + "': use memory or sqlite");
        }
        if (!"profile".equals(jfrSettings) && !"default".equals(jfrSettings) && !isFile(jfrSettings)) {
            throw new UsageException("JFR settings '" + jfrSettings + "': use profile, default or an existing .jfc file");
        }
        if (jfrSettings.contains(",")) { // -XX:StartFlightRecording separates its options with commas
            throw new UsageException("JFR settings '" + jfrSettings + "': a path with a comma cannot be passed to JFR");
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + effective.name();
        Path dir = runDirectory(runId, selected);

        RunPlan plan = new RunPlan(runId, dir, effective, selected, Map.of("store", store), seed, gcFlag, !noJfr,
                jfrSettings);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Flightdeck: suite %s, %d workload(s), store %s, %s -> %s%n", effective.name(), selected.size(),
                store, noJfr ? "no recording" : "JFR " + jfrSettings, dir);
        stdout.flush();
        List<String> arguments = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        RunReport report = new ProfilingRun().execute(plan, budgets, arguments, new TerminalProgress(stdout));
        TerminalSummary.print(stdout, report, dir);
        return report.exitCode();
    }

    private List<Workload> select(WorkloadRegistry registry, Suite base) {
        List<String> names = workloads.isEmpty() ? base.workloads() : List.copyOf(new LinkedHashSet<>(workloads));
        List<Workload> out = new ArrayList<>();
        for (String name : names) {
            out.add(registry.find(name).orElseThrow(() -> new UsageException("unknown workload '" + name
                    + "' (known: " + String.join(", ", registry.names()) + ")")));
        }
        return out;
    }

    private Suite override(Suite s, List<Workload> selected) {
        positive("--forks", forks);
        positive("--iterations", iterations);
        positive("--iteration-ms", iterationMillis);
        positive("--timeout", timeout);
        notNegative("--warmup", warmup);
        notNegative("--cold-start", coldStart);
        if (heap != null) {
            Matcher m = HEAP.matcher(heap);
            if (!m.matches()) {
                throw new UsageException("--heap '" + heap + "': use a size such as 512m or 2g");
            }
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(m.group(1)), switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 1L << 10;
                    case "m" -> 1L << 20;
                    case "g" -> 1L << 30;
                    default -> 1L;
                });
            } catch (ArithmeticException | NumberFormatException e) {
                throw new UsageException("--heap '" + heap + "' is larger than any machine's memory");
            }
            if (bytes < MIN_HEAP_BYTES) {
                throw new UsageException("--heap '" + heap + "' is too small: at least 32m");
            }
            long physical = physicalMemory();
            if (physical > 0 && bytes > physical) {
                throw new UsageException("--heap '" + heap + "' is more than this machine's memory ("
                        + (physical >> 20) + " MiB)");
            }
        }
        return new Suite(s.name(), s.description(), s.scale(), coldStart != null ? coldStart : s.coldStartOperations(),
                warmup != null ? warmup : s.warmupIterations(), iterations != null ? iterations : s.measurementIterations(),
                iterationMillis != null ? iterationMillis : s.iterationMillis(), forks != null ? forks : s.forks(),
                heap != null ? heap : s.heap(), timeout != null ? timeout : s.timeoutSeconds(),
                selected.stream().map(Workload::name).toList());
    }

    private Budgets budgets(WorkloadRegistry registry) {
        try {
            Budgets b = budgetsFile == null ? Budgets.defaults() : Budgets.load(budgetsFile);
            return b.validateWorkloads(new HashSet<>(registry.names()));
        } catch (BudgetFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Path runDirectory(String runId, List<Workload> selected) {
        try {
            Path dir = out != null ? out : Path.of("target", "flightdeck", "runs", runId);
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UsageException("--out " + dir + " is a file, not a folder");
            }
            if (dir.toAbsolutePath().toString().contains(",")) { // JFR's filename= option cannot hold a comma
                throw new UsageException("--out " + dir + ": a folder whose path has a comma cannot hold recordings");
            }
            Path created = Files.createDirectories(dir).toAbsolutePath().normalize();
            if (!Files.isWritable(created)) {
                throw new UsageException("--out " + dir + " is not writable");
            }
            RunFolder.clearPreviousRun(created, selected);
            return created;
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot prepare the run folder: " + e.getMessage());
        }
    }

    /** The machine's memory in bytes, 0 when the JVM cannot say. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static String gcFlag(String gc) {
        return switch (gc.toLowerCase(Locale.ROOT)) {
            case "g1" -> "-XX:+UseG1GC";
            case "parallel" -> "-XX:+UseParallelGC";
            case "serial" -> "-XX:+UseSerialGC";
            case "z", "zgc" -> "-XX:+UseZGC";
            default -> throw new UsageException("unknown collector '" + gc + "': use G1, Parallel, Serial or Z");
        };
    }

    private static void positive(String option, Number value) {
        if (value != null && value.longValue() < 1) {
            throw new UsageException(option + " must be at least 1, was " + value);
        }
    }

    private static void notNegative(String option, Number value) {
        if (value != null && value.longValue() < 0) {
            throw new UsageException(option + " must not be negative, was " + value);
        }
    }
}
