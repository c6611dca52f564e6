package io.flightdeck.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: where Flightdeck writes, the project's class path it runs on, and how its exit code
 * becomes the build's result.
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
        FlightdeckInvocation flightdeck = new FlightdeckInvocation(home.toPath(), outputDirectory.toPath(),
                projectClasspath(), getLog());
        FlightdeckInvocation.Outcome outcome;
        try {
            outcome = invoke(flightdeck);
        } catch (UncheckedIOException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        judge(outcome, failOnCheck, getLog());
    }

    /** The goal's command. */
    abstract FlightdeckInvocation.Outcome invoke(FlightdeckInvocation flightdeck) throws MojoFailureException;

    /** What the build makes of Flightdeck's exit code. */
    static void judge(FlightdeckInvocation.Outcome outcome, boolean failOnCheck,
                      org.apache.maven.plugin.logging.Log log) throws MojoExecutionException, MojoFailureException {
        switch (outcome.exitCode()) {
            case 0 -> log.info("Flightdeck: every check held; results in " + outcome.folder());
            case 1 -> {
                String message = "Flightdeck: a check failed (a budget, a workload, a leak or a regression); results in "
                        + outcome.folder();
                if (failOnCheck) {
                    throw new MojoFailureException(message);
                }
                log.warn(message);
                log.warn("The build goes on: set failOnCheck (-Dflightdeck.failOnCheck=true) to fail it.");
            }
            case 2 -> throw new MojoFailureException(Objects.requireNonNullElse(outcome.errorLine(),
                    "Flightdeck: bad input (exit code 2)"));
            default -> throw new MojoExecutionException("Flightdeck failed (exit code " + outcome.exitCode() + ")"
                    + (outcome.errorLine() != null ? ": " + outcome.errorLine() : ""));
        }
    }

    private List<Path> projectClasspath() throws MojoFailureException {
        List<String> elements;
        try {
            elements = switch (classpathScope) {
                case "test" -> project.getTestClasspathElements();
                case "runtime" -> project.getRuntimeClasspathElements();
                default -> throw new MojoFailureException("classpathScope '" + classpathScope
                        + "': use test or runtime");
            };
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoFailureException("the project's dependencies are not resolved: " + e.getMessage(), e);
        }
        // Maven lists target/test-classes even for a project without tests: an entry that is not there is left out
        return elements.stream().map(Path::of).filter(java.nio.file.Files::exists).toList();
    }
}
