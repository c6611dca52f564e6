package io.flightdeck.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.run.ExitCode;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * What every goal shares: where Flightdeck writes, the project's class path it runs on, and how what Flightdeck ends
 * with becomes the build's result.
 */
abstract class AbstractFlightdeckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skip the goal. */
    @Parameter(property = "flightdeck.skip", defaultValue = "false")
    boolean skip;

    /**
     * Whose classes the workloads run with: {@code test} (the default: main and test classes and every dependency)
     * or {@code runtime} (main classes and the compile and runtime dependencies).
     */
    @Parameter(property = "flightdeck.classpathScope", defaultValue = "test")
    String classpathScope;

    /** Where baselines and the history live. */
    @Parameter(property = "flightdeck.home", defaultValue = "${project.basedir}/.flightdeck")
    File home;

    /**
     * A shared results store for history and baselines instead of the home's files:
     * {@code jdbc:postgresql://HOST[:PORT]/DB}, credentials from PGUSER/PGPASSWORD or the pgpass file, never in the
     * URL (docs/results-store.md). Unset: FLIGHTDECK_RESULTS_URL of the build's environment, else the home.
     */
    @Parameter(property = "flightdeck.resultsUrl")
    String resultsUrl;

    /** Where run folders ({@code runs/<run-id>}) and comparisons ({@code compare/<id>}) are written. */
    @Parameter(property = "flightdeck.outputDirectory", defaultValue = "${project.build.directory}/flightdeck")
    File outputDirectory;

    /**
     * Fail the build when a check fails (Flightdeck's exit code 1: a budget exceeded, a workload failed, a leak found,
     * a regression against the baseline). Off by default: the build goes on with a warning. Bad input (exit code 2)
     * and a failure of Flightdeck itself (3) fail the build either way.
     */
    @Parameter(property = "flightdeck.failOnCheck", defaultValue = "false")
    boolean failOnCheck;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Flightdeck skipped (flightdeck.skip)");
            return;
        }
        FlightdeckInvocation.Outcome outcome;
        try (MavenLogProgress progress = new MavenLogProgress(getLog())) {
            outcome = invoke(new FlightdeckInvocation(home.toPath(), resultsUrl, outputDirectory.toPath(),
                    needsProjectClassPath() ? projectClassPath() : null, progress));
        } catch (RunInputException | WorkloadRegistry.InvalidWorkloadException | ResultWriteException e) {
            throw badInput(e); // as the command line's exit code 2
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Flightdeck failed: " + e, e); // as its exit code 3
        }
        judge(outcome, failOnCheck, getLog());
    }

    /** Whether the goal runs on the project's class path (the A/B goal builds its own two). */
    boolean needsProjectClassPath() {
        return true;
    }

    /** The goal's work, through the library. */
    abstract FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws IOException;

    /** Input Flightdeck cannot use (its exit code 2): the build fails with its one line, and no stack trace. */
    static MojoExecutionException badInput(Exception e) {
        return new MojoExecutionException("flightdeck: " + e.getMessage());
    }

    /** What the build makes of Flightdeck's exit code. */
    static void judge(FlightdeckInvocation.Outcome outcome, boolean failOnCheck, Log log)
            throws MojoExecutionException, MojoFailureException {
        switch (outcome.exitCode()) {
            case ExitCode.OK -> log.info("Flightdeck: every check held; results in " + outcome.folder());
            case ExitCode.CHECK_FAILED -> {
                String message = "Flightdeck: a check failed (a budget, a workload, a leak or a regression); results in "
                        + outcome.folder();
                if (failOnCheck) {
                    throw new MojoFailureException(message);
                }
                log.warn(message);
                log.warn("The build goes on: set failOnCheck (-Dflightdeck.failOnCheck=true) to fail it.");
            }
            case ExitCode.USAGE -> throw new MojoExecutionException(Objects.requireNonNullElse(outcome.errorLine(),
                    "Flightdeck: bad input (exit code 2)"));
            default -> throw new MojoExecutionException("Flightdeck failed (exit code " + outcome.exitCode() + ")"
                    + (outcome.errorLine() != null ? ": " + outcome.errorLine() : ""));
        }
    }

    /** The project's class path of {@link #classpathScope}; null when none of it exists (nothing compiled). */
    private UserClassPath projectClassPath() throws MojoExecutionException {
        List<String> elements;
        try {
            elements = switch (classpathScope) {
                case "test" -> project.getTestClasspathElements();
                case "runtime" -> project.getRuntimeClasspathElements();
                default -> throw new MojoExecutionException("classpathScope '" + classpathScope
                        + "': use test or runtime");
            };
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's dependencies are not resolved: " + e.getMessage(), e);
        }
        // Maven lists target/test-classes even for a project without tests: an entry that is not there is left out
        List<Path> entries = elements.stream().map(Path::of).filter(Files::exists)
                .map(p -> p.toAbsolutePath().normalize()).toList();
        return entries.isEmpty() ? null : new UserClassPath(entries);
    }
}
