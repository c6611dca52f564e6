package io.flightdeck.harness.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The budgets of a run, in file order (the order the verdicts follow).
 *
 * @param source  where they came from, for messages: the file's path, or the class path's budgets files
 * @param budgets the budgets as listed
 */
public record Budgets(String source, List<Budget> budgets, List<RegressionLimit> regressions) {

    /**
     * Where a project ships its budgets: every class-path resource of this name is read, in class-path order, so a
     * project's jar (or {@code src/main/resources}) brings the budgets of its workloads the way its service file
     * brings the workloads.
     */
    public static final String RESOURCE = "META-INF/flightdeck/budgets.json";
    /** The {@link #source()} of defaults when no project on the class path ships budgets. */
    public static final String NONE_ON_CLASS_PATH = "none on the class path";

    public Budgets {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        budgets = List.copyOf(budgets);
        regressions = regressions == null ? List.of() : List.copyOf(regressions);
    }

    /** Budgets without regression limits of their own. */
    public Budgets(String source, List<Budget> budgets) {
        this(source, budgets, List.of());
    }

    /** The budgets the class path ships ({@link #RESOURCE}), read with the context class loader. */
    public static Budgets defaults() {
        return defaults(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Every {@link #RESOURCE} this loader finds, in its order, as one set of budgets: their budgets and regression
     * limits one after the other. None found is no budgets, not an error: a project need not have any.
     *
     * @throws BudgetFileException naming the resource that cannot be read or is not a valid budgets file
     */
    public static Budgets defaults(ClassLoader loader) {
        List<URL> resources;
        try {
            resources = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw BudgetFileException.at(RESOURCE, 0, 0, "cannot list on the class path: "
                    + BudgetFileReader.describe(e), e);
        }
        List<String> sources = new ArrayList<>();
        List<Budget> budgets = new ArrayList<>();
        List<RegressionLimit> regressions = new ArrayList<>();
        for (URL url : resources) {
            String source = describe(url);
            Budgets one;
            try (InputStream in = url.openStream()) {
                one = BudgetFileReader.read(source, in.readAllBytes());
            } catch (IOException e) {
                throw BudgetFileException.at(source, 0, 0, "cannot read: " + BudgetFileReader.describe(e), e);
            }
            sources.add(source);
            budgets.addAll(one.budgets());
            regressions.addAll(one.regressions());
        }
        return new Budgets(sources.isEmpty() ? NONE_ON_CLASS_PATH : String.join(" + ", sources), budgets, regressions);
    }

    /** A resource's file when it is one (a module's classes folder), else its URL (inside a jar). */
    private static String describe(URL url) {
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return url.getPath();
            }
        }
        return url.toString();
    }

    /**
     * Reads and checks a budgets file.
     *
     * @throws BudgetFileException with a one-line message if the file cannot be read or is not a valid budgets file
     */
    public static Budgets load(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw BudgetFileException.at(file.toString(), 0, 0, "cannot read: " + BudgetFileReader.describe(e), e);
        }
        return BudgetFileReader.read(file.toString(), content);
    }

    /**
     * Checks that every budget names a workload the harness knows, so that a typo does not silently turn a
     * budget into one that never judges anything (budgets of workloads a run did not measure yield no verdict).
     *
     * @return this, for chaining
     * @throws BudgetFileException naming the unknown workloads and the known ones
     */
    public Budgets validateWorkloads(Set<String> knownWorkloads) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Budget budget : budgets) {
            if (!knownWorkloads.contains(budget.workload())) {
                unknown.add(budget.workload());
            }
        }
        for (RegressionLimit limit : regressions) {
            if (!knownWorkloads.contains(limit.workload())) {
                unknown.add(limit.workload());
            }
        }
        if (unknown.isEmpty()) {
            return this;
        }
        String names = unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        String known = String.join(", ", new TreeSet<>(knownWorkloads));
        throw new BudgetFileException("budgets file " + source + ": unknown workload" + (unknown.size() > 1 ? "s " : " ")
                + names + " (known: " + (known.isEmpty() ? "none" : known) + ")");
    }

    /**
     * Checks every budget and regression limit against what the workloads can measure: the workload exists
     * ({@link #validateWorkloads}), the case, when one is named, is one of its cases, the metric one of its figures.
     *
     * @return this, for chaining
     * @throws BudgetFileException naming the first unknown case or metric and the known ones
     */
    public Budgets validate(Collection<BudgetTarget> targets) {
        Map<String, BudgetTarget> byWorkload = new HashMap<>();
        targets.forEach(t -> byWorkload.put(t.workload(), t));
        validateWorkloads(byWorkload.keySet());
        for (Budget budget : budgets) {
            BudgetTarget target = byWorkload.get(budget.workload());
            checkCase(target, budget.caseLabel());
            if (!target.metrics().contains(budget.metric())) {
                throw new BudgetFileException("budgets file " + source + ": workload '" + budget.workload()
                        + "' has no metric '" + budget.metric() + "' (known: " + sorted(target.metrics())
                        + "; a workload lists its own figures in metricNames())");
            }
        }
        for (RegressionLimit limit : regressions) {
            checkCase(byWorkload.get(limit.workload()), limit.caseLabel());
        }
        return this;
    }

    private void checkCase(BudgetTarget target, String caseLabel) {
        if (caseLabel != null && !target.cases().contains(caseLabel)) {
            throw new BudgetFileException("budgets file " + source + ": workload '" + target.workload()
                    + "' has no case '" + caseLabel + "' (known: " + sorted(target.cases()) + ")");
        }
    }

    private static String sorted(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }

    /** These budgets without those of the given metrics (which something else judges). */
    public Budgets without(Set<String> metrics) {
        return new Budgets(source, budgets.stream().filter(b -> !metrics.contains(b.metric())).toList(), regressions);
    }
}
