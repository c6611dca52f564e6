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
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * Records each JMH fork under the JVM options of a {@link RecordingPlan}: {@code -prof
 * io.flightdeck.jmh.FlightdeckProfiler:/path/to/plan.properties}. JMH asks an external profiler for extra JVM options
 * once per fork, warm-up forks included, and for a given benchmark and parameter set the first
 * {@link BenchmarkParams#getWarmupForks()} forks are the warm-up ones; so counting the calls per benchmark and
 * parameter set names every fork's folder ({@link ForkFolders}) without JMH having to say which fork it is.
 */
public final class FlightdeckProfiler implements ExternalProfiler {

    private final RecordingPlan plan;
    private final Map<String, Integer> forksStarted = new HashMap<>();

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
        String key = params.getBenchmark() + "\n" + ForkFolders.parameterLabel(parameters);
        int started = forksStarted.merge(key, 1, Integer::sum);
        int warmupForks = params.getWarmupForks();
        boolean warmup = started <= warmupForks;
        int fork = warmup ? started : started - warmupForks;
        Path folder = ForkFolders.fork(plan.recordings(), params.getBenchmark(), parameters, fork, warmup);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fork's recording folder " + folder, e);
        }
        return plan.optionsFor(folder);
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
