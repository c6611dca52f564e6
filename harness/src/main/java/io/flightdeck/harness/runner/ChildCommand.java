package io.flightdeck.harness.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.child.ChildMain;
import io.flightdeck.child.ParentWatch;
import io.flightdeck.harness.measure.footprint.JolFlags;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.sampler.SamplerFlags;

/**
 * The command line of a child JVM. Every flag that shapes what is measured is explicit here (heap, collector,
 * recording), so the report can state exactly what ran; the child reads its own input arguments back into the
 * result as proof.
 */
final class ChildCommand {

    /** Frames JFR keeps per stack trace. */
    static final int STACK_DEPTH = SamplerFlags.STACK_DEPTH;

    /**
     * The heap's pages are touched at start-up, before anything is measured. Without it, -Xms only reserves: the
     * collector grows its young generation into pages the kernel has never handed out, and each first touch is a
     * page fault that zeroes a page. On the 2-core VM of docs/PERFORMANCE.md that cost pattern extraction 40 µs of
     * its 57 µs per operation (a third of the process's CPU in the kernel) until the first young collection, which
     * some JVMs reached before measurement and most did not: the JVMs settled at two speeds 3× apart. A server that
     * has run for a minute has touched its heap. The user's {@code -XX:-AlwaysPreTouch} comes later and wins.
     */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    /**
     * {@code FLIGHTDECK_PRE_TOUCH=false} leaves the pre-touch out of every child: for a test suite that starts
     * hundreds of children to check what they report, not how fast they run, where the pre-touch (1.7 s per GB of
     * heap on our CI machines) would add minutes. Anything else keeps it.
     */
    static final String PRE_TOUCH_ENV = "FLIGHTDECK_PRE_TOUCH";

    /** {@link SamplerFlags#OLD_OBJECTS_WITHOUT_STACKS}: a leak check keeps the stacks, a run does not. */
    static final String OLD_OBJECTS_WITHOUT_STACKS = SamplerFlags.OLD_OBJECTS_WITHOUT_STACKS;

    static boolean preTouch(Map<String, String> env) {
        return !"false".equalsIgnoreCase(env.getOrDefault(PRE_TOUCH_ENV, "true").strip());
    }

    private ChildCommand() {
    }

    static List<String> build(RunPlan plan, Path spec, Path recording) {
        return build(plan, spec, recording, System.getenv());
    }

    static List<String> build(RunPlan plan, Path spec, Path recording, Map<String, String> env) {
        ChildJvm child = plan.child();
        int feature = child.java().feature(); // the children's JDK, which may not be this one (--java)
        List<String> cmd = new ArrayList<>();
        cmd.add(child.java().executable().toString());
        String heap = plan.suite().heap();
        cmd.add("-Xms" + heap); // a fixed heap: no resizing pauses during measurement
        cmd.add("-Xmx" + heap);
        cmd.add(plan.gc());
        if (preTouch(env)) {
            cmd.add(PRE_TOUCH);
        }
        if (plan.jfr()) {
            cmd.add("-XX:StartFlightRecording=settings=" + plan.jfrSettings() + ",filename=" + recording
                    + ",dumponexit=true,name=flightdeck"
                    // a leak check names who holds its suspects: JFR then walks to the GC roots at the end (the
                    // same as the settings' memory-leaks=gc-roots, whatever settings file is used)
                    + (plan.leakCheck() ? ",path-to-gc-roots=true"
                            : "profile".equals(plan.jfrSettings()) ? OLD_OBJECTS_WITHOUT_STACKS : "")
                    + SamplerFlags.recordingSettings(child.sampler()));
            // see SamplerFlags.STACK_DEPTH
            cmd.add("-XX:FlightRecorderOptions:stackdepth=" + STACK_DEPTH);
            cmd.addAll(SamplerFlags.jvmFlags(child.sampler(), recording));
        }
        cmd.addAll(JolFlags.forJava(feature));
        if (feature >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc and OSHI's JNA load native code
        }
        cmd.addAll(child.jvmArgs()); // the user's, after ours: the JVM takes the last of a repeated flag
        cmd.add("-Dflightdeck.child=true");
        // the child ends itself when this JVM dies (its stdin, a pipe held here, closes) or long after its time limit
        cmd.add("-D" + ParentWatch.WATCH_PROPERTY + "=" + ParentWatch.STDIN);
        cmd.add("-D" + ParentWatch.TIME_LIMIT_PROPERTY + "=" + ownTimeLimit(plan.suite().timeoutSeconds()));
        cmd.add("-cp");
        // the user's entries and the child runtime, else (no --classpath) this JVM's own class path
        cmd.add(child.inheritsClassPath() ? ChildClasspath.resolve()
                : String.join(File.pathSeparator, child.classPath().stream().map(Path::toString).toList()));
        cmd.add(ChildMain.class.getName());
        cmd.add(spec.toString());
        return cmd;
    }

    /**
     * The command as the report records it, to be copied to run the child again by hand: without the watch on
     * stdin, which ends a child started with {@code </dev/null}, nohup or in CI at once (exit 69) and stops one
     * started in the background with {@code &} (SIGTTIN). Without the property the child does not watch its stdin.
     */
    static List<String> recorded(List<String> command) {
        String watch = "-D" + ParentWatch.WATCH_PROPERTY + "=" + ParentWatch.STDIN;
        return command.stream().filter(arg -> !arg.equals(watch)).toList();
    }

    /**
     * The child's own time limit: later than the parent's, its SIGTERM and the grace before its kill, so that a live
     * parent always stops a late child itself and says why; the child's only matters when the parent cannot.
     */
    static long ownTimeLimit(long timeoutSeconds) {
        long margin = 3 * ForkedRunner.GRACE_SECONDS;
        return timeoutSeconds > Long.MAX_VALUE - margin ? Long.MAX_VALUE : timeoutSeconds + margin;
    }
}
