package io.flightdeck.junit;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of this JVM by class, as {@code jcmd <pid> GC.class_histogram} gives them: taking one runs a
 * full collection first, so what it counts is what is reachable. Read through the JVM's own DiagnosticCommand
 * MBean, in-process.
 *
 * @param bytes     live bytes of every class together
 * @param instances live instances of every class together
 * @param byClass   instances and bytes per class name (Java's spelling: {@code byte[]}, not {@code [B})
 */
public record ClassHistogram(long bytes, long instances, Map<String, long[]> byClass) {

    // "   1:         12345        1234567  [B (java.base@17.0.15)"; the module part is absent before JDK 9 and
    // for classes of the class path
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    /** One class's change between two histograms. */
    public record ClassGrowth(String className, long instances, long bytes) {
    }

    /** Collects the heap fully and counts what is left. */
    public static ClassHistogram take() {
        String text;
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            text = String.valueOf(out);
        } catch (JMException e) {
            throw new IllegalStateException("this JVM does not give a class histogram (DiagnosticCommand MBean): "
                    + e.getMessage(), e);
        }
        return parse(text);
    }

    /**
     * A histogram to measure growth from. Why two: a histogram is itself a few hundred live objects (a name and
     * counts per class), and the one taken after the work counts the one taken before it. So the baseline is taken
     * while an identical histogram is alive, and the instrument cancels out of {@code after - before}.
     */
    public static ClassHistogram baseline() {
        ClassHistogram stand = take();
        ClassHistogram baseline = take();
        Reference.reachabilityFence(stand);
        return baseline;
    }

    /** Reads the text of {@code GC.class_histogram}. */
    static ClassHistogram parse(String text) {
        Map<String, long[]> byClass = new HashMap<>();
        long bytes = -1;
        long instances = -1;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                byClass.merge(readable(row.group(3)), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = TOTAL.matcher(line.trim());
            if (total.find()) {
                instances = Long.parseLong(total.group(1));
                bytes = Long.parseLong(total.group(2));
            }
        }
        if (bytes < 0) {
            throw new IllegalStateException("not a class histogram: no Total line");
        }
        return new ClassHistogram(bytes, instances, Map.copyOf(byClass));
    }

    /** The classes that grew most in bytes from {@code before} to this, at most {@code top} of them. */
    public List<ClassGrowth> grewSince(ClassHistogram before, int top) {
        List<ClassGrowth> grown = new ArrayList<>();
        byClass.forEach((name, now) -> {
            long[] then = before.byClass.getOrDefault(name, new long[2]);
            if (now[1] > then[1]) {
                grown.add(new ClassGrowth(name, now[0] - then[0], now[1] - then[1]));
            }
        });
        grown.sort(Comparator.comparingLong(ClassGrowth::bytes).reversed().thenComparing(ClassGrowth::className));
        return List.copyOf(grown.subList(0, Math.min(top, grown.size())));
    }

    /** "[B" as "byte[]", "[Ljava.lang.String;" as "java.lang.String[]"; other names as they are. */
    static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = jvmName.substring(dims);
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
        return type == null ? jvmName : type + "[]".repeat(dims);
    }
}
