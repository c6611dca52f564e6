package io.flightdeck.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a report states the workloads' {@code --param}s: "store=memory, size=3", or "none". */
public final class ReportParameters {

    private ReportParameters() {
    }

    public static String text(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "none";
        }
        List<String> pairs = new ArrayList<>();
        parameters.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(", ", pairs);
    }

    /** ", parameters store=memory" after a suite's name; empty without parameters. */
    public static String suffix(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : ", parameters " + text(parameters);
    }
}
