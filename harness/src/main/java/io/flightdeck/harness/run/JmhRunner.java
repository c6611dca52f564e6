package io.flightdeck.harness.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.flightdeck.harness.check.BudgetEvaluator;
import io.flightdeck.harness.check.BudgetFileException;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ComparisonFiles;
import io.flightdeck.harness.env.Environment;
import io.flightdeck.harness.env.EnvironmentProbe;
import io.flightdeck.harness.env.NoiseMonitor;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.jmh.JmhArguments;
import io.flightdeck.harness.jmh.JmhFailureLine;
import io.flightdeck.harness.jmh.JmhIterations;
import io.flightdeck.harness.jmh.JmhOutcomes;
import io.flightdeck.harness.jmh.JmhProcess;
import io.flightdeck.harness.jmh.JmhProfilerJar;
import io.flightdeck.harness.jmh.JmhResult;
import io.flightdeck.harness.jmh.JmhResultFile;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.leak.LeakLimits;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.WorkloadReport;
import io.flightdeck.harness.report.WorkloadReports;
import io.flightdeck.harness.runner.ChildRuntime;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.RecordingMerge;
import io.flightdeck.harness.sampler.SamplerFlags;
import io.flightdeck.jmh.RecordingPlan;

/**
 * A project's own JMH benchmarks under Flightdeck, as a library call: its JMH runs them as it always does, with
 * Flightdeck's profiler recording each fork (JFR, DebugNonSafepoints and the sampler, as a run's children) and
 * marking its iterations; then JMH's JSON results become the run's workloads (a benchmark method each), cases (a
 * {@code @Param} combination each) and forks (JMH's), and the run is judged, compared, saved and recorded as
 * {@link FlightdeckRunner}'s is. A regression is judged on this run alone: running JMH again to confirm it is left
 * to the user.
 */
public final class JmhRunner {

    /** JMH's JSON results in the run folder. */
    public static final String RESULTS = "jmh-result.json";
    /** Everything JMH printed. */
    public static final String OUTPUT = "jmh-output.txt";
    /** The profiler's plan: the forks' JVM options. */
    public static final String PLAN = "jmh-plan.properties";
    /**
     * The forks' recordings, {@code benchmarks/<benchmark>/<mode>/<parameters>/fork-N/recording.jfr}; their analyses,
     * stacks and flame graphs go to {@code <benchmark>/}, named by fork as a workload's are.
     */
    public static final String BENCHMARKS = "benchmarks";
    /** What a report calls the run's suite. */
    public static final String SUITE = "jmh";

    private final JmhOptions options;
    private final RunProgress progress;

