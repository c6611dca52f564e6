package io.flightdeck.child;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.child.measure.resources.ResourceMeter;
import io.flightdeck.child.files.Json;
import io.flightdeck.child.sampling.AllocationPacer;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * The entry point of a child JVM: reads {@code spec.json}, runs the workload's cases, writes {@code result.json}.
 *
 * <p>Exit codes: 0 the workload ran; {@value #EXIT_WORKLOAD_FAILED} it threw (the result file says what, with the
 * cases that finished before); {@value #EXIT_BAD_SPEC} the spec could not be read; {@value #EXIT_NO_RESULT} the
 * result could not be written. A JVM that dies without a result
 * file (a crash, a kill) is recognised by the parent from the missing file.
 */
public final class ChildMain {

    /** Distinct from the command line's own exit codes (0-3), so a child's code is never mistaken for one. */
    public static final int EXIT_WORKLOAD_FAILED = 70;
    public static final int EXIT_BAD_SPEC = 64;
    public static final int EXIT_NO_RESULT = 74;

    private ChildMain() {
    }

    public static void main(String[] args) {
        ObjectMapper json = Json.mapper();
        ChildSpec spec;
        try {
            if (args.length != 1) {
                throw new IOException("usage: ChildMain SPEC.json");
            }
            spec = json.readValue(Path.of(args[0]).toFile(), ChildSpec.class);
        } catch (IOException e) {
            System.err.println("flightdeck child: cannot read the spec: " + e.getMessage());
            System.exit(EXIT_BAD_SPEC);
            return;
        }
        ParentWatch.start(spec.directory().resolve(WorkloadContext.SCRATCH_FOLDER)); // a kill -9'd parent: end too
        Instant started = Instant.now();
        List<CaseResult> cases = new ArrayList<>();
        String failure = null;
        try {
            failure = run(spec, json, cases);
        } catch (Throwable t) { // an OutOfMemoryError or a workload's bug is a failed workload, reported, not a crash
            failure = describe(t);
            t.printStackTrace();
        }
        ChildResult result = new ChildResult(ChildResult.SCHEMA_VERSION, spec.workload(), spec.fork(),
                failure == null ? ChildResult.OK : ChildResult.FAILED, failure, started, Instant.now(), jvmFacts(),
                List.copyOf(cases));
        int exit = failure == null ? 0 : EXIT_WORKLOAD_FAILED;
        try {
            Json.writeAtomically(json, spec.resultFile(), result);
        } catch (Throwable e) { // even an OutOfMemoryError here must end in an exit, not a JVM left running
            System.err.println("flightdeck child: cannot write the result: " + e);
            exit = EXIT_NO_RESULT;
        } finally {
            haltIfTheExitHangs(exit);
            // exit explicitly: a workload may leave non-daemon threads behind; JFR dumps on this exit
            System.exit(exit);
        }
    }

    /** How long the JVM's own shutdown (JFR's dump, the profiler's file) may take before the child halts. */
    static final long EXIT_GRACE_SECONDS = 60;

    /**
     * The result is written; if the JVM's shutdown then hangs (seen once after an OutOfMemoryError: no JFR recording
     * came out and the child sat until its time limit, reported as "did not finish" instead of its real failure),
     * halt with the same exit code, so the parent reads the result instead of waiting for its time limit.
     */
    private static void haltIfTheExitHangs(int exit) {
        try {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(EXIT_GRACE_SECONDS * 1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("flightdeck child: the JVM's shutdown did not end within " + EXIT_GRACE_SECONDS
                        + " s (a recording being written?): halting");
                Runtime.getRuntime().halt(exit);
            }, "flightdeck-exit-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        } catch (Throwable e) { // no heap or thread left for it: exit as before
        }
    }

    private static String run(ChildSpec spec, ObjectMapper json, List<CaseResult> cases) throws Exception {
        Workload workload = WorkloadRegistry.load().find(spec.workload()).orElse(null);
        if (workload == null) {
            return "no workload named '" + spec.workload() + "' on the child's class path";
        }
        Files.createDirectories(spec.directory());
        ResourceMeter.warmUp(); // pay OSHI's start-up before anything is measured
        WorkloadContext context = new WorkloadContext(spec.scale(), spec.seed(), spec.directory(), spec.parameters());
        Progress progress = new Progress(System.out);
        CaseRunner runner = new CaseRunner(spec, progress, json, AllocationPacer.fromSystemProperties(System.err));
        List<WorkloadCase> workloadCases = workload.cases(spec.scale());
        if (workloadCases == null || workloadCases.isEmpty()) {
            return "the workload has no cases at scale " + spec.scale();
        }
        if (!spec.cases().isEmpty()) { // the parent checked the labels; a case it did not ask for is not run
            workloadCases = workloadCases.stream().filter(c -> spec.cases().contains(c.label())).toList();
            if (workloadCases.isEmpty()) {
                return "none of the cases " + spec.cases() + " at scale " + spec.scale();
            }
        }
        if (workloadCases.stream().map(WorkloadCase::label).distinct().count() != workloadCases.size()) {
            return "the workload's case labels are not unique: " + workloadCases.stream().map(WorkloadCase::label).toList();
        }
        boolean first = true;
        for (WorkloadCase c : workloadCases) {
            CaseResult done = runner.run(workload, context, c, first);
            cases.add(done);
            first = false;
            if (done.heapFull() != null) {
                break; // the heap stays full of what the workload keeps: the next case could measure nothing
            }
        }
        return null;
    }

    /** One line: the exception, its message and where it was thrown from. */
    static String describe(Throwable t) {
        StringBuilder line = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            line.append(": ").append(t.getMessage().replace('\n', ' '));
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            line.append(" (at ").append(trace[0]).append(')');
        }
        if (t.getCause() != null && t.getCause() != t) {
            line.append("; caused by ").append(t.getCause().getClass().getSimpleName());
            if (t.getCause().getMessage() != null) {
                line.append(": ").append(t.getCause().getMessage().replace('\n', ' '));
            }
        }
        return line.toString();
    }

    private static ChildResult.JvmFacts jvmFacts() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        return new ChildResult.JvmFacts(System.getProperty("java.vendor"), System.getProperty("java.version"),
                runtime.getInputArguments(), gcs, Runtime.getRuntime().maxMemory(), ProcessHandle.current().pid());
    }
}
