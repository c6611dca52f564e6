package io.flightdeck.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.codehaus.plexus.util.cli.CommandLineUtils;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.run.ChildClassPaths;
import io.flightdeck.harness.runner.ChildRuntime;
import io.flightdeck.harness.sampler.AsyncProfilerLibrary;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerChooser;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * {@code --sampler}, {@code --jvm-args}, {@code --java} and {@code --classpath}: how {@code run} and
 * {@code leak-check} start children.
 */
final class ChildJvmOptions {

    /** Under the home folder: the extracted async-profiler agent, one folder per version and checksum. */
    static final String CACHE_FOLDER = ChildRuntime.CACHE_FOLDER;

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "CPU and allocation sampler of the children: auto (default: the best that loads), "
                    + "async-profiler, jfr-cpu-time (JDK 25+ on Linux) or jfr")
    String sampler = Sampler.AUTO.id();

    @Option(names = "--jvm-args", paramLabel = "\"FLAGS\"",
            description = "extra JVM flags for every child, split as a shell would, e.g. \"-XX:+UseCompressedOops "
                    + "-Dkey='a b'\"")
    String jvmArgs;

    @Option(names = "--java", paramLabel = "PATH",
            description = "run the children on this java (an executable or a JDK home; default: the JDK running "
                    + "this command)")
    String java;

    @Mixin
    ClassPathOption classPath;

    /**
     * The children's java, flags and sampler; the sampler tried once for real (see {@link SamplerChooser}). A
     * sampler that falls back is a warning on {@code err}, never a failed command.
     *
     * @param cacheRoots where the agent may be extracted, the first that takes it
     * @param recording  false when the children run without a recording (no sampler is tried)
     */
    ChildJvm resolve(List<Path> cacheRoots, boolean recording, PrintWriter err) {
        ChildJava childJava = childJava(java);
        List<String> flags = tokens(jvmArgs);
        List<Path> childClassPath = ChildClassPaths.of(classPath.resolve(), cacheRoots);
        SamplerDecision decision = recording ? decide(sampler, childJava, cacheRoots, err) : SamplerDecision.JFR;
        return new ChildJvm(childJava, flags, decision, childClassPath);
    }

    /** The user's class path ({@code --classpath}, {@code FLIGHTDECK_CLASSPATH}), or null when none was given. */
    UserClassPath userClassPath() {
        return classPath.resolve();
    }

    /** Whether {@code --classpath} itself was given, rather than left to its variable. */
    boolean classPathGiven() {
        return classPath.classPath != null;
    }

    /** The workloads the children will find (the user's with {@code --classpath}). */
    WorkloadRegistry workloads() {
        return classPath.workloads();
    }

    /** The sampler named {@code sampler} (checked by OptionRules) or its fallback, warning on {@code err}. */
    static SamplerDecision decide(String sampler, ChildJava java, List<Path> cacheRoots, PrintWriter err) {
        SamplerDecision decision = SamplerChooser.choose(Sampler.byId(sampler), java, () -> extract(cacheRoots));
        warn(err, decision);
        return decision;
    }

    static void warn(PrintWriter err, SamplerDecision decision) {
        if (decision.warning()) {
            err.println("flightdeck: warning: sampler " + decision.used().id() + " instead of "
                    + decision.asked().id() + ": " + decision.reason());
            err.flush();
        }
    }

    /** The home's cache, else the temporary folder's: a read-only home must not cost the sampler. */
    static List<Path> cacheRoots(Path home) {
        return ChildRuntime.cacheRoots(home);
    }

    private static Path extract(List<Path> roots) throws IOException {
        IOException first = null;
        for (Path root : roots) {
            try {
                return AsyncProfilerLibrary.extract(root);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw first == null ? new IOException("no cache folder") : first;
    }

    /** {@code --java}: the command's own JDK when not given; a path that is no runnable java is a usage error. */
    static ChildJava childJava(String given) {
        if (given == null) {
            return ChildJava.current();
        }
        try {
            return ChildJava.resolve(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--java " + e.getMessage());
        }
    }

    /**
     * Flags split as a shell splits words: on blanks, with single or double quotes around a word or part of one that
     * holds blanks ({@code -Dname="a b"}), as JMH's -jvmArgs. An empty or blank text gives none; unbalanced quotes
     * are a usage error.
     */
    static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            // the library splits on spaces only: tabs and line breaks (a flag list pasted from a file) are blanks too
            return List.of(CommandLineUtils.translateCommandline(text.replaceAll("[\\t\\r\\n\\f]", " ")));
        } catch (Exception e) { // the library declares Exception; it throws for unbalanced quotes
            throw new UsageException("--jvm-args '" + text + "': " + e.getMessage());
        }
    }

    /** One terminal line: the sampler in use (and why, when it fell back), the children's java and extra flags. */
    static void print(PrintWriter out, ChildJvm child, boolean recording) {
        out.println("Children: sampler " + (recording ? child.sampler().describe() : "none (no recording)")
                + ", java " + child.java().version() + (child.java().explicit() ? " (" + child.java().executable()
                + ")" : "") + (child.jvmArgs().isEmpty() ? "" : ", JVM args " + String.join(" ", child.jvmArgs()))
                + (child.inheritsClassPath() ? "" : ", your class path + Flightdeck's child runtime")); // in report.json
    }
}
