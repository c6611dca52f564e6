package io.flightdeck.maven;

import java.util.List;

import java.io.IOException;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.flightdeck.harness.run.RunOptions;

/**
 * Runs workloads, each in JVMs of its own under Java Flight Recorder, on the project's class path, checks their
 * budgets and writes a report ({@code flightdeck run}). The project is compiled first, test classes included.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends AbstractWorkloadMojo {

    /** quick, standard or nightly: the scale of the workloads' cases and the measurement settings. */
    @Parameter(property = "flightdeck.suite")
    String suite;

    /** Only the cases with these labels, e.g. size=1000, of whichever workload has them (every case by default). */
    @Parameter(property = "flightdeck.cases")
    List<String> cases;

    /** JVMs per workload (the suite's by default). */
    @Parameter(property = "flightdeck.forks")
    Integer forks;

    /** Warm-up iterations per case (the suite's by default). */
    @Parameter(property = "flightdeck.warmup")
    Integer warmup;

    /** Measured iterations per case (the suite's by default). */
    @Parameter(property = "flightdeck.iterations")
    Integer iterations;

    /** Length of an iteration in milliseconds (the suite's by default). */
    @Parameter(property = "flightdeck.iterationMs")
    Long iterationMs;

    /** Time limit per child JVM in seconds (the suite's by default). */
    @Parameter(property = "flightdeck.timeout")
    Long timeout;

    /** Compare the run against this saved baseline; a regression is a failed check. */
    @Parameter(property = "flightdeck.baseline")
    String baseline;

    /** Save the run as a baseline of this name in the home folder. */
    @Parameter(property = "flightdeck.saveBaseline")
    String saveBaseline;

    /** Worse than the baseline by more than this is a regression, e.g. 10% (default: the budgets', else 10%). */
    @Parameter(property = "flightdeck.regressionLimit")
    String regressionLimit;

    /**
     * A side whose other processes used more CPU cores than this on average ran on a busy machine, e.g. 0.5
     * (default 0.25): a regression this run shows on a busy machine is inconclusive.
     */
    @Parameter(property = "flightdeck.busyCores")
    String busyCores;

    /** Fail on an inconclusive comparison too (e.g. this run's machine was busy), not only on a regression. */
    @Parameter(property = "flightdeck.failOnInconclusive", defaultValue = "false")
    boolean failOnInconclusive;

    /** Fail on a regression at once, without running the regressed workloads again to confirm it. */
    @Parameter(property = "flightdeck.noConfirm", defaultValue = "false")
    boolean noConfirm;

    @Override
    FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws IOException {
        return flightdeck.run(options(), childJvm());
    }

    /** The run's options from the parameters; what is not given is left to the library's defaults (the suite's). */
    RunOptions.Builder options() {
        RunOptions.Builder b = RunOptions.builder().workloads(workloadNames()).cases(cases).parameters(parameters())
                .budgets(budgetsFile()).heap(heap).history(!noHistory).baseline(baseline).saveBaseline(saveBaseline)
                .regressionLimit(regressionLimit).busyCores(busyCores).failOnInconclusive(failOnInconclusive)
                .confirm(!noConfirm)
                .arguments(arguments("run").add("suite", suite).add("forks", forks).add("warmup", warmup)
                        .add("iterations", iterations).add("iterationMs", iterationMs).add("timeout", timeout)
                        .add("baseline", baseline).add("saveBaseline", saveBaseline)
                        .add("regressionLimit", regressionLimit).add("busyCores", busyCores)
                        .add("failOnInconclusive", failOnInconclusive).add("noConfirm", noConfirm).list());
        if (suite != null) {
            b.suite(suite);
        }
        if (forks != null) {
            b.forks(forks);
        }
        if (warmup != null) {
            b.warmupIterations(warmup);
        }
        if (iterations != null) {
            b.measurementIterations(iterations);
        }
        if (iterationMs != null) {
            b.iterationMillis(iterationMs);
        }
        if (timeout != null) {
            b.timeoutSeconds(timeout);
        }
        return b;
    }
}
