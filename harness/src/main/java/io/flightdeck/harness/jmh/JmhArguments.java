package io.flightdeck.harness.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A project's own JMH options, passed to JMH as given, and what Flightdeck adds to them: its profiler, JMH's GC
 * profiler (bytes allocated per operation, the figure the comparisons test; JMH's own, so that what JMH measured is
 * what Flightdeck compares) and JSON results into the run folder. Options that would take from Flightdeck what it
 * needs are refused before anything runs.
 */
public final class JmhArguments {

    /** JMH's class with its command line, in every JMH since 1.0. */
    public static final String JMH_MAIN = "org.openjdk.jmh.Main";

    /** The result format and file: Flightdeck reads them, so it names them. */
    private static final Set<String> OWNED = Set.of("-rf", "-rff");
    /** Options after which JMH lists or explains instead of running: nothing to profile. */
    private static final Set<String> NOT_A_RUN = Set.of("-h", "-help", "--help", "-l", "-lp", "-lprof", "-lrf");

    private JmhArguments() {
    }

    /**
     * Checks the user's options.
     *
     * @throws IllegalArgumentException naming the option and why, one line
     */
    public static List<String> check(List<String> given) {
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (OWNED.contains(name)) {
                throw new IllegalArgumentException("JMH option " + a + ": flightdeck jmh writes JMH's results itself "
                        + "(jmh-result.json in the run folder); leave out -rf and -rff");
            }
            if (NOT_A_RUN.contains(name)) {
                throw new IllegalArgumentException("JMH option " + a + " runs no benchmark; run JMH itself for it");
            }
            boolean noForks = name.equals("-f") && i + 1 < given.size() && given.get(i + 1).trim().equals("0")
                    || a.equals("-f0") || a.equals("-f=0");
            if (noForks) {
                throw new IllegalArgumentException("JMH option -f 0 runs the benchmarks inside JMH's own JVM, which "
                        + "Flightdeck cannot record fork by fork; give -f 1 or more");
            }
        }
        return List.copyOf(given);
    }

    /** The user's options, then Flightdeck's profiler ({@code plan}), JMH's GC profiler unless given, and the results. */
    public static List<String> full(List<String> given, Path plan, Path results) {
        List<String> all = new ArrayList<>(check(given));
        all.add("-prof");
        all.add(JmhProfilerJar.PROFILER_CLASS + ":" + plan.toAbsolutePath());
        if (!profilerGiven(given, "gc")) {
            all.add("-prof");
            all.add("gc");
        }
        all.add("-rf");
        all.add("json");
        all.add("-rff");
        all.add(results.toAbsolutePath().toString());
        return all;
    }

    private static boolean profilerGiven(List<String> given, String profiler) {
        for (int i = 0; i + 1 < given.size(); i++) {
            if (given.get(i).equals("-prof")) {
                String p = given.get(i + 1);
                if (p.equals(profiler) || p.startsWith(profiler + ":")) {
                    return true;
                }
            }
        }
        return false;
    }
}
