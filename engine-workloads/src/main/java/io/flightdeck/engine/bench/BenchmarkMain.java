package io.flightdeck.engine.bench;

import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH benchmarks with JMH's own command line ({@code -h} lists it), for
 * {@code mvn -pl engine-workloads -am compile exec:java -Dexec.mainClass=io.flightdeck.engine.bench.BenchmarkMain
 * -Dexec.args="..."}. {@code java -cp engine-workloads/target/flightdeck-engine.jar org.openjdk.jmh.Main} (JMH's
 * own main) takes the same arguments; {@code scripts/bench} is the documented way to run the suite.
 *
 * <p>Three things differ from JMH's main:
 * <ul>
 *   <li>Under exec:java, {@code java.class.path} is Maven's launcher, and JMH builds each fork's {@code -cp} from
 *       it: forks would find none of our classes. So the class path is rebuilt from the class loader that loaded
 *       this class before JMH reads it.</li>
 *   <li>{@code shouldFailOnError(true)} always: a benchmark that throws, or a fork that dies, fails the run with
 *       exit code 1 instead of leaving a gap in the results.</li>
 *   <li>Without {@code -rf}/{@code -rff}, results are written as JSON to
 *       {@code engine-workloads/target/jmh-result.json},
 *       as scripts/bench does.</li>
 * </ul>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bad JMH arguments: " + e.getMessage() + " (try -h)");
            System.exit(2);
            return;
        }
        if (cli.shouldHelp()) {
            try {
                cli.showHelp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers() || cli.shouldListResultFormats()) {
            // listing is JMH's business; its main handles every listing flag
            try {
                org.openjdk.jmh.Main.main(args);
            } catch (Exception e) {
                System.err.println("cannot list benchmarks: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        useClassLoaderClassPath();
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(cli).shouldFailOnError(true);
        if (!cli.getResult().hasValue() && !cli.getResultFormat().hasValue()) {
            // like scripts/bench: results where scripts/jmh-table.py looks for them
            builder.resultFormat(ResultFormatType.JSON).result(defaultResultFile());
        }
        Options options = builder.build();
        try {
            new Runner(options).run();
        } catch (NoBenchmarksException e) {
            System.err.println("no benchmark matches " + cli.getIncludes() + " (-l lists them)");
            System.exit(2);
        } catch (RunnerException e) {
            System.err.println("benchmark run failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** engine-workloads/target/jmh-result.json from the repo root (where exec:java runs), else target/. */
    static String defaultResultFile() {
        Path dir = Files.isDirectory(Path.of("engine-workloads")) ? Path.of("engine-workloads", "target") : Path.of("target");
        return dir.resolve("jmh-result.json").toString();
    }

    /**
     * Makes {@code java.class.path} the class path this class was really loaded from, when that differs (exec:java,
     * an IDE runner). A plain {@code java -cp ...} launch is left alone.
     */
    static void useClassLoaderClassPath() {
        ClassLoader loader = BenchmarkMain.class.getClassLoader();
        if (!(loader instanceof URLClassLoader urls)) {
            return; // the application class loader: java.class.path is already right
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                System.err.println("warning: class path entry " + url + " is not a local file; forks will not see it");
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
