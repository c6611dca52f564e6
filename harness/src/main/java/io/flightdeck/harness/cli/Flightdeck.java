package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * The command line: {@code flightdeck [run|leak-check|jmh|compare|history|export|analyze|profile|flamegraph|list|env] ...}; no
 * subcommand runs the default suite. Exit codes are
 * in {@link ExitCodes}.
 */
@Command(name = "flightdeck", mixinStandardHelpOptions = true, version = "flightdeck 0.1.0",
        description = "Profiles JVM workloads under Java Flight Recorder: latency, resources, footprints, budgets.",
        subcommands = {RunCommand.class, LeakCheckCommand.class, JmhCommand.class, CompareCommand.class, AbCommand.class,
                HistoryCommand.class,
                ExportCommand.class,
                AnalyzeCommand.class, ProfileCommand.class, FlameGraphCommand.class, ListCommand.class,
                EnvCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check held", "1:a check failed (a budget or a workload)", "2:bad input or usage",
                "3:Flightdeck itself failed"})
public final class Flightdeck implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** No subcommand: {@code run} with its defaults, through picocli so it is set up as if typed. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (for tests: no System.exit). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Errors the user can fix: their input, or a workload of theirs that cannot be loaded. */
    private static boolean isUsage(Throwable e) {
        return e instanceof UsageException || e instanceof io.flightdeck.harness.run.RunInputException
                || e instanceof WorkloadRegistry.InvalidWorkloadException
                || e instanceof io.flightdeck.child.files.ResultWriteException; // a full disk, a read-only folder
    }

    /** --help or --version on the command line, at the top or on any subcommand. */
    private static boolean asksForHelp(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Flightdeck());
        cl.registerConverter(Path.class, new PathConverter()); // every command's paths: no empty ones
        // every option's value checked against its rule before any command runs; a request for help or the
        // version is answered whatever the other options say
        cl.setExecutionStrategy(parseResult -> {
            if (!asksForHelp(parseResult)) {
                OptionRules.check(parseResult);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExitCodeExceptionMapper(e -> isUsage(e) ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            // the qualified name is "flightdeck" at the top and "flightdeck run" below it
            err.println("flightdeck: " + ex.getMessage().replace('\n', ' ')
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (isUsage(ex)) {
                err.println("flightdeck: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("flightdeck: internal error: " + ex);
            if (Boolean.getBoolean("flightdeck.debug")) {
                ex.printStackTrace(err);
            } else {
                err.println("flightdeck: run with -Dflightdeck.debug=true for the stack trace");
            }
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
