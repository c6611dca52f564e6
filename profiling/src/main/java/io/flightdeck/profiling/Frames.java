package io.flightdeck.profiling;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Names of what a recording's constant pools hold: stack traces as root-first frame names (the form the flame
 * graphs' call trees take), methods, classes and threads.
 *
 * <p>Why the caches: a recording stores each stack trace and method once per chunk in its constant pools, and the
 * JDK's parser hands out the same {@link RecordedStackTrace} and {@link RecordedMethod} object for every event of
 * the chunk that refers to it. Naming them once per object instead of once per event is what keeps a pass over a
 * 100 MB recording in seconds. The caches are identity maps (a stack's equality would cost what they save) and are
 * emptied when they grow past {@link #MAX_CACHED}, so memory stays bounded on any recording.
 */
public final class Frames {

    public static final String UNKNOWN_SITE = "[no stack trace]";
    /**
     * The root frame given to a stack JFR cut short (it keeps the top frames, 64 unless {@code stackdepth} says
     * otherwise): the real root is lost, and without a shared marker each cut stack would start a root of its own.
     */
    public static final String TRUNCATED = "[truncated stack]";
    /** Entries a cache holds before it starts again; each is a few hundred bytes at most. */
    public static final int MAX_CACHED = 200_000;
    private static final String[] EMPTY = new String[0];

    private final Map<RecordedStackTrace, String[]> stacks = new IdentityHashMap<>();
    private final Map<RecordedMethod, String> methods = new IdentityHashMap<>();
    private final Map<RecordedClass, String> classes = new IdentityHashMap<>();
    private final Map<RecordedThread, String> threads = new IdentityHashMap<>();

    /** A class's name; classes are pooled like stacks, so this is a lookup for all but the first event. */
    public String className(RecordedClass c) {
        if (c == null) {
            return "[unknown class]";
        }
        return cached(classes, c, k -> MethodNames.normalise(readable(k.getName())));
    }

    /**
     * A class name as Java source writes it: the JVM's array names ("[B", "[[Ljava.lang.String;") become "byte[]",
     * "java.lang.String[][]", as {@code jfr view} prints them; other names are kept.
     */
    static String readable(String name) {
        if (name == null || name.isEmpty() || name.charAt(0) != '[') {
            return name;
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element = name.substring(dims);
        String type = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
        };
        return type == null ? name : type + "[]".repeat(dims);
    }

    /** A thread's name as {@link Threads#name} gives it, cached the same way. */
    public String threadName(RecordedThread t) {
        if (t == null) {
            return Threads.name(null);
        }
        return cached(threads, t, Threads::name);
    }

    private static <K> String cached(Map<K, String> cache, K key, java.util.function.Function<K, String> name) {
        String n = cache.get(key);
        if (n == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            n = name.apply(key);
            cache.put(key, n);
        }
        return n;
    }

    /**
     * The stack's frames, root first, under a {@link #TRUNCATED} root when JFR cut it; shared, do not modify.
     * Empty for an event without a stack trace.
     */
    public String[] rootFirst(RecordedStackTrace stack) {
        if (stack == null) {
            return EMPTY;
        }
        String[] cached = stacks.get(stack);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> frames = stack.getFrames(); // top first
        int n = frames.size();
        int marker = stack.isTruncated() ? 1 : 0;
        String[] names = new String[n + marker];
        if (marker == 1) {
            names[0] = TRUNCATED;
        }
        for (int i = 0; i < n; i++) {
            names[n - 1 - i + marker] = name(frames.get(i));
        }
        if (stacks.size() >= MAX_CACHED) {
            stacks.clear();
        }
        stacks.put(stack, names);
        return names;
    }

    /** The top frame's method of a root-first stack: the allocation site, the blocking call, the hot method. */
    public static String top(String[] rootFirst) {
        return rootFirst.length == 0 ? UNKNOWN_SITE : rootFirst[rootFirst.length - 1];
    }

    private String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "[unknown]" : cached(methods, m, Frames::methodName);
    }

    /**
     * async-profiler writes its native frames as methods with a made-up descriptor: C and C++ code as
     * {@code ()L;} with the library as the "class" ({@code libc.so.6}, {@code libjvm.so}) or none, the kernel's as
     * {@code (Lk;)L;}. No Java method has either (a class name is never empty).
     */
    static final String NATIVE_DESCRIPTOR = "()L;";
    static final String KERNEL_DESCRIPTOR = "(Lk;)L;";
    /** The suffix of kernel frames, as async-profiler's own output marks them (the flame graphs colour it). */
    public static final String KERNEL_SUFFIX = "_[k]";

    /**
     * A method's name: Java methods in the JDK's form ({@link MethodNames}); async-profiler's native frames as their
     * symbol, e.g. {@code deflate_slow} or {@code Mutex::lock}, as its converter names them, and kernel frames as
     * the symbol and {@value #KERNEL_SUFFIX}.
     */
    static String methodName(RecordedMethod m) {
        String descriptor = m.getDescriptor();
        boolean kernel = KERNEL_DESCRIPTOR.equals(descriptor);
        if (kernel || NATIVE_DESCRIPTOR.equals(descriptor)) {
            String symbol = m.getName() == null || m.getName().isEmpty() ? "[unknown]"
                    : MethodNames.nativeSymbol(m.getName());
            return kernel ? symbol + KERNEL_SUFFIX : symbol;
        }
        return MethodNames.of(m);
    }

    /**
     * Whether a frame runs native code: a JNI method (JFR's frame type "Native"), or async-profiler's C, C++ and
     * kernel frames.
     */
    public static boolean isNative(RecordedFrame frame) {
        String type = frame.getType();
        if ("Native".equals(type) || "C++".equals(type) || "Kernel".equals(type)) {
            return true;
        }
        RecordedMethod m = frame.getMethod();
        return m != null && (NATIVE_DESCRIPTOR.equals(m.getDescriptor()) || KERNEL_DESCRIPTOR.equals(m.getDescriptor()));
    }
}
