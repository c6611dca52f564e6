package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.run.JmhOptions;
import io.flightdeck.harness.run.JmhRunner;
import io.flightdeck.harness.run.RunResult;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * {@code flightdeck jmh}: a project's own JMH benchmarks, run by its own JMH with every fork recorded and analysed,
 * then judged as a run is ({@link JmhRunner}). Flightdeck's options come first; JMH's follow {@code --}.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run your JMH benchmarks with your JMH, every fork recorded under Java Flight Recorder and "
                + "the sampler; write Flightdeck's run folder: per benchmark analysis, flame graphs, report.html and "
                + "report.json, baselines, the regression gate and the history.",
                "A benchmark method is a workload, each @Param combination a case, each JMH fork a fork.",
                "Example: flightdeck jmh --jar target/benchmarks.jar -- -f 2 -wi 3 -i 5 'LruCache.*'",
                "Exit code 0 when every check held, 1 when a benchmark failed, a budget failed or it regressed (or "
                        + "could not be judged, with --fail-on inconclusive), "
                        + "2 on bad input (and when JMH ran no benchmark)."})
public final class JmhCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "a benchmarks jar holding JMH and the benchmarks (as JMH's archetype builds it)")
    Path jar;

    @Mixin
    ChildJvmOptions childJvm;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "run folder (default: target/flightdeck/runs/<run-id>)")
    Path out;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE",
            description = "JFR settings of the forks: profile (default), default, or a .jfc file")
    String jfrSettings = "profile";

    @Option(names = "--whole-jvm",
            description = "profile each fork's whole JVM; by default its analysis and flame graphs cover JMH's "
                    + "measured iterations")
    boolean wholeJvm;

    @Option(names = "--budgets", paramLabel = "FILE",
            description = "budgets file, benchmarks named as workloads (default: the benchmarks' class path's own)")
    Path budgetsFile;

    @Mixin
    BaselineOptions baselines;

    @Mixin
    ComparisonGateOptions gate;

    @Mixin
    HomeOption home;

    @Option(names = "--no-history", description = "do not add this run to the history in the home folder")
    boolean noHistory;

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*",
            description = "after --: JMH's own options and benchmark patterns, passed as given (-rf and -rff are "
                    + "Flightdeck's; JMH's GC profiler is added unless given)")
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter stderr = spec.commandLine().getErr();
        JmhOptions options = JmhOptions.builder().classPath(classPath()).jmhArguments(jmhArguments).outputFolder(out)
                .jfrSettings(jfrSettings).wholeJvm(wholeJvm).budgets(budgetsFile).saveBaseline(baselines.saveBaseline)
                .baseline(baselines.baseline).regressionLimit(baselines.regressionLimit).busyCores(gate.busyCores)
                .failOnInconclusive(gate.failOnInconclusive()).home(home.directory).resultsUrl(home.resultsUrl).history(!noHistory)
                .arguments(RunInputs.arguments(spec)).build();
        JmhRunner.check(options);
        ChildJvm forks = childJvm.resolve(ChildJvmOptions.cacheRoots(home.home().directory()), true, stderr);
        RunResult result = new JmhRunner(options.toBuilder().childJvm(forks).build(),
                new TerminalRunProgress(spec.commandLine().getOut(), stderr)).run();
        return result.exitCode();
    }

    /** {@code --jar}, else {@code --classpath} (or its variable); both at once is a usage error. */
    private List<Path> classPath() {
        UserClassPath given = childJvm.userClassPath();
        if (jar != null) {
            if (childJvm.classPathGiven()) {
                throw new UsageException("--jar and --classpath: give one of them");
            }
            if (!Files.isRegularFile(jar)) {
                throw new UsageException("--jar " + jar + ": no such file");
            }
            return List.of(jar.toAbsolutePath());
        }
        return given == null ? List.of() : given.entries();
    }
}
