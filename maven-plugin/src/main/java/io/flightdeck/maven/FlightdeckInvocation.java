package io.flightdeck.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.maven.plugin.logging.Log;

import io.flightdeck.harness.cli.Flightdeck;
import io.flightdeck.harness.home.RunIds;

/**
 * The plugin's one way into Flightdeck: every goal's work is done by the harness, in Maven's JVM, through this class.
 *
 * <p>It writes the command line Flightdeck's CLI would be given and runs it in-process through {@link
 * Flightdeck#commandLine()}, which returns the exit code and never calls {@code System.exit}; what the CLI prints goes
 * to Maven's log. The project's class path goes in as {@code --classpath}: Flightdeck reads the project's workloads
 * through a class loader of their own, and each child JVM runs on exactly the project's class path plus Flightdeck's
 * child runtime (relocated libraries), never the plugin's dependencies. (The CLI is itself a thin caller of the
 * harness's run library; calling the library directly needs a public way to resolve the children's sampler, which
 * today lives in the CLI's options.)
 */
final class FlightdeckInvocation {

    /**
     * What a command ended with.
     *
     * @param exitCode Flightdeck's exit code: 0 every check held, 1 a check failed, 2 bad input, 3 Flightdeck failed
     * @param errorLine the last line Flightdeck wrote on its error stream (its one-line message on exit 2 and 3), or
     *                  null
     * @param folder the run or comparison folder
     */
    record Outcome(int exitCode, String errorLine, Path folder) {
    }

    private final Path home;
    private final Path outputDirectory;
    private final List<Path> projectClasspath;
    private final Log log;

    /**
     * @param home where baselines and the history live
     * @param outputDirectory where run folders ({@code runs/<run-id>}) and comparisons ({@code compare/<id>}) go
     * @param projectClasspath the project's classes and dependencies, on which its workloads run
     */
    FlightdeckInvocation(Path home, Path outputDirectory, List<Path> projectClasspath, Log log) {
        this.home = home;
        this.outputDirectory = outputDirectory;
        this.projectClasspath = List.copyOf(projectClasspath);
        this.log = log;
    }

    Outcome run(RunOptions options) {
        Path folder = claimFolder(outputDirectory.resolve("runs"),
                RunIds.askedNow(options.suite() != null ? options.suite() : "quick"));
        return execute(runArguments(options, projectClasspath, home, folder), folder);
    }

    Outcome leakCheck(LeakCheckOptions options) {
        Path folder = claimFolder(outputDirectory.resolve("runs"), RunIds.askedNow("leak-check"));
        return execute(leakCheckArguments(options, projectClasspath, home, folder), folder);
    }

    Outcome compare(CompareOptions options) {
        Path folder = claimFolder(outputDirectory.resolve("compare"), RunIds.askedNow("compare"));
        return execute(compareArguments(options, home, folder), folder);
    }

    static List<String> runArguments(RunOptions o, List<Path> classpath, Path home, Path folder) {
        List<String> args = new ArrayList<>(List.of("run"));
        add(args, "--suite", o.suite());
        add(args, "--forks", o.forks());
        add(args, "--warmup", o.warmup());
        add(args, "--iterations", o.iterations());
        add(args, "--iteration-ms", o.iterationMillis());
        add(args, "--timeout", o.timeoutSeconds());
        add(args, "--baseline", o.baseline());
        add(args, "--save-baseline", o.saveBaseline());
        add(args, "--regression-limit", o.regressionLimit());
        if (o.noConfirm()) {
            args.add("--no-confirm");
        }
        addChild(args, o.child(), classpath);
        addLocations(args, home, folder);
        return args;
    }

    static List<String> leakCheckArguments(LeakCheckOptions o, List<Path> classpath, Path home, Path folder) {
        List<String> args = new ArrayList<>(List.of("leak-check"));
        add(args, "--duration", o.duration());
        add(args, "--checkpoint-ms", o.checkpointMillis());
        add(args, "--limit-bytes-per-op", o.limitBytesPerOperation());
        add(args, "--limit-bytes-per-s", o.limitBytesPerSecond());
        addChild(args, o.child(), classpath);
        addLocations(args, home, folder);
        return args;
    }

    static List<String> compareArguments(CompareOptions o, Path home, Path folder) {
        List<String> args = new ArrayList<>(List.of("compare"));
        add(args, "--regression-limit", o.regressionLimit());
        add(args, "--budgets", o.budgets());
        addLocations(args, home, folder);
        args.add("--"); // A and B are never options, whatever they start with
        args.add(o.baseline());
        args.add(o.current());
        return args;
    }

    private static void addChild(List<String> args, ChildOptions c, List<Path> classpath) {
        c.workloads().forEach(w -> add(args, "--workload", w));
        if (!classpath.isEmpty()) {
            add(args, "--classpath", classpath.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        add(args, "--budgets", c.budgets());
        add(args, "--sampler", c.sampler());
        add(args, "--jvm-args", c.jvmArgs());
        add(args, "--heap", c.heap());
        for (Map.Entry<String, String> p : c.parameters().entrySet()) {
            add(args, "--param", p.getKey() + "=" + p.getValue());
        }
        if (c.noHistory()) {
            args.add("--no-history");
        }
    }

    private static void addLocations(List<String> args, Path home, Path folder) {
        add(args, "--home", home);
        add(args, "--out", folder);
    }

    /** {@code --name=value}: one word, so a value that starts with '-' (JVM flags) is never read as an option. */
    private static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option + "=" + value);
        }
    }

    private Outcome execute(List<String> args, Path folder) {
        log.debug("flightdeck " + String.join(" ", args));
        MavenLogWriter out = new MavenLogWriter(log::info);
        MavenLogWriter err = new MavenLogWriter(log::warn);
        int exitCode;
        try {
            exitCode = Flightdeck.commandLine()
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
        } finally {
            out.close();
            err.close();
            removeIfEmpty(folder);
        }
        return new Outcome(exitCode, err.lastLine(), folder);
    }

    /** Bad input is refused before the folder is used: an empty folder would read as a run that left nothing. */
    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // the run's folder: kept
        } catch (IOException e) {
            // an empty folder left behind misleads no check: nothing to report
        }
    }

    /**
     * A new folder {@code <parent>/<name>}, or {@code <name>-2}, {@code -3} ... when a run started in the same second
     * has it: {@link Files#createDirectory} creates it or fails because it exists, so two builds never share one.
     */
    static Path claimFolder(Path parent, String name) {
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                Path candidate = parent.resolve(n == 1 ? name : name + "-" + n);
                try {
                    return Files.createDirectory(candidate).toAbsolutePath().normalize();
                } catch (FileAlreadyExistsException e) {
                    // taken: the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + parent + ": " + e.getMessage(), e);
        }
    }
}
