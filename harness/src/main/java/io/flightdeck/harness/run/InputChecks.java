package io.flightdeck.harness.run;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.harness.check.BudgetFileException;
import io.flightdeck.harness.check.BudgetTarget;
import io.flightdeck.harness.check.Budgets;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.leak.LeakLimits;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.api.Scale;
import io.flightdeck.api.Workload;
import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * The checks of what runs, leak checks and comparisons are given: suites, workloads, budgets, heap, collector,
 * parameters, percentages and baseline names. Each refuses bad input with a {@link RunInputException} whose
 * message is the one line a user sees; messages name the command line's option, which is also the builder's.
 */
public final class InputChecks {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([kKmMgG]?)");
    private static final Pattern CORES = Pattern.compile("\\d{1,4}(?:\\.\\d{1,4})?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,4}(?:\\.\\d{1,4})?)\\s*%?");
    /** Below this a JVM cannot even start with JFR, OSHI and a workload loaded. */
    private static final long MIN_HEAP_BYTES = 32L << 20;

    private InputChecks() {
    }

    /** The named suite with the registry's workloads (see {@link Suites}). */
    public static Suite suite(String name, WorkloadRegistry registry) {
        return Suites.find(name, registry).orElseThrow(() -> new RunInputException("unknown suite '" + name
                + "' (known: " + String.join(", ", Suites.all().stream().map(Suite::name).toList()) + ")"));
    }

