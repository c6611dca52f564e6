package io.flightdeck.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.JmhOptions;

/**
 * Runs the project's own JMH benchmarks with its own JMH, every fork recorded and analysed, and writes Flightdeck's
 * run folder: per benchmark analysis and flame graphs, report.html, a baseline comparison, the history
 * ({@code flightdeck jmh}). The project is compiled first; its class path of {@code classpathScope} must hold JMH and
 * the benchmarks, compiled with JMH's annotation processor.
 */
@Mojo(name = "profile-jmh", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class ProfileJmhMojo extends AbstractFlightdeckMojo {

    /**
     * JMH's own options and benchmark patterns, split as a shell would, e.g. {@code -f 2 -wi 3 -i 5 LruCache}
     * (-rf and -rff are Flightdeck's; JMH's GC profiler is added unless given).
     */
    @Parameter(property = "flightdeck.jmhArgs")
    String jmhArgs;

    /** The forks' CPU and allocation sampler: auto, async-profiler, jfr-cpu-time or jfr. */
    @Parameter(property = "flightdeck.sampler")
    String sampler;

    /** A CPU sample per this much of a thread's CPU time, 1ms to 1s (default 20ms: the speed is measured). */
    @Parameter(property = "flightdeck.cpuInterval")
    String cpuInterval;

    /** With async-profiler, an allocation sample per this many bytes allocated, 1KiB to 1GiB (default 512KiB). */
    @Parameter(property = "flightdeck.allocInterval")
    String allocInterval;

    /**
     * With async-profiler, also a wall-clock sample of every thread per this much time, 1ms to 1s, or off (the
     * default): where off-CPU time went, however short each wait.
     */
    @Parameter(property = "flightdeck.wallInterval")
    String wallInterval;

    /** Extra JVM flags for every fork, split as a shell would (JMH's own -jvmArgs works too). */
    @Parameter(property = "flightdeck.jvmArgs")
    String jvmArgs;

    /** A budgets file naming benchmarks as workloads (default: the class path's own, if any). */
    @Parameter(property = "flightdeck.budgets")
    File budgets;

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

    /** Profile each fork's whole JVM rather than JMH's measured iterations. */
    @Parameter(property = "flightdeck.wholeJvm", defaultValue = "false")
    boolean wholeJvm;

    /** Leave the result out of the history in the home folder. */
    @Parameter(property = "flightdeck.noHistory", defaultValue = "false")
    boolean noHistory;

    @Override
    FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws IOException {
        return flightdeck.jmh(options(), ChildJvms.builder().sampler(sampler).cpuInterval(cpuInterval)
                .allocInterval(allocInterval).wallInterval(wallInterval).jvmArgs(ChildJvms.splitFlags(jvmArgs)));
    }

    /** The run's options from the parameters. */
    JmhOptions.Builder options() {
        return JmhOptions.builder().jmhArguments(ChildJvms.splitWords("jmhArgs", jmhArgs))
                .budgets(budgets == null ? null : budgets.toPath()).baseline(baseline).saveBaseline(saveBaseline)
                .regressionLimit(regressionLimit).busyCores(busyCores).failOnInconclusive(failOnInconclusive)
                .wholeJvm(wholeJvm).history(!noHistory)
                .arguments(new GoalArguments("profile-jmh").add("jmhArgs", jmhArgs).add("sampler", sampler)
                        .add("cpuInterval", cpuInterval).add("allocInterval", allocInterval)
                        .add("wallInterval", wallInterval).add("jvmArgs", jvmArgs).add("budgets", budgets).add("baseline", baseline)
                        .add("saveBaseline", saveBaseline).add("regressionLimit", regressionLimit)
                        .add("busyCores", busyCores).add("failOnInconclusive", failOnInconclusive)
                        .add("wholeJvm", wholeJvm).add("noHistory", noHistory).list());
    }
}
