package io.flightdeck.harness.ab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an A/B comparison runs, as {@code flightdeck ab} or another caller gives it.
 *
 * @param repository    a folder in the git working tree (its top is found)
 * @param base          the base revision, a git ref
 * @param head          the head revision, a git ref; null for the working tree as it is
 * @param recipe        how each checkout is built and what its class path is
 * @param suite         the suite whose settings (and, without {@code workloads}, workloads) are used
 * @param workloads     the workloads compared; empty for the suite's
 * @param cases         the case labels compared, of whichever workload has them; empty for every case
 * @param warmup        warm-up iterations per case, null for the suite's
 * @param iterations    measured iterations per case, null for the suite's
 * @param iterationMillis iteration length, null for the suite's
 * @param heap          the children's heap, null for the suite's
 * @param timeoutSeconds a fork's time limit, null for the suite's
 * @param alpha         the comparison's false-alarm level: the chance it calls an unchanged build regressed
 * @param regressionLimit worse by more than this is a regression ("10%"), null for 10 %
 * @param maxSeconds    no round starts that would end after this
 * @param maxRounds     no more rounds than this
 * @param orderSeed     seeds the order of the forks in each round (printed, to run the same order again)
 * @param duet          the two forks of a round at the same time, each pinned to half of this process's CPUs
 * @param outputFolder  where ab.json, ab.md and the forks' files go; null for target/flightdeck/ab/&lt;id&gt;
 * @param home          the home folder (its cache keeps the builds); null for the default
 */
public record AbOptions(Path repository, String base, String head, BuildRecipe recipe, String suite,
                        List<String> workloads, List<String> cases, Map<String, String> parameters, long seed, Integer warmup,
                        Integer iterations, Long iterationMillis, String heap, String gc, Long timeoutSeconds,
                        List<String> jvmArgs, double alpha, String regressionLimit, long maxSeconds, int maxRounds,
                        long orderSeed, boolean duet, boolean failOnInconclusive, Path outputFolder, Path home) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final long DEFAULT_MAX_SECONDS = 600;
    public static final int DEFAULT_MAX_ROUNDS = 200;

    public AbOptions {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(recipe, "recipe");
        workloads = List.copyOf(workloads);
        cases = List.copyOf(cases);
        parameters = Map.copyOf(parameters);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
