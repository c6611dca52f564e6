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
 * {@code <root>/<benchmark>/<mode>/<parameters>/fork-<n>/} for measured forks and {@code warmup-fork-<n>} for JMH's
 * warm-up forks, whose results JMH throws away. The mode is JMH's short label ({@code avgt}, {@code thrpt},
 * {@code sample}, {@code ss}): a benchmark run in two modes runs its forks twice, once per mode.
 *
 * <p>The parameter folder is JMH's {@code @Param} values by name in name order, {@code mode=fast,size=10}, or
 * {@code default} without parameters: the same label Flightdeck gives the case. Characters a file system or a JVM
 * option may refuse are percent-encoded, so that any parameter value makes one valid folder name.
 */
public final class ForkFolders {

    /** The parameter label of a benchmark without {@code @Param}s. */
    public static final String NO_PARAMETERS = "default";

    private ForkFolders() {
    }

    /** {@code mode=fast,size=10}: the values by name in name order, or {@link #NO_PARAMETERS}. */
    public static String parameterLabel(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return NO_PARAMETERS;
        }
        StringJoiner label = new StringJoiner(",");
        new TreeMap<>(parameters).forEach((name, value) -> label.add(name + "=" + value));
        return label.toString();
    }

    /** The folder of one fork; {@code fork} counts from 1 within measured and warm-up forks alike. */
    public static Path fork(Path root, String benchmark, String mode, Map<String, String> parameters, int fork,
                            boolean warmup) {
        return parameterSet(root, benchmark, mode, parameters).resolve((warmup ? "warmup-fork-" : "fork-") + fork);
    }

    /** The folder of one benchmark's forks in one mode at one set of parameters. */
    public static Path parameterSet(Path root, String benchmark, String mode, Map<String, String> parameters) {
        return root.resolve(safe(benchmark)).resolve(safe(mode)).resolve(safe(parameterLabel(parameters)));
    }

    /**
     * A name safe as one path element on every file system and inside a JVM option: letters, digits and {@code .-_=}
     * kept. A comma is encoded too, since {@code -XX:StartFlightRecording} and agents split their options on it.
     */
    public static String safe(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || ".-_=".indexOf(c) >= 0) {
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
