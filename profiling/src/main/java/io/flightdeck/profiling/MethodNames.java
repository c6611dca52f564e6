package io.flightdeck.profiling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;

/**
 * Method names in the JDK's own form, as {@code jfr view} prints them: the declaring class in full, parameters by
 * simple name, e.g. {@code java.lang.Integer.getChars(int, int, byte[])} or
 * {@code java.nio.HeapByteBuffer.<init>(int, int, MemorySegmentProxy)}, from a method's class, name and descriptor.
 *
 * <p>Names are {@linkplain #normalise normalised}: the parts of generated classes' names that differ from one JVM to
 * the next (hidden-class addresses, lambda and proxy counters) are dropped, so two runs of the same code name their
 * frames alike and a differential flame graph can match them.
 */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "[unknown]" : of(m);
    }

    public static String of(RecordedMethod m) {
        String type = m.getType() == null ? "[unknown]" : normalise(m.getType().getName());
        return type + "." + m.getName() + "(" + parameters(m.getDescriptor()) + ")";
    }

    /**
     * A hidden class's address, and JFR's hash after it: {@code +0x00007f591c007a08.360062456} (JDK 17's JFR),
     * {@code .0x0000000082045210} (JDK 21+'s JFR, async-profiler), {@code /0x0000000800c03000} ({@link Class#getName}).
     * No Java identifier starts with a digit, so a segment "0x..." is never a real package, class or method name.
     */
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("[+./]0x\\p{XDigit}+(?:\\.\\d+)?(?=[.;,()\\s]|$)");
    /** Counters the JVM numbers generated classes with, in the order it made them: differ between JVMs. */
    private static final Pattern COUNTER = Pattern.compile(
            "(\\$\\$Lambda|\\$Proxy|(?<![\\w$])jdk\\.proxy|GeneratedMethodAccessor|GeneratedConstructorAccessor"
                    + "|GeneratedSerializationConstructorAccessor)\\$?\\d+");

    /**
     * A class or frame name without its per-JVM parts: {@code Foo$$Lambda$324+0x00007fb9d41d5c28.1210939243} and
     * {@code Foo$$Lambda.0x000001000123} become {@code Foo$$Lambda}, {@code LambdaForm$MH/0x...} becomes
     * {@code LambdaForm$MH}, {@code jdk.proxy2.$Proxy7} becomes {@code jdk.proxy.$Proxy},
     * {@code GeneratedMethodAccessor12} becomes {@code GeneratedMethodAccessor}. Other names are returned as they
     * are. Two lambdas of one class that implement the same method share a name afterwards: the price of matching.
     */
    public static String normalise(String name) {
        if (name == null || (name.indexOf("0x") < 0 && name.indexOf('$') < 0 && name.indexOf("Generated") < 0
                && name.indexOf("jdk.proxy") < 0)) {
            return name; // the common case, without a regular expression
        }
        String out = HIDDEN_SUFFIX.matcher(name).replaceAll("");
        Matcher m = COUNTER.matcher(out);
        return m.find() ? m.replaceAll("$1") : out;
    }

    /** A file async-profiler names a native frame by when the library has no symbols: an absolute path to a library. */
    private static final Pattern LIBRARY_FILE = Pattern.compile(".*/[^/]+(\\.(?:so(?:\\.\\d+)*|dylib|jnilib|tmp))");
    /** What /proc/self/maps adds to a library deleted after loading (Netty deletes its temporary copies). */
    private static final String DELETED = " (deleted)";
    /**
     * Parts that make a library unpacked into a temporary file unique to its JVM: a UUID (sqlite-jdbc), a long random
     * number (Netty's native transports, JNA), with the separator before them.
     */
    private static final Pattern RANDOM_PART = Pattern.compile(
            "[-_.]?(?:\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}|\\d{8,})");

    /**
     * A native frame's symbol, matched across JVMs: when async-profiler could only name the frame by its library's
     * path (a stripped library), the file's name without the random parts of a library unpacked into a temporary
     * file, so that {@code /tmp/sqlite-3.53.4.0-307efe1e-cda2-403c-bdb7-62ca5185aff3-libsqlitejdbc.so} becomes
     * {@code sqlite-3.53.4.0-libsqlitejdbc.so} in every run. Real symbols are returned as they are.
     */
    public static String nativeSymbol(String symbol) {
        if (symbol == null || symbol.indexOf('/') < 0) {
            return symbol;
        }
        String path = symbol.endsWith(DELETED) ? symbol.substring(0, symbol.length() - DELETED.length()) : symbol;
        Matcher library = LIBRARY_FILE.matcher(path);
        if (!library.matches()) {
            return symbol;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        String extension = library.group(1);
        // only the stem: an extension's numbers are a version (libz.so.1.2.13, libfoo.so.20240101)
        String stem = RANDOM_PART.matcher(file.substring(0, file.length() - extension.length())).replaceAll("");
        return stem.isEmpty() ? file : stem + extension;
    }

    /** "(II[BLjava/lang/String;)V" -> "int, int, byte[], String"; a malformed descriptor is kept as it is. */
    static String parameters(String descriptor) {
        if (descriptor == null || descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            return descriptor == null ? "" : descriptor;
        }
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (i < descriptor.length() && descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            if (i >= descriptor.length()) {
                return descriptor;
            }
            char c = descriptor.charAt(i);
            String type;
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                if (end < 0) {
                    return descriptor;
                }
                String binary = descriptor.substring(i + 1, end);
                type = binary.substring(binary.lastIndexOf('/') + 1); // jfr view writes parameters' simple names
                i = end + 1;
            } else {
                type = switch (c) {
                    case 'Z' -> "boolean";
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'S' -> "short";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'F' -> "float";
                    case 'D' -> "double";
                    default -> null;
                };
                if (type == null) {
                    return descriptor;
                }
                i++;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(type).append("[]".repeat(dims));
        }
        return out.toString();
    }
}
