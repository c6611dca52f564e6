package io.flightdeck.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.flightdeck.harness.run.CompareOptions;

/**
 * Compares a run against a baseline ({@code flightdeck compare A B}): each a run folder, its report.json or the name
 * of a saved baseline; a regression is a failed check.
 */
@Mojo(name = "compare", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
public class CompareMojo extends AbstractFlightdeckMojo {

    /** A, the baseline: a run folder, its report.json (relative to the project's folder) or a saved baseline's name. */
    @Parameter(property = "flightdeck.baseline", required = true)
    String baseline;

    /** B, compared against A: the same kinds. */
    @Parameter(property = "flightdeck.current", required = true)
    String current;

    /** Worse by more than this is a regression, e.g. 10% (default: the budgets', else 10%). */
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

    /** A budgets file whose regressions give metrics limits of their own. */
    @Parameter(property = "flightdeck.budgets")
    File budgets;

    @Override
    FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) {
        return flightdeck.compare(options());
    }

    /** The comparison's options from the parameters. */
    CompareOptions.Builder options() {
        return CompareOptions.builder(inProject(baseline), inProject(current)).regressionLimit(regressionLimit)
                .busyCores(busyCores).failOnInconclusive(failOnInconclusive)
                .budgets(budgets == null ? null : budgets.toPath());
    }

    /** A run folder or file relative to the project's folder, absolute; anything else (a baseline's name) as it is. */
    private String inProject(String source) {
        Path p = project.getBasedir().toPath().resolve(source);
        return Files.exists(p) ? p.toString() : source;
    }
}
