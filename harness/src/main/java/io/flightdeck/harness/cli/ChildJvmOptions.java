package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.run.RunProgress;
import io.flightdeck.harness.runner.ChildRuntime;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerChooser;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * {@code --sampler}, {@code --jvm-args}, {@code --java} and {@code --classpath}: how {@code run} and
 * {@code leak-check} start children. The options only; what they come to is the library's ({@link ChildJvms}).
 */
final class ChildJvmOptions {

    /** Under the home folder: the extracted async-profiler agent, one folder per version and checksum. */
    static final String CACHE_FOLDER = ChildRuntime.CACHE_FOLDER;

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "CPU and allocation sampler of the children: auto (default: the best that loads), "
                    + "async-profiler, jfr-cpu-time (JDK 25+ on Linux) or jfr")
    String sampler = Sampler.AUTO.id();

    @Mixin
    SamplingIntervalOptions intervals;

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
        return ChildJvms.builder().sampler(sampler).cpuInterval(intervals.cpuInterval).allocInterval(intervals.allocInterval)
                .wallInterval(intervals.wallInterval).java(java)
                .jvmArgs(tokens(jvmArgs))
                .userClassPath(classPath.resolve()).recording(recording).resolve(cacheRoots, warnings(err));
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
        return ChildJvms.decide(ChildJvms.sampler(sampler), java, cacheRoots, warnings(err));
    }

    /** The library's warnings (a sampler's fallback) as the command line says them, on stderr. */
    static RunProgress warnings(PrintWriter err) {
        return new RunProgress() {
            @Override
            public void warning(String message) {
                err.println("flightdeck: warning: " + message);
                err.flush();
            }
        };
    }

    /** The home's cache, else the temporary folder's: a read-only home must not cost the sampler. */
    static List<Path> cacheRoots(Path home) {
        return ChildRuntime.cacheRoots(home);
    }

    /** {@code --jvm-args} split as a shell splits words ({@link ChildJvms#splitFlags}); unbalanced quotes are a usage error. */
    static List<String> tokens(String text) {
        try {
            return ChildJvms.splitFlags(text);
        } catch (RunInputException e) {
            throw new UsageException(e.getMessage());
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
