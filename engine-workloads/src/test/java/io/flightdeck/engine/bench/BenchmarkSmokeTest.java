package io.flightdeck.engine.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each benchmark family once, in this JVM, with the smallest parameters and a fraction of a second of
 * measurement: a benchmark that throws, measures nothing, or no longer matches its name fails the build here
 * instead of leaving a hole in a 10-minute run. It checks that the benchmarks work, not how fast the engine is.
 *
 * <p>{@code forks(0)}: a forked JVM would need {@code java.class.path} to hold the test classes, which surefire's
 * manifest-only jar does not; and a fork per case would cost a JVM start each.
 */
class BenchmarkSmokeTest {

    static Stream<Arguments> benchmarks() {
        return Stream.of(
                Arguments.of(EpisodeCreationBench.class, "startEpisode", new String[] {"store", "memory"}),
                Arguments.of(EpisodeCreationBench.class, "startEpisode", new String[] {"store", "sqlite"}),
                Arguments.of(StepLoggingBench.class, "logStep", new String[] {"store", "memory"}),
                Arguments.of(EpisodeCompletionBench.class, "completeEpisode", new String[] {"store", "memory", "steps", "5"}),
                Arguments.of(PatternExtractionBench.class, "extract", new String[] {}),
                Arguments.of(RetrievalBench.class, "retrieveTop10", new String[] {"store", "memory", "size", "100"}),
                Arguments.of(RetrievalBench.class, "retrieveTop10", new String[] {"store", "sqlite", "size", "100"}),
                Arguments.of(ConcurrentLifecycleBench.class, "lifecycleThreads2", new String[] {"store", "memory"}));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("benchmarks")
    void runsAndMeasuresSomething(Class<?> benchmark, String method, String[] params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + java.util.regex.Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        for (int i = 0; i < params.length; i += 2) {
            options.param(params[i], params[i + 1]);
        }

        Collection<RunResult> results = new Runner(options.build()).run();

        assertThat(results).hasSize(1);
        RunResult result = results.iterator().next();
        assertThat(result.getPrimaryResult().getSampleCount()).as("samples").isPositive();
        assertThat(result.getPrimaryResult().getScore()).as("score (us/op)").isPositive();
    }
}
