package io.flightdeck.profiling;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;

/**
 * Method names in the JDK's own form, as {@code jfr view} prints them: the declaring class in full, parameters by
 * simple name, e.g. {@code java.lang.Integer.getChars(int, int, byte[])} or
 * {@code java.nio.HeapByteBuffer.<init>(int, int, MemorySegmentProxy)}, from a method's class, name and descriptor.
 */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "[unknown]" : of(m);
    }

    public static String of(RecordedMethod m) {
        String type = m.getType() == null ? "[unknown]" : m.getType().getName();
        return type + "." + m.getName() + "(" + parameters(m.getDescriptor()) + ")";
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