    public static List<Workload> workloads(WorkloadRegistry registry, List<String> names) {
        List<Workload> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            out.add(registry.find(name).orElseThrow(() -> new RunInputException("unknown workload '" + name
                    + "' (known: " + String.join(", ", registry.names()) + ")")));
        }
        return out;
    }

    /** The budgets file, or the defaults, each budget's workload, case and metric checked against the registry's. */
    public static Budgets budgets(Path file, WorkloadRegistry registry) {
        try {
            // without a file: every budgets file the workloads' own class path ships (a user's with --classpath)
            Budgets b = file == null ? Budgets.defaults(registry.loader()) : Budgets.load(file);
            return b.validate(budgetTargets(registry));
        } catch (BudgetFileException e) {
            throw new RunInputException(e.getMessage());
        }
    }

    /**
     * What a budget may name of each workload: its cases at every scale, and what a run reports of every case (the
     * latencies and throughput), its own figures and a leak check's (any workload can be leak-checked).
     */
    public static List<BudgetTarget> budgetTargets(WorkloadRegistry registry) {
        List<BudgetTarget> targets = new ArrayList<>();
        for (Workload w : registry.all()) {
            Set<String> cases = new HashSet<>();
            for (Scale scale : Scale.values()) {
                w.cases(scale).forEach(c -> cases.add(c.label()));
            }
            Set<String> metrics = new HashSet<>(LatencyStats.METRICS);
            metrics.add("throughput"); // as ProfilingRun.measurements names it
            metrics.addAll(LeakLimits.METRICS);
            metrics.addAll(w.metricNames());
            targets.add(new BudgetTarget(w.name(), cases, metrics));
        }
        return targets;
    }

    /**
     * The workloads a command runs when none is named: the defaults it was given, or bad input when the class path
     * has none, since a run of nothing would pass without having measured anything.
     */
    public static List<Workload> defaults(List<Workload> defaults, String what) {
        if (defaults.isEmpty()) {
            throw new RunInputException("no workload on the class path " + what + ": name one with -w, or add a"
                    + " project's (META-INF/services/io.flightdeck.api.Workload); `list` shows what is there");
        }
        return defaults;
    }

    /** A child heap such as 512m or 2g, checked against what a JVM needs and what the machine has. */
    public static String heap(String heap) {
        if (heap == null) {
            return null;
        }
        Matcher m = HEAP.matcher(heap);
        if (!m.matches()) {
            throw new RunInputException("--heap '" + heap + "': use a size such as 512m or 2g");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1L << 10;
                case "m" -> 1L << 20;
                case "g" -> 1L << 30;
                default -> 1L;
            });
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RunInputException("--heap '" + heap + "' is larger than any machine's memory");
        }
        if (bytes < MIN_HEAP_BYTES) {
            throw new RunInputException("--heap '" + heap + "' is too small: at least 32m");
        }
        long physical = physicalMemory();
        if (physical > 0 && bytes > physical) {
            throw new RunInputException("--heap '" + heap + "' is more than this machine's memory ("
                    + (physical >> 20) + " MiB)");
        }
        return heap;
    }

    public static String gcFlag(String gc) {
        return switch (gc.toLowerCase(Locale.ROOT)) {
            case "g1" -> "-XX:+UseG1GC";
            case "parallel" -> "-XX:+UseParallelGC";
            case "serial" -> "-XX:+UseSerialGC";
            case "z", "zgc" -> "-XX:+UseZGC";
            default -> throw new RunInputException("unknown collector '" + gc + "': use G1, Parallel, Serial or Z");
        };
    }

    /** "10%", "10 %" or "10": a percentage, as a fraction (0.10); above 0 and below 1000 %. */
    public static double percentage(String option, String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new RunInputException(option + " '" + text + "': use a percentage such as 10%");
        }
        double value = Double.parseDouble(m.group(1));
        if (value <= 0 || value >= 1000) {
            throw new RunInputException(option + " '" + text + "': use a percentage above 0 and below 1000");
        }
        return value / 100;
    }

    /**
     * The comparison's thresholds: the defaults, with the command line's regression limit and busy-machine
     * threshold when given.
     */
    public static ChangeThresholds thresholds(String regressionLimit, String busyCores) {
        ChangeThresholds t = regressionLimit == null ? ChangeThresholds.DEFAULTS
                : ChangeThresholds.DEFAULTS.withLimit(percentage("--regression-limit", regressionLimit));
        return busyCores == null ? t : t.withBusyCores(busyCores(busyCores));
    }

    /** The most CPU cores {@code --busy-cores} takes: more than any machine this runs on has. */
    public static final double MAX_BUSY_CORES = 4096;

    /** "0.25": CPU cores of other processes' load, on average, above which a side ran on a busy machine. */
    public static double busyCores(String text) {
        Matcher m = CORES.matcher(text.strip());
        if (!m.matches()) {
            throw new RunInputException("--busy-cores '" + text + "': use a number of CPU cores such as 0.25");
        }
        double cores = Double.parseDouble(m.group());
        if (cores <= 0 || cores > MAX_BUSY_CORES) {
            throw new RunInputException("--busy-cores '" + text + "': use a number of CPU cores above 0 and at most "
                    + (int) MAX_BUSY_CORES);
        }
        return cores;
    }

    /** The values of {@code --fail-on}. */
    public static final String FAIL_ON_REGRESSION = "regression";
    public static final String FAIL_ON_INCONCLUSIVE = "inconclusive";

    /**
     * {@code --fail-on}: {@code regression} (null too, the default) fails a comparison that regressed;
     * {@code inconclusive} also one that could not be judged. True for the latter.
     */
    public static boolean failOnInconclusive(String failOn) {
        if (failOn == null || failOn.strip().equalsIgnoreCase(FAIL_ON_REGRESSION)) {
            return false;
        }
        if (failOn.strip().equalsIgnoreCase(FAIL_ON_INCONCLUSIVE)) {
            return true;
        }
        throw new RunInputException("--fail-on '" + failOn + "': use " + FAIL_ON_REGRESSION + " or "
                + FAIL_ON_INCONCLUSIVE);
    }

    /**
     * The workloads' parameters: the user's {@code --param}s, each named by a selected workload and checked by each
     * that reads it; a workload applies its own default to a parameter not given.
     */
    public static Map<String, String> parameters(Map<String, String> given, List<Workload> selected) {
        Set<String> known = new TreeSet<>();
        selected.forEach(w -> known.addAll(w.parameterNames()));
        for (Map.Entry<String, String> param : given.entrySet()) {
            String key = param.getKey();
            if (key.isBlank()) {
                throw new RunInputException("--param " + key + "=" + param.getValue() + ": name the parameter, KEY=VALUE");
            }
            if (!known.contains(key)) {
                throw new RunInputException("--param " + key + ": no selected workload takes it" + (known.isEmpty()
                        ? " (they take none)" : " (they take: " + String.join(", ", known) + ")"));
            }
            // each workload that reads it checks the value as it will read it, before a JVM starts
            for (Workload w : selected) {
                if (w.parameterNames().contains(key)) {
                    try {
                        w.checkParameter(key, param.getValue());
                    } catch (IllegalArgumentException e) {
                        throw new RunInputException("--param " + e.getMessage() + " (workload " + w.name() + ")");
                    }
                }
            }
        }
        return new LinkedHashMap<>(given);
    }

    /** A baseline's name, checked before anything runs. */
    public static String baselineName(String option, String name) {
        if (name == null) {
            return null;
        }
        try {
            BaselineStore.checkName(name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new RunInputException(option + ": " + e.getMessage());
        }
    }

    /** The machine's memory in bytes, 0 when the JVM cannot say. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
    /**
     * How many cases each workload runs: all of them, or those {@code --case} names. A label no workload has,
     * or a workload left with none, is bad input.
     */
    public static Map<String, Integer> cases(List<String> labels, List<Workload> workloads, Scale scale) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (Workload w : workloads) {
            List<String> all = w.cases(scale).stream().map(c -> c.label()).toList();
            known.addAll(all);
            long kept = labels.isEmpty() ? all.size() : all.stream().filter(labels::contains).count();
            if (kept == 0) {
                throw new RunInputException("--case: " + w.name() + " has none of " + labels + "; its cases at scale "
                        + scale.name().toLowerCase(Locale.ROOT) + ": " + String.join(", ", all));
            }
            out.put(w.name(), (int) kept);
        }
        for (String l : labels) {
            if (!known.contains(l)) {
                throw new RunInputException("--case " + l + ": no such case; the workloads' cases: "
                        + String.join(", ", known));
            }
        }
        return out;
    }
}
