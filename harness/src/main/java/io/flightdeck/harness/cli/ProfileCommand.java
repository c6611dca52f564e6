package io.flightdeck.harness.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.flightdeck.child.files.Json;
import io.flightdeck.child.files.ResultWriteException;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.sampler.ChildJava;
import io.flightdeck.harness.sampler.RecordingMerge;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerDecision;
import io.flightdeck.harness.sampler.SamplerFlags;

/**
 * {@code flightdeck profile [options] -- java …}: any Java program under the recording settings of a run's
 * children (JFR, DebugNonSafepoints, the sampler), then {@code analyze} on what it recorded.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "flightdeck profile [OPTIONS] -- java [JVM-OPTIONS] MAIN-CLASS|-jar JAR|-m MODULE [ARGS...]",
        description = {"Run any Java command line under Java Flight Recorder and a CPU and allocation sampler, as a "
                + "run's workloads are, then analyse the recording as `analyze` does. The flags go right after the "
                + "java executable; the program's input and output pass through.",
                "Writes recording.jfr, profile.json (the command, its exit code, the sampler) and recording-analysis/ "
                        + "(report.html, analysis.json, folded stacks, flame graphs) into the output folder.",
                "Exit code 0 when the program exited 0 and its recording was analysed, 1 when the program exited "
                        + "otherwise or left no readable recording, 2 on bad input."})
public final class ProfileCommand implements Callable<Integer> {

    /** The recording's name in the output folder; the analysis goes beside it, as {@code analyze} puts it. */
    static final String RECORDING = "recording.jfr";
    static final String PROFILE_JSON = "profile.json";
    /** Without {@code --out}: a new folder here, named by the time, as run folders are. */
    static final Path DEFAULT_PARENT = Path.of("target", "flightdeck", "profiles");
    /** After a Ctrl-C, how long the program may take to write its recording before this JVM ends. */
    static final long INTERRUPT_GRACE_SECONDS = 30;
    /** JFR announces its recording on stdout at level info; "warning" does not silence it, "error" does. */
    static final String QUIET_JFR_START = "-Xlog:jfr+startup=error";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "output folder (default: target/flightdeck/profiles/<time>-profile, a new one each time); "
                    + "one that holds a recording already is refused")
    Path out;

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "CPU and allocation sampler: auto (default: the best that loads), async-profiler, "
                    + "jfr-cpu-time (JDK 25+ on Linux) or jfr")
    String sampler = Sampler.AUTO.id();

    @Mixin
    SamplingIntervalOptions intervals;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE",
            description = "JFR settings: profile (default), default, or a .jfc file")
    String jfrSettings = "profile";

    @Option(names = "--gc-roots", description = "record the paths from old objects to their GC roots (for leaks; "
            + "a pause at the end)")
    boolean gcRoots;

    @Option(names = "--top", paramLabel = "N", description = "rows per ranking in the analysis, 1 to "
            + OptionRules.MAX_TOP + " (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int top;

    @Parameters(paramLabel = "JAVA-COMMAND", arity = "0..*",
            description = "the program: a java executable (a path, or a name found on PATH) and its arguments")
    List<String> command = new ArrayList<>();

    /** A record of what ran, beside the recording: the page of the analysis does not know it. */
    record ProfileRecord(List<String> command, List<String> profiledCommand, Integer exitCode, String java,
                         String javaVersion, String samplerAsked, String samplerUsed, String samplerReason,
                         String samplerEvery) {
    }

    @Override
    public Integer call() throws Exception {
        List<String> program = program();
        ChildJava java = java(program.get(0));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path dir = outputFolder();
        Path recording = dir.resolve(RECORDING);
        // nothing of ours runs in the program to see where a warm-up ends: its allocation interval is fixed
        SamplerDecision decision = intervals.apply(ChildJvmOptions.decide(sampler, java, ChildJvmOptions.cacheRoots(
                io.flightdeck.harness.run.HomeFolders.resolve(null).directory()), stderr), stderr).withoutPacing();

        List<String> profiled = new ArrayList<>();
        profiled.add(program.get(0));
        profiled.add(QUIET_JFR_START); // the program's stdout is the user's: no "Started recording 1" in it
        profiled.addAll(SamplerFlags.recordingFlags(recording, jfrSettings, gcRoots, decision));
        profiled.addAll(program.subList(1, program.size()));
        stdout.println("Flightdeck profile: java " + java.version() + ", sampler " + decision.describe() + ", JFR "
                + jfrSettings + " -> " + dir);
        stdout.flush();

        int exitCode = runProgram(profiled, recording, stderr);
        stdout.println("flightdeck: the program exited with code " + exitCode);
        stdout.flush();
        if (decision.used() == Sampler.ASYNC_PROFILER) {
            mergeAgentRecording(recording, stderr);
        }
        Json.writeAtomically(Json.mapper(), dir.resolve(PROFILE_JSON), new ProfileRecord(program, profiled,
                exitCode, java.executable().toString(), java.version(), decision.asked().id(), decision.used().id(),
                decision.reason(), decision.every()));
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            stderr.println("flightdeck: the program left no recording (" + recording + "): nothing to analyse");
            stderr.flush();
            return ExitCodes.CHECK_FAILED;
        }
        stdout.flush();
        // analyze itself, as if typed: its folder layout, its page, its summary and its checks, never a copy
        CommandLine analyze = spec.commandLine().getParent().getSubcommands().get("analyze");
        int analysed = analyze.execute(recording.toString(), "--top", String.valueOf(top));
        if (analysed != ExitCodes.OK) {
            return analysed == ExitCodes.USAGE ? ExitCodes.CHECK_FAILED : analysed; // the recording is not the user's input
        }
        return exitCode == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** What follows {@code --}; bad input when there is no {@code --} or nothing after it. */
    private List<String> program() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (!args.contains("--")) {
            throw new UsageException("profile: put the program after --, e.g. flightdeck profile -- java -cp app.jar "
                    + "Main");
        }
        if (command.isEmpty()) {
            throw new UsageException("profile: no java command after --, e.g. flightdeck profile -- java -jar app.jar");
        }
        return List.copyOf(command);
    }

    /** The java of the command: a path, or a name looked up on PATH as a shell would; it must run as a java. */
    static ChildJava java(String executable) {
        String found = executable.contains(File.separator) ? executable : onPath(executable);
        if (found == null) {
            throw new UsageException("profile: '" + executable + "' is not on PATH");
        }
        try {
            return ChildJava.resolve(found);
        } catch (IllegalArgumentException e) {
            throw new UsageException("profile: " + e.getMessage());
        }
    }

    private static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            try {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path: the shell skips it too
            }
        }
        return null;
    }

    /** {@code --out}, created when missing and refused when it holds a recording; else a new folder. */
    private Path outputFolder() throws IOException {
        Path dir;
        if (out == null) {
            dir = io.flightdeck.harness.run.RunFolder.claimNew(DEFAULT_PARENT, RunIds.askedNow("profile"));
        } else {
            dir = out.toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ResultWriteException(dir, e);
            }
            if (Files.exists(dir.resolve(RECORDING)) || Files.exists(AnalysisFolder.besides(dir.resolve(RECORDING)))) {
                throw new UsageException("--out " + dir + " holds a profile already (" + RECORDING
                        + "): choose another folder");
            }
        }
        if (dir.toString().contains(",")) { // JFR's filename= and the agent's file= cannot hold a comma
            throw new UsageException("--out " + dir + ": a folder whose path has a comma cannot hold recordings");
        }
        return dir;
    }

    /**
     * The program with this terminal's input and output: it is the user's, not ours. A Ctrl-C reaches the program
     * too (one process group); while it writes its recording, this JVM waits for it a while and appends the agent's
     * file, so that what is left is one recording for {@code analyze}.
     */
    private static int runProgram(List<String> profiled, Path recording, PrintWriter stderr)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(profiled).inheritIO().start();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            interrupted.set(true);
            try {
                if (p.waitFor(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    mergeAgentRecording(recording, stderr);
                }
            } catch (InterruptedException | IOException e) {
                // shutting down: the JDK's recording stays as it is
            }
            stderr.println("flightdeck: interrupted; `flightdeck analyze " + recording + "` analyses what was "
                    + "recorded");
            stderr.flush();
        }, "flightdeck-profile-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            int exitCode = p.waitFor();
            if (interrupted.get()) {
                onInterrupt.join(); // the hook does the rest, and then this JVM ends
            }
            return exitCode;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the rest
            }
        }
    }

    /** async-profiler's file appended to the JDK's, when there is one. */
    private static synchronized void mergeAgentRecording(Path recording, PrintWriter stderr) throws IOException {
        Path agent = SamplerFlags.agentRecording(recording);
        if (!Files.exists(agent) && Files.exists(recording)) {
            return; // merged already, or a sampler without a file of its own
        }
        String warning = RecordingMerge.appendAgentRecording(recording, agent);
        if (warning != null) {
            stderr.println("flightdeck: warning: " + warning);
            stderr.flush();
        }
    }
}
