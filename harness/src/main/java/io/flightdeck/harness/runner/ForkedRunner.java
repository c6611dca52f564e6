package io.flightdeck.harness.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.child.ChildMain;
import io.flightdeck.child.ChildResult;
import io.flightdeck.child.ChildSpec;
import io.flightdeck.child.ParentWatch;
import io.flightdeck.child.Progress;
import io.flightdeck.child.files.FileTrees;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.layout.RunLayout;
import io.flightdeck.harness.sampler.RecordingMerge;
import io.flightdeck.harness.sampler.Sampler;
import io.flightdeck.harness.sampler.SamplerFlags;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadContext;

/**
 * Runs each workload of a plan in child JVMs, one fork at a time, and collects how each ended. A child that
 * throws, runs out of memory, crashes or overruns its time limit becomes a failed fork with its exit code, the tail
 * of its stderr and whatever recording it left; the run goes on with the next.
 */
public final class ForkedRunner {

    /** After a polite stop (SIGTERM, which lets JFR dump its recording), how long before the JVM is killed. */
    static final long GRACE_SECONDS = 15;
    static final int STDERR_TAIL_LINES = 30;

    /**
     * Children still running, with their scratch folders, so that a run interrupted with Ctrl-C leaves neither JVMs
     * nor their databases behind: a shutdown hook stops them (SIGTERM, so their recordings are still written), waits
     * for them a while, and deletes their scratch. (A parent killed with SIGKILL runs no hook: then each child sees
     * its standard input close and ends itself, see {@link io.flightdeck.child.ParentWatch}.)
     */
    private static final RunningChildren RUNNING = new RunningChildren();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ForkedRunner::stopAll, "flightdeck-stop-children"));
    }

    /** Stops every running child, waits for each (bounded) and deletes its scratch folder. */
    static void stopAll() {
        Map<Process, Path> running = RUNNING.stopStarting(); // no fork starts after this: the hook could not stop it
        running.keySet().forEach(ForkedRunner::askToStop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        running.forEach((p, scratch) -> {
            try {
                long left = deadline - System.nanoTime();
                if (!p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteScratch(scratch);
        });
    }

    /** Deletes a fork's scratch folder (its database), whatever state the child left it in. */
    static void deleteScratch(Path scratch) {
        FileTrees.deleteQuietly(scratch); // a file a user holds open elsewhere may stay
    }

    private final ObjectMapper json = Json.mapper();
    private final RunListener listener;
    private final List<String> launcher;

    public ForkedRunner(RunListener listener) {
        this(listener, List.of());
    }

    /**
     * @param launcher words put before each child's command, e.g. {@code taskset -c 1}: an A/B duet pins each side's
     *                 fork to CPUs of its own (the launcher must exec the JVM, so that its pid is the JVM's)
     */
    public ForkedRunner(RunListener listener, List<String> launcher) {
        this.listener = listener;
        this.launcher = List.copyOf(launcher);
    }

    /**
     * The outcomes of every fork of every workload, in plan order. The forks run in rounds: fork 1 of every workload,
     * then fork 2 of every workload, and so on. A shared machine has slow spells that last tens of seconds and that
     * nothing inside the VM can see; run back to back, all forks of one workload can fall into the same spell and
     * the whole workload looks slower. Spread over rounds, a spell slows one fork of several workloads instead,
     * and a comparison that needs every fork pair beyond its limit (see RunComparator) is not fooled by it.
     */
    public List<List<ForkOutcome>> run(RunPlan plan) throws IOException {
        List<Workload> workloads = plan.workloads();
        List<List<ForkOutcome>> all = new ArrayList<>();
        workloads.forEach(w -> all.add(new ArrayList<>()));
        int forks = plan.suite().forks();
        for (int fork = 1; fork <= forks; fork++) {
            for (int index = 0; index < workloads.size(); index++) {
                Workload workload = workloads.get(index);
                listener.workloadStarted(index + 1, workloads.size(), workload, fork, forks);
                // a fork that could not even start fails alone; the others still may
                all.get(index).add(runOne(plan, workload, fork));
            }
        }
        return all;
    }

    /**
     * One fork of one workload, numbered {@code fork}, as {@link #run} runs each: an A/B comparison interleaves the
     * forks of two plans itself.
     */
    public ForkOutcome runOne(RunPlan plan, Workload workload, int fork) {
        ForkOutcome outcome;
        try {
            outcome = runFork(plan, workload, fork);
        } catch (IOException e) {
            outcome = new ForkOutcome(fork, null, false, 0, null,
                    "the child JVM could not be started: " + e.getMessage(), List.of(), null, List.of());
        }
        listener.forkFinished(workload, outcome);
        return outcome;
    }

    /** The folder of one workload in the run. */
    public static Path workloadDirectory(RunPlan plan, Workload workload) {
        return RunLayout.workloadFolder(plan.directory(), workload.name());
    }

    private ForkOutcome runFork(RunPlan plan, Workload workload, int fork) throws IOException {
        Path dir = Files.createDirectories(workloadDirectory(plan, workload));
        Path resultFile = dir.resolve(RunLayout.forkFile(RunLayout.RESULT, "json", fork));
        Path recording = dir.resolve(RunLayout.forkFile(RunLayout.RECORDING, "jfr", fork));
        Path specFile = dir.resolve(RunLayout.forkFile(RunLayout.SPEC, "json", fork));
        Path stdout = dir.resolve(RunLayout.forkFile(RunLayout.CHILD_STDOUT, "log", fork));
        Path stderr = dir.resolve(RunLayout.forkFile(RunLayout.CHILD_STDERR, "log", fork));
        Files.deleteIfExists(resultFile);
        Files.deleteIfExists(recording);
        Files.deleteIfExists(SamplerFlags.agentRecording(recording));

        ChildSpec spec = new ChildSpec(workload.name(), fork, plan.suite().scale(), plan.seed(), dir,
                plan.parameters(), plan.suite().coldStartOperations(), plan.suite().warmupIterations(),
                plan.suite().measurementIterations(), plan.suite().iterationMillis(), resultFile,
                plan.leakCheck(), casesOf(plan, workload));
        Json.writeAtomically(json, specFile, spec);

        List<String> command = new ArrayList<>(launcher);
        command.addAll(ChildCommand.build(plan, specFile, recording));
        // stdin stays a pipe this JVM holds open and never writes: the child sees it close when this JVM dies
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Path scratch = dir.resolve(WorkloadContext.SCRATCH_FOLDER);
        long began = System.nanoTime();
        Process process = RUNNING.start(builder::start, scratch);
        listener.childStarted(workload, fork, process.pid());
        Thread pump = pumpStdout(process, stdout, workload);
        boolean finished;
        try {
            finished = process.waitFor(plan.suite().timeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                stop(process);
            }
            pump.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + workload.name() + " ran", e);
        }
        RUNNING.remove(process);
        if (!process.isAlive()) {
            deleteScratch(scratch); // a crashed or stopped child never closed its store; a finished one did already
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Integer exitCode = process.isAlive() ? null : process.exitValue();

        ChildResult result = readResult(resultFile, workload, fork);
        List<String> tail = tail(stderr);
        if (result == null) {
            // a JVM that dies hard (a crash, a native error) says so on stdout, not stderr
            tail = new ArrayList<>(tail);
            tail.addAll(tail(stdout).stream().filter(l -> !l.startsWith("[")).toList()); // skip -Xlog lines
        }
        mergeAgentRecording(plan, workload, fork, recording);
        Path left = Files.isRegularFile(recording) && Files.size(recording) > 0 ? recording : null;
        String failure = failure(finished, exitCode, result, plan.suite().timeoutSeconds(), tail);
        return new ForkOutcome(fork, exitCode, !finished, seconds, result, failure, failure == null ? List.of() : tail,
                left, ChildCommand.recorded(command));
    }

    /** The plan's case labels this workload has; empty, every case, when the plan names none. */
    static List<String> casesOf(RunPlan plan, Workload workload) {
        if (plan.cases().isEmpty()) {
            return List.of();
        }
        List<String> kept = workload.cases(plan.suite().scale()).stream().map(c -> c.label())
                .filter(plan.cases()::contains).toList();
        if (kept.isEmpty()) { // an empty list would run every case: the caller checks the labels first
            throw new IllegalArgumentException(workload.name() + " has none of the cases " + plan.cases());
        }
        return kept;
    }

    /** async-profiler's file appended to the JDK's recording: one recording per child for the user. */
    private static void mergeAgentRecording(RunPlan plan, Workload workload, int fork, Path recording) {
        if (!plan.jfr() || plan.child().sampler().used() != Sampler.ASYNC_PROFILER) {
            return;
        }
        String warning;
        try {
            warning = RecordingMerge.appendAgentRecording(recording, SamplerFlags.agentRecording(recording));
        } catch (IOException e) {
            warning = "async-profiler's recording could not be appended to " + recording.getFileName() + ": "
                    + e.getMessage();
        }
        if (warning != null) {
            System.err.println("flightdeck: warning: " + workload.name() + " fork " + fork + ": " + warning);
        }
    }

    private static String failure(boolean finished, Integer exitCode, ChildResult result, long timeout,
                                  List<String> tail) {
        if (!finished) {
            return "did not finish within its time limit of " + timeout + " s and was stopped";
        }
        if (result != null && ChildResult.FAILED.equals(result.status())) {
            return result.failure();
        }
        if (exitCode != null && exitCode != 0) {
            String last = tail.stream().filter(ForkedRunner::explainsAFailure).reduce((a, b) -> b).orElse(null);
            return "the JVM " + exitDescription(exitCode) + (result == null ? " and left no result" : "")
                    + (last == null ? "" : ": " + last.strip());
        }
        if (result == null) {
            return "the JVM exited without a readable result";
        }
        return null;
    }

    private static boolean explainsAFailure(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.contains("error") || l.contains("exception");
    }

    /** "exited with code 70 (the workload failed)", "was killed by signal 9 (SIGKILL ...)". */
    static String exitDescription(int code) {
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL: kill -9, or the kernel's out-of-memory killer)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT: the JVM aborted, see its hs_err file)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
            return "was killed by signal " + signal + name;
        }
        return "exited with code " + code + switch (code) {
            case ChildMain.EXIT_WORKLOAD_FAILED -> " (the workload failed)";
            case ChildMain.EXIT_BAD_SPEC -> " (it could not read its spec)";
            case ChildMain.EXIT_NO_RESULT -> " (it could not write its result)";
            case ParentWatch.EXIT_PARENT_GONE -> " (it lost its parent process)";
            case ParentWatch.EXIT_TIME_LIMIT -> " (it ran past its own time limit)";
            default -> "";
        };
    }

    /**
     * The child's result, or null when there is none or it is not one this parent can trust: unreadable, another
     * schema version, another workload or fork, or missing the parts a report needs.
     */
    private ChildResult readResult(Path file, Workload workload, int fork) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ChildResult r = json.readValue(file.toFile(), ChildResult.class);
            boolean usable = r != null && r.schemaVersion() == ChildResult.SCHEMA_VERSION
                    && workload.name().equals(r.workload()) && r.fork() == fork && r.status() != null
                    && r.cases() != null && r.cases().stream().allMatch(c -> c != null && c.label() != null
                    && c.histogram() != null && c.iterations() != null && c.latency() != null && c.metrics() != null);
            return usable ? r : null;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable result is no result; the failure says so
        }
    }

    /** SIGTERM first so the JVM runs its shutdown hooks and JFR writes the recording; then kill. */
    private static void stop(Process process) throws InterruptedException {
        askToStop(process);
        if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * SIGTERM, through the process's handle: {@link Process#destroy()} also closes the child's stdin, which the child
     * takes for its parent's death and halts at once, without writing its recording.
     */
    private static void askToStop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.toHandle().destroy();
    }

    /** Copies the child's stdout to a file, passing progress lines to the listener. */
    private Thread pumpStdout(Process process, Path file, Workload workload) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(Progress.MARKER)) {
                        listener.progress(workload, line.substring(Progress.MARKER.length()));
                    } else {
                        out.println(line);
                    }
                }
            } catch (IOException e) {
                // the child is gone; its stdout only ever carried progress and logs
            }
        }, "flightdeck-stdout-" + workload.name());
        t.setDaemon(true);
        t.start();
        return t;
    }

    static List<String> tail(Path file) {
        Deque<String> lines = new ArrayDeque<>();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (lines.size() == STDERR_TAIL_LINES) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException e) {
            return List.of("(stderr unreadable: " + e.getMessage() + ")");
        }
        return List.copyOf(lines);
    }
}
