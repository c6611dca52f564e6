package io.flightdeck.jmh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * Records each JMH fork under the JVM options of a {@link RecordingPlan}: {@code -prof
 * io.flightdeck.jmh.FlightdeckProfiler:/path/to/plan.properties}. JMH asks an external profiler for extra JVM options
 * once per fork, warm-up forks included, and for a given benchmark and parameter set the first
 * {@link BenchmarkParams#getWarmupForks()} forks are the warm-up ones; so counting the calls per benchmark and
 * parameter set names every fork's folder ({@link ForkFolders}) without JMH having to say which fork it is.
 *
 * <p>Inside each fork the same class is JMH's internal profiler: it marks every warm-up and measured iteration in the
 * fork's recording ({@link IterationMark}), so that Flightdeck's analysis covers the measured iterations only, not
 * the JVM's start, JMH's set-up or the warm-up, as it does for its own workloads.
 */
public final class FlightdeckProfiler implements ExternalProfiler, InternalProfiler {

    private final RecordingPlan plan;
    private final Map<String, Integer> forksStarted = new HashMap<>();
    private IterationMark open;
    private long warmups;
    private long measured;

    /** @param options the path of the plan file, as JMH passes what follows the colon of {@code -prof} */
    public FlightdeckProfiler(String options) {
        if (options == null || options.isBlank()) {
            throw new IllegalArgumentException("FlightdeckProfiler needs its plan file: -prof "
                    + FlightdeckProfiler.class.getName() + ":/path/to/plan.properties");
        }
        this.plan = RecordingPlan.read(Path.of(options.trim()));
    }

    @Override
    public String getDescription() {
        return "Flightdeck: records every fork under JFR and Flightdeck's sampler, a folder per benchmark, parameters and fork";
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public synchronized Collection<String> addJVMOptions(BenchmarkParams params) {
        Map<String, String> parameters = parameters(params);
        String mode = params.getMode().shortLabel();
        String key = params.getBenchmark() + "\n" + mode + "\n" + ForkFolders.parameterLabel(parameters);
        int started = forksStarted.merge(key, 1, Integer::sum);
        int warmupForks = params.getWarmupForks();
        boolean warmup = started <= warmupForks;
        int fork = warmup ? started : started - warmupForks;
        Path folder = ForkFolders.fork(plan.recordings(), params.getBenchmark(), mode, parameters, fork, warmup);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fork's recording folder " + folder, e);
        }
        return plan.optionsFor(folder);
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        boolean warmup = iterationParams.getType() == IterationType.WARMUP;
        open = IterationMark.begin(benchmarkParams.getBenchmark(),
                ForkFolders.parameterLabel(parameters(benchmarkParams)),
                warmup ? IterationMark.WARM_UP : IterationMark.MEASURED, warmup ? warmups++ : measured++);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        if (open != null) {
            open.finish();
            open = null;
        }
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    /** The fork's {@code @Param} values by name. */
    static Map<String, String> parameters(BenchmarkParams params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return values;
    }
}
