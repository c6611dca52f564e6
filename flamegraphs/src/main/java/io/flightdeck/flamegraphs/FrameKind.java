package io.flightdeck.flamegraphs;

/**
 * What kind of code a frame ran, as far as a folded file tells (async-profiler's {@code --annotate}
 * suffixes, flamegraph.pl's perf annotations) or a JFR frame type says.
 */
public enum FrameKind {
    /** JIT-compiled Java: suffix {@code _[j]}. */
    JAVA("_[j]"),
    /** Java inlined into its caller: suffix {@code _[i]}. */
    INLINED("_[i]"),
    /** Native or C++ code; the folded format has no suffix for it. */
    NATIVE(""),
    /** Kernel code: suffix {@code _[k]}. */
    KERNEL("_[k]"),
    /** Interpreted Java: suffix {@code _[0]}. */
    INTERPRETED("_[0]"),
    /** Java compiled by C1: suffix {@code _[1]}. */
    C1("_[1]"),
    /** No annotation. */
    UNKNOWN("");

    private final String suffix;

    FrameKind(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix that marks this kind in a folded file, or "" when it has none. */
    public String suffix() {
        return suffix;
    }

    /** The kind whose suffix ends {@code rawFrame}, or UNKNOWN. */
    static FrameKind ofSuffix(String rawFrame) {
        int n = rawFrame.length();
        // Why length > 4: a frame that is nothing but a suffix keeps its text rather than becoming nameless.
        if (n <= 4 || rawFrame.charAt(n - 4) != '_' || rawFrame.charAt(n - 3) != '[' || rawFrame.charAt(n - 1) != ']') {
            return UNKNOWN;
        }
        switch (rawFrame.charAt(n - 2)) {
            case 'j': return JAVA;
            case 'i': return INLINED;
            case 'k': return KERNEL;
            case '0': return INTERPRETED;
            case '1': return C1;
            default: return UNKNOWN;
        }
    }
}
