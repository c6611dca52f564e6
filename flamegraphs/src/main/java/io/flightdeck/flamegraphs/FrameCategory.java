package io.flightdeck.flamegraphs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a frame belongs to, for colouring: the application's own Java, the JDK's, native code, the kernel, the
 * garbage collector, or Flightdeck's harness around a workload. Decided from the frame's name and, where the input
 * said it, its {@link FrameKind}.
 *
 * <p>The rules are heuristics over names as JFR tools and async-profiler print them, dotted
 * ({@code java.util.HashMap.get(Object)}) or slashed ({@code java/util/HashMap.get}):
 * <ul>
 *   <li>kernel: a {@code _[k]} suffix;</li>
 *   <li>GC: a native or C++ frame whose name is HotSpot's collector code (G1, ZGC, Shenandoah, Parallel,
 *       Serial, mark/sweep/evacuate), or a GC thread's root;</li>
 *   <li>JDK: Java in {@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.} (or slashed);</li>
 *   <li>native: a frame the input marked native, a C++ name ({@code Klass::method}), a library or a plain C
 *       symbol (no package dot), or {@code [unknown]};</li>
 *   <li>harness: Flightdeck's own code in {@code io.flightdeck.harness.} (the child's runner, its measurement):
 *       the frames around a workload's operation, not the operation. Workloads live outside that package (a
 *       user's, the engine's {@code io.flightdeck.engine.}), save the harness's own test workloads
 *       ({@code io.flightdeck.harness.testworkloads.}), which are the code under test;</li>
 *   <li>application: any other Java frame.</li>
 * </ul>
 */
public enum FrameCategory {
    APPLICATION("application"),
    JDK("JDK"),
    NATIVE("native"),
    KERNEL("kernel"),
    GC("GC"),
    HARNESS("harness");

    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
        "java/", "javax/", "jdk/", "sun/", "com/sun/"};
    /** The harness and the child runtime that runs workloads in a child JVM (its worker loop, the consumer). */
    private static final String[] HARNESS_PREFIXES = {"io.flightdeck.harness.", "io/flightdeck/harness/",
        "io.flightdeck.child.", "io/flightdeck/child/"};
    /** The harness's test workloads live in its package: the code under test, so application. */
    private static final String[] WORKLOAD_PREFIXES = {"io.flightdeck.harness.testworkloads.",
        "io/flightdeck/harness/testworkloads/"};
    // Why case-sensitive: HotSpot's collector classes are CamelCase ("G1ParScanThreadState", "ZMark"), and
    // lower-case matching would take "log1p" for G1.
    private static final String[] GC_MARKERS = {"G1", "GC", "Shenandoah", "PSScavenge", "PSParallelCompact",
        "PSPromotion", "PSOldGen", "PSYoungGen", "ParallelScavenge", "SerialHeap", "DefNewGeneration",
        "TenuredGeneration", "CollectedHeap", "MarkBitMap", "ConcurrentMark", "Evacuat", "ZMark", "ZRelocate",
        "ZHeap", "ZDriver", "ZTask", "ZPage", "WorkerThread", "GangWorker", "TaskQueue", "ReferenceProcessor",
        "WeakProcessor", "StringDedup", "CardTable", "RemSet", "DirtyCard", "OopClosure", "MarkSweep"};

    /** A shared library's name: "libc.so.6", "libjvm.so"; not "java.util.Arrays.sort" nor "org.apache.solr". */
    private static final Pattern LIBRARY = Pattern.compile("\\.so(\\.\\d+)*$");

    private final String label;

    FrameCategory(String label) {
        this.label = label;
    }

    /** The name a legend shows. */
    public String label() {
        return label;
    }

    /** The category of a frame with this name, read with this kind. */
    public static FrameCategory of(String name, FrameKind kind) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        // a name that still carries its suffix (a tree built in memory, never read from a folded file)
        if (kind == FrameKind.KERNEL || kind == FrameKind.UNKNOWN && FrameKind.ofSuffix(name) == FrameKind.KERNEL) {
            return KERNEL;
        }
        boolean javaKind = kind == FrameKind.JAVA || kind == FrameKind.INLINED || kind == FrameKind.INTERPRETED
                || kind == FrameKind.C1;
        if (!javaKind && (kind == FrameKind.NATIVE || !looksLikeJava(name))) {
            return isGc(name) ? GC : NATIVE;
        }
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return JDK;
            }
        }
        return isHarness(name) ? HARNESS : APPLICATION;
    }

    /**
     * Java frames are {@code package.Class.method...} or {@code package/Class.method...}: a dot or slash before any
     * parenthesis, and no C++ {@code ::}. C symbols ({@code __libc_write}), libraries ({@code libjvm.so}) and
     * placeholders ({@code [unknown]}) are not.
     */
    private static boolean looksLikeJava(String name) {
        if (name.isEmpty() || name.indexOf("::") >= 0 || name.charAt(0) == '[' || LIBRARY.matcher(name).find()) {
            return false;
        }
        int paren = name.indexOf('(');
        String head = paren >= 0 ? name.substring(0, paren) : name;
        if (head.indexOf(' ') >= 0) {
            return false; // "Interpreter", "call_stub" or "thread_native_entry(Thread*)" after a space
        }
        return head.indexOf('.') > 0 || head.indexOf('/') > 0;
    }

    private static boolean isHarness(String name) {
        for (String prefix : WORKLOAD_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        for (String prefix : HARNESS_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGc(String name) {
        for (String marker : GC_MARKERS) {
            if (name.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
