package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.leak.LeakCheckPlan;
import io.flightdeck.harness.leak.LeakLimits;
import io.flightdeck.harness.run.LeakCheckOptions;
import io.flightdeck.harness.run.LeakCheckRunner;
import io.flightdeck.harness.run.RunResult;
import io.flightdeck.harness.sampler.ChildJvm;

/** {@code flightdeck leak-check}: does the live heap grow while a workload runs, and if so, what holds it. */
@Command(name = "leak-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run workloads in their own JVMs under JFR with old-object sampling and paths to GC roots; "
                + "after warm-up, collect the heap fully after every measured second and fit the live heap's trend. "
                + "A check fails when the growth is significant (its 95 %% interval above zero) and above a limit, "
                + "per operation or per second, or when its JVM dies; a failure names the suspects: the classes "
                + "the old-object sampler found alive, where they were allocated and who holds them.",
                "Exit code 0 when no leak was found, 1 when one was (or a check could not finish), 2 on bad input."})
public final class LeakCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME",
            description = "check this workload (repeatable); default: every workload leak-checked by default "
                    + "(`list` marks them)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME",
            description = "how long each workload is watched after warm-up, e.g. 60s, 5m, at most 24h (default 60s)")
    String duration = LeakCheckPlan.DEFAULT_DURATION_SECONDS + "s";

    @Option(names = "--checkpoint-ms", paramLabel = "MS",
            description = "time between two checkpoints, each a full collection, 1 to "
                    + OptionRules.MAX_CHECKPOINT_MILLIS + " (default 1000)")
    long checkpointMillis = LeakCheckPlan.DEFAULT_CHECKPOINT_MILLIS;

    @Option(names = "--limit-bytes-per-op", paramLabel = "SIZE",
            description = "most growth per operation, e.g. 32 or 1KiB (default: the budgets file's "
                    + LeakLimits.PER_OPERATION_METRIC + ", else 16 B)")
    String limitPerOperation;

    @Option(names = "--limit-bytes-per-s", paramLabel = "SIZE",
            description = "most growth per second (default: the budgets file's " + LeakLimits.PER_SECOND_METRIC
                    + ", else 64KiB)")
    String limitPerSecond;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "run folder (default: target/flightdeck/runs/<run-id>)")
    Path out;

    @Option(names = "--budgets", paramLabel = "FILE", description = "budgets file replacing the defaults")
    Path budgetsFile;

    @Option(names = "--heap", paramLabel = "SIZE", description = "child heap, -Xms and -Xmx (default 1g)")
    String heap = "1g";

    @Option(names = "--gc", paramLabel = "GC", description = "G1 (default), Parallel, Serial or Z")
    String gc = "G1";

    @Option(names = "--seed", paramLabel = "N", description = "data seed (default 42)")
    long seed = 42;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "a workload parameter (repeatable), e.g. store=memory; `list` shows the workloads")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Mixin
    ChildJvmOptions childJvm;

    @Mixin
    HomeOption home;

    @Option(names = "--no-history", description = "do not add this check to the history in the home folder")
    boolean noHistory;

    @Override
    public Integer call() throws Exception {
        long seconds = LeakCheckOptions.parseDuration(duration);
        LeakCheckPlan checks = new LeakCheckPlan(List.of(), seconds, checkpointMillis, null, null);
        // said with the duration as given; the library checks the same again for its other callers
        if (checks.iterations() < LeakCheckOptions.MIN_CHECKPOINTS) {
            throw new UsageException("--duration " + duration + " gives " + checks.iterations()
                    + " checkpoint(s): a trend needs at least " + LeakCheckOptions.MIN_CHECKPOINTS);
        }
        if (checks.iterations() > OptionRules.MAX_CHECKPOINTS) {
            throw new UsageException("--duration " + duration + " with --checkpoint-ms " + checkpointMillis
                    + " gives " + checks.iterations() + " checkpoints, each a full collection: at most "
                    + OptionRules.MAX_CHECKPOINTS);
        }
        LeakCheckOptions options = LeakCheckOptions.builder().workloads(workloads).durationSeconds(seconds)
                .checkpointMillis(checkpointMillis)
                .limitBytesPerOperation(LeakCheckOptions.parseBytes("--limit-bytes-per-op", limitPerOperation))
                .limitBytesPerSecond(LeakCheckOptions.parseBytes("--limit-bytes-per-s", limitPerSecond)).outputFolder(out)
                .budgets(budgetsFile).userClassPath(childJvm.userClassPath()).heap(heap).gc(gc).seed(seed).parameters(parameters)
                .home(home.directory).resultsUrl(home.resultsUrl).history(!noHistory).arguments(RunInputs.arguments(spec)).build();
        LeakCheckRunner.check(options);
        PrintWriter stderr = spec.commandLine().getErr();
        ChildJvm child = childJvm.resolve(ChildJvmOptions.cacheRoots(LeakCheckRunner.home(options).directory()), true,
                stderr);
        LeakCheckOptions withChild = options.toBuilder().childJvm(child).build();
        RunResult result = new LeakCheckRunner(withChild, new TerminalRunProgress(spec.commandLine().getOut(),
                stderr)).run();
        return result.exitCode();
    }
}
