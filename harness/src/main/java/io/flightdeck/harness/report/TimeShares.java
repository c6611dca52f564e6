package io.flightdeck.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.profiling.threads.ThreadStates;

/**
 * The working threads' time by state in one short phrase, "62% Java, 21% native, 9% lock, 5% waiting, 3% other",
 * for the terminal and the report: states under half a percent are left out, "other" (what no event explains) never.
 */
public final class TimeShares {

    private static final Map<String, String> WORDS = Map.of(ThreadStates.JAVA, "Java", ThreadStates.NATIVE, "native",
            ThreadStates.BLOCKED, "lock", ThreadStates.WAITING, "waiting", ThreadStates.SLEEPING, "sleeping",
            ThreadStates.FILE_IO, "file I/O", ThreadStates.SOCKET_IO, "socket I/O", ThreadStates.OTHER, "other");

    private TimeShares() {
    }

    /** All measured threads' shares by state, in the states' order; null when nothing was measured. */
    public static Map<String, Double> of(ThreadStates states) {
        if (states == null || states.threads() == 0) {
            return null;
        }
        return shares(states.total());
    }

    /** The working threads' shares by state; null when nothing was measured or no thread worked. */
    public static Map<String, Double> ofWorking(ThreadStates states) {
        if (states == null || states.threads() == 0 || states.workingThreads() == 0) {
            return null;
        }
        return shares(states.working());
    }

    private static Map<String, Double> shares(List<ThreadStates.StateTime> states) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String state : ThreadStates.STATES) {
            shares.put(state, Math.round(ThreadStates.percent(states, state) * 10) / 10.0);
        }
        return shares;
    }

    /**
     * Whose shares {@link ThreadStates#headline} gives: "1 working thread of 14", or "14 threads" when none worked
     * (", 2,000 of them virtual" added when any were);
     * null if nothing was measured.
     */
    public static String whose(ThreadStates states) {
        if (states == null || states.threads() == 0) {
            return null;
        }
        String virtual = states.virtualThreads() == 0 ? ""
                : String.format(Locale.ROOT, ", %,d of them virtual", states.virtualThreads());
        if (states.workingThreads() == 0) {
            return String.format(Locale.ROOT, "%,d thread%s%s", states.threads(), states.threads() == 1 ? "" : "s",
                    virtual);
        }
        return String.format(Locale.ROOT, "%,d working thread%s of %,d%s", states.workingThreads(),
                states.workingThreads() == 1 ? "" : "s", states.threads(), virtual);
    }

    public static String line(List<ThreadStates.StateTime> total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        total.forEach(s -> shares.put(s.state(), s.percent()));
        return line(shares);
    }

    public static String line(Map<String, Double> shares) {
        List<String> parts = new ArrayList<>();
        for (String state : ThreadStates.STATES) {
            Double p = shares.get(state);
            if (p != null && (p >= 0.5 || ThreadStates.OTHER.equals(state))) {
                parts.add(String.format(Locale.ROOT, "%.0f%% %s", p, WORDS.get(state)));
            }
        }
        return String.join(", ", parts);
    }
}
