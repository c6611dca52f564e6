package io.flightdeck.jmh;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Where the recordings of one JMH fork go, agreed between the profiler (which writes them, inside the benchmarks' JMH)
 * and Flightdeck (which reads them back beside JMH's JSON results):
 * {@code <root>/<benchmark>/<parameters>/fork-<n>/} for measured forks and {@code warmup-fork-<n>} for JMH's warm-up
 * forks, whose results JMH throws away.
 *
 * <p>The parameter folder is JMH's {@code @Param} values by name in name order, {@code size=10,mode=fast}, or
 * {@code default} without parameters: the same label Flightdeck gives the case. Characters a file system may refuse
 * are percent-encoded, so that any parameter value makes one valid folder name.
 */
public final class ForkFolders {

    /** The parameter label of a benchmark without {@code @Param}s. */
    public static final String NO_PARAMETERS = "default";

    private ForkFolders() {
    }

    /** {@code size=10,mode=fast}: the values by name in name order, or {@link #NO_PARAMETERS}. */
    public static String parameterLabel(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return NO_PARAMETERS;
        }
        StringJoiner label = new StringJoiner(",");
        new TreeMap<>(parameters).forEach((name, value) -> label.add(name + "=" + value));
        return label.toString();
    }

    /** The folder of one fork; {@code fork} counts from 1 within measured and warm-up forks alike. */
    public static Path fork(Path root, String benchmark, Map<String, String> parameters, int fork, boolean warmup) {
        return root.resolve(safe(benchmark)).resolve(safe(parameterLabel(parameters)))
                .resolve((warmup ? "warmup-fork-" : "fork-") + fork);
    }

    /** A name safe as one path element on every file system: letters, digits and {@code .-_=,} kept. */
    static String safe(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || ".-_=,".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        String s = out.toString();
        // "." and ".." would not be folders of their own
        return s.equals(".") || s.equals("..") ? s.replace(".", "%2E") : s;
    }
}