    public JmhRunner(JmhOptions options, RunProgress progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    private record Prepared(List<String> arguments, Budgets budgets, ChangeThresholds thresholds,
                            RunRecords records) implements AutoCloseable {

        Home home() {
            return records.home();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    /** Checks what can be checked before JMH starts; {@link #run} does it again first. */
    public static void check(JmhOptions options) {
        try (Prepared ignored = prepare(options)) {
            // opened to check, closed again
        } catch (IOException e) {
            // a store that fails to close was reached: that was the check
        }
    }

    private static Prepared prepare(JmhOptions o) {
        if (o.classPath().isEmpty()) {
            throw new RunInputException("flightdeck jmh: give --jar FILE (a benchmarks jar) or --classpath PATH "
                    + "(the benchmarks' classes, JMH and their libraries)");
        }
        for (Path entry : o.classPath()) {
            if (!Files.exists(entry)) {
                throw new RunInputException("the benchmarks' class path: " + entry + " does not exist");
            }
        }
        List<String> arguments;
        try {
            arguments = JmhArguments.check(o.jmhArguments());
        } catch (IllegalArgumentException e) {
            throw new RunInputException(e.getMessage());
        }
        Budgets budgets = budgets(o);
        InputChecks.baselineName("--save-baseline", o.saveBaseline());
        InputChecks.baselineName("--baseline", o.baseline());
        ChangeThresholds thresholds = InputChecks.thresholds(o.regressionLimit(), o.busyCores());
        return new Prepared(arguments, budgets, thresholds,
                RunRecords.open(o.home(), o.resultsUrl(), o.saveBaseline(), o.history(), o.baseline()));
    }

    /** The file given, else every budgets file the benchmarks' class path ships (none: no budgets). */
    private static Budgets budgets(JmhOptions o) {
        try {
            if (o.budgetsFile() != null) {
                return Budgets.load(o.budgetsFile());
            }
            URL[] urls = new URL[o.classPath().size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = o.classPath().get(i).toUri().toURL();
            }
            try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
                return Budgets.defaults(loader);
            }
        } catch (BudgetFileException e) {
            throw new RunInputException(e.getMessage());
        } catch (MalformedURLException e) {
            throw new RunInputException("the benchmarks' class path: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean recordsInHome(JmhOptions o) {
        return o.saveBaseline() != null || o.history();
    }

    /**
     * Runs the benchmarks and returns what came of it.
     *
     * @throws RunInputException for input that cannot be run, and when JMH ran no benchmark (no match, bad
     *                           options: its last line says why)
     */
    public RunResult run() throws IOException {
        try (Prepared p = prepare(options)) {
            return run(p);
        }
    }

    private RunResult run(Prepared p) throws IOException {
        ChildJvm child = options.childJvm() != null ? options.childJvm() : ChildJvm.defaults();
        String runId = RunIds.askedNow(SUITE);
        RunIds ids = recordsInHome(options) ? new RunIds(p.home()) : null;
        try (RunFolder folder = RunFolder.claim(options.outputFolder(), options.runsFolder(), runId,
                List.of(BENCHMARKS), ids)) {
            Path dir = folder.directory();
            List<String> command = command(p, child, dir);
            progress.jmhStarting(command, dir, child);
            try (RunInterruption interruption = RunInterruption.watch(dir, folder.runId(), RunLayout.REPORTS)) {
                RunReport report = measure(folder.runId(), dir, command, child, p);
                progress.runFinished(report, dir);
                List<RegressionLimit> limits = options.regressionLimit() != null ? List.of()
                        : p.budgets().regressions();
                return new RunCompletion(options.baseline(), p.records().against(), p.thresholds(), limits,
                        options.failOnInconclusive(), options.saveBaseline(), options.history(),
                        p.records().results())
                        .complete(report, dir, interruption, progress, null);
            }
        }
    }

    /** java, the class path with the profiler after the benchmarks' own entries, JMH's Main and its options. */
    private List<String> command(Prepared p, ChildJvm child, Path dir) throws IOException {
        List<Path> classPath = new ArrayList<>(options.classPath());
        classPath.addAll(JmhProfilerJar.locate(ChildRuntime.cacheRoots(p.home().directory())));
        Path recordings = dir.resolve(BENCHMARKS);
        String fork = RecordingPlan.FORK_FOLDER + "/";
        List<String> forkOptions = new ArrayList<>(SamplerFlags.recordingFlags(fork + JmhOutcomes.RECORDING,
                fork + SamplerFlags.agentRecording(Path.of(JmhOutcomes.RECORDING)), options.jfrSettings(), false, true,
                child.sampler()));
        forkOptions.addAll(child.jvmArgs());
        Path plan = dir.resolve(PLAN);
        new RecordingPlan(recordings, forkOptions).write(plan);
        List<String> command = new ArrayList<>();
        command.add(child.java().executable().toString());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(JmhArguments.JMH_MAIN);
        command.addAll(JmhArguments.full(p.arguments(), plan, dir.resolve(RESULTS)));
        return command;
    }

    private RunReport measure(String runId, Path dir, List<String> command, ChildJvm child, Prepared p)
            throws IOException {
        Instant started = Instant.now();
        Environment environment = EnvironmentProbe.probe().withChildJava(childJava(child));
        int exit;
        NoiseReport noise;
        JmhFailureLine why = new JmhFailureLine();
        try (NoiseMonitor monitor = NoiseMonitor.start(Duration.ofSeconds(1))) {
            exit = JmhProcess.run(command, dir.resolve(OUTPUT), line -> {
                progress.jmhOutput(line);
                why.accept(line);
            }, monitor::measure); // JMH and its forks are the work, not noise
            noise = monitor.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while JMH ran", e);
        }
        Instant finished = Instant.now();
        Path results = dir.resolve(RESULTS);
        // no benchmark matched, or JMH refused its options: it leaves no file, or an empty one
        String ranNone = "JMH ran no benchmark (exit code " + exit + ")" + (why.line() == null ? "" : ": "
                + why.line()) + "; its output is in " + dir.resolve(OUTPUT);
        if (!Files.isRegularFile(results) || Files.size(results) == 0) {
            throw new RunInputException(ranNone);
        }
        List<JmhResult> parsed;
        try {
            parsed = JmhResultFile.read(results);
        } catch (IllegalArgumentException e) {
            throw new RunInputException(e.getMessage());
        }
        mergeAgentRecordings(dir.resolve(BENCHMARKS));
        List<JmhOutcomes.Benchmark> benchmarks = JmhOutcomes.of(parsed, dir.resolve(BENCHMARKS), command, started,
                finished);
        if (benchmarks.isEmpty()) {
            throw new RunInputException(ranNone);
        }
        // each benchmark's analyses and stacks in <run>/<benchmark>/, where a comparison looks for a workload's
        RunLayout.clearPreviousRun(dir, benchmarks.stream().map(JmhOutcomes.Benchmark::name).toList());
        Json.writeAtomically(Json.mapper(), dir.resolve(RunLayout.ENVIRONMENT_JSON), environment);
        List<WorkloadReport> workloads = new ArrayList<>();
        for (JmhOutcomes.Benchmark b : benchmarks) {
            WorkloadReport w = WorkloadReports.of(b.name(), "JMH benchmark", JmhOutcomes.OPERATION_UNIT, b.forks(),
                    b.failure(), dir);
            progress.jmhAnalysing(b.name());
            Path analyses = Files.createDirectories(dir.resolve(b.name()));
            workloads.add(w.withProfile(ProfilingRun.analyse(dir, b.name(), b.forks(), options.wholeJvm(),
                    analyses)));
        }
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(p.budgets().without(LeakLimits.METRICS),
                ProfilingRun.measurements(workloads));
        boolean failed = exit != 0 || workloads.stream().anyMatch(w -> RunReport.FAILED.equals(w.status()))
                || BudgetEvaluator.anyFailed(verdicts);
        if (exit != 0) {
            progress.warning("JMH exited with code " + exit + (why.line() == null ? "" : ": " + why.line()));
        }
        return new RunReport(RunReport.SCHEMA_VERSION, ProfilingRun.TOOL, runId, started, finished,
                Duration.between(started, finished).toMillis() / 1000.0, settings(parsed, child, p), environment, noise,
                List.copyOf(workloads), verdicts, List.of(), failed ? RunReport.FAILED : RunReport.PASSED,
                failed ? 1 : 0);
    }

    /** async-profiler's file appended to each fork's JDK recording, as for a run's children. */
    private void mergeAgentRecordings(Path recordings) throws IOException {
        if (!Files.isDirectory(recordings)) {
            return;
        }
        String agentName = SamplerFlags.agentRecording(Path.of(JmhOutcomes.RECORDING)).getFileName().toString();
        List<Path> agents;
        try (Stream<Path> files = Files.walk(recordings)) {
            agents = files.filter(f -> f.getFileName().toString().equals(agentName)).toList();
        }
        for (Path agent : agents) {
            String warning = RecordingMerge.appendAgentRecording(agent.resolveSibling(JmhOutcomes.RECORDING), agent);
            if (warning != null) {
                progress.warning(warning);
            }
        }
    }

    private RunSettings settings(List<JmhResult> results, ChildJvm child, Prepared p) {
        int forks = results.stream().mapToInt(JmhResult::forks).max().orElse(0);
        int warmup = results.stream().mapToInt(JmhResult::warmupIterations).max().orElse(0);
        int iterations = results.stream().mapToInt(JmhResult::measurementIterations).max().orElse(0);
        long iterationMillis = results.stream()
                .mapToLong(r -> JmhIterations.iterationNanos(r.measurementTime()) / 1_000_000)
                .max().orElse(0);
        List<String> names = results.stream().map(JmhResult::benchmark).distinct().toList();
        return new RunSettings(SUITE, SUITE, Map.of(), 0, forks, null, null, true, options.jfrSettings(), 0, warmup,
                iterations, iterationMillis, 0, p.budgets().source(), names, options.arguments(), null,
                new RunSettings.ChildSettings(child.sampler().asked().id(), child.sampler().used().id(),
                        child.sampler().reason(), child.jvmArgs(), child.java().executable().toString(),
                        child.java().version(), child.sampler().withoutPacing().every()));
    }

    private static Environment.ChildJava childJava(ChildJvm child) {
        ChildJava java = child.java();
        return java.explicit() ? new Environment.ChildJava(java.vendor(), java.version(), java.javaHome()) : null;
    }
}
