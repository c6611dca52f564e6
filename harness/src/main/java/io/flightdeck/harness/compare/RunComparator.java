package io.flightdeck.harness.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.flightdeck.harness.check.RegressionLimit;
import io.flightdeck.harness.env.NoiseAssessment;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.report.CaseReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.RunSettings;
import io.flightdeck.harness.report.WorkloadReport;

/**
 * Compares every case of a current run with the same case of a baseline, metric by metric
 * ({@link SampleComparison}). What regressed is explained separately ({@link RegressionEvidence}), because that
 * needs the stacks on disk, not just the reports.
 */
public final class RunComparator {

    /** How bad a verdict is, for "the worst of": a regression outranks doubt, doubt outranks a clean result. */
    private static final List<ChangeVerdict> SEVERITY = List.of(ChangeVerdict.IMPROVED, ChangeVerdict.NO_CHANGE,
            ChangeVerdict.INCONCLUSIVE, ChangeVerdict.REGRESSED);

    private RunComparator() {
    }

    /**
     * @param thresholds what counts as a change, and the default regression limit
     * @param limits     metrics' own regression limits (the budgets file's), which replace the default for them
     */
    public static RunComparison compare(String baselineLabel, RunReport baseline, String currentLabel,
                                        RunReport current, ChangeThresholds thresholds, List<RegressionLimit> limits) {
        Busy busy = new Busy(busy("this run", current, thresholds.busyCores()),
                busy("the baseline", baseline, thresholds.busyCores()));
        List<RunComparison.WorkloadComparison> workloads = new ArrayList<>();
        for (WorkloadReport w : current.workloads()) {
            Optional<WorkloadReport> before = baseline.workloads().stream()
                    .filter(b -> b.name().equals(w.name())).findFirst();
            if (before.isEmpty()) {
                workloads.add(new RunComparison.WorkloadComparison(w.name(), "new", null, List.of(), null));
            } else if (RunReport.FAILED.equals(w.status()) || RunReport.FAILED.equals(before.get().status())) {
                workloads.add(new RunComparison.WorkloadComparison(w.name(), "failed", null, List.of(), null));
            } else {
                workloads.add(workload(before.get(), w, thresholds, limits, busy));
            }
        }
        for (WorkloadReport b : baseline.workloads()) {
            if (current.workloads().stream().noneMatch(w -> w.name().equals(b.name()))) {
                workloads.add(new RunComparison.WorkloadComparison(b.name(), "missing", null, List.of(), null));
            }
        }
        List<ChangeVerdict> verdicts = workloads.stream().map(RunComparison.WorkloadComparison::verdict)
                .filter(Objects::nonNull).toList();
        // a gate that compared nothing must not pass as if all were well
        ChangeVerdict worst = verdicts.isEmpty() ? ChangeVerdict.INCONCLUSIVE : worst(verdicts);
        String verdict = worst == ChangeVerdict.REGRESSED ? RunComparison.REGRESSED
                : worst == ChangeVerdict.INCONCLUSIVE ? RunComparison.INCONCLUSIVE : RunComparison.NO_REGRESSION;
        String baseFingerprint = baseline.environment() == null ? null : baseline.environment().fingerprint();
        String curFingerprint = current.environment() == null ? null : current.environment().fingerprint();
        return new RunComparison(RunComparison.SCHEMA_VERSION, side(baselineLabel, baseline),
                side(currentLabel, current), thresholds, Objects.equals(baseFingerprint, curFingerprint),
                List.copyOf(workloads), verdict, worst == ChangeVerdict.REGRESSED ? 1 : 0, null);
    }

    /**
     * Which side ran on a busy machine, each a sentence saying so, or null when it did not. Other processes' CPU is
     * the measured code's lost time, so a busy side looks slower than its code is, and which side was busy decides
     * which claim it spoils:
     * <ul>
     * <li>a busy <em>current</em> run makes a slowdown that may be the neighbours': a regression becomes
     *     inconclusive (an improvement stays: it was measured in spite of the load);</li>
     * <li>a busy <em>baseline</em> makes a slowdown look smaller, so a regression found against it is real and
     *     stays regressed; but an improvement against it may be only the baseline's lost time, so it becomes no
     *     change, saying why. Not inconclusive: that verdict means "a regression may be hiding here", fails a gate
     *     run with {@code --fail-on inconclusive}, and a run that at worst did not change must not fail one.</li>
     * </ul>
     *
     * @param current  why this run's slowdowns cannot be trusted, or null
     * @param baseline why improvements against the baseline cannot be trusted, or null
     */
    record Busy(String current, String baseline) {
    }

    /**
     * Why one side ran on a busy machine, or null: other processes used more CPU on average than {@code cores}
     * (by default the noise monitor's own threshold, {@link NoiseAssessment#MEAN_OTHER_CPU_WARN_CORES}).
     */
    static String busy(String side, RunReport report, double cores) {
        NoiseReport noise = report.noise();
        if (noise == null || noise.meanOtherCpuCores() <= cores) {
            return null;
        }
        return String.format(Locale.ROOT, "%s ran on a busy machine (other processes used %.2f CPU cores on"
                + " average, more than %.2f)", side, noise.meanOtherCpuCores(), cores);
    }

    private static RunComparison.WorkloadComparison workload(WorkloadReport before, WorkloadReport now,
                                                             ChangeThresholds thresholds,
                                                             List<RegressionLimit> limits, Busy busy) {
        List<RunComparison.CaseComparison> cases = new ArrayList<>();
        for (CaseReport c : now.cases()) {
            before.cases().stream().filter(b -> b.label().equals(c.label())).findFirst()
                    .ifPresent(b -> cases.add(caseComparison(now.name(), b, c, thresholds, limits, busy)));
        }
        ChangeVerdict verdict = worst(cases.stream().map(RunComparison.CaseComparison::verdict).toList());
        return new RunComparison.WorkloadComparison(now.name(), cases.isEmpty() ? "new" : "compared",
                cases.isEmpty() ? null : verdict, List.copyOf(cases), null);
    }

    private static RunComparison.CaseComparison caseComparison(String workload, CaseReport before, CaseReport now,
                                                               ChangeThresholds thresholds,
                                                               List<RegressionLimit> limits, Busy busy) {
        Map<CaseSamples.Metric, double[]> base = CaseSamples.of(before);
        Map<CaseSamples.Metric, double[]> cur = CaseSamples.of(now);
        double operations = Math.min(CaseSamples.operationsPerIteration(before),
                CaseSamples.operationsPerIteration(now));
        List<RunComparison.MetricComparison> metrics = new ArrayList<>();
        for (CaseSamples.Metric m : CaseSamples.METRICS) {
            if (base.containsKey(m) && cur.containsKey(m)) {
                // a case's own limit beats its workload's; among equals, the later entry in the file
                ChangeThresholds own = limits.stream()
                        .filter(l -> l.appliesTo(workload, now.label(), m.name()))
                        .reduce((a, b) -> a.caseLabel() != null && b.caseLabel() == null ? a : b)
                        .map(l -> thresholds.withLimit(l.fraction())).orElse(thresholds);
                MetricChange change = SampleComparison.compare(base.get(m), cur.get(m), m.direction(), own);
                change = acrossJvms(change, CaseSamples.forkMedians(before, m), CaseSamples.forkMedians(now, m),
                        m.direction(), own);
                metrics.add(new RunComparison.MetricComparison(m.name(), m.unit(), qualified(change, m, busy, operations)));
            }
        }
        ChangeVerdict verdict = worst(metrics.stream().map(mc -> mc.change().verdict()).toList());
        return new RunComparison.CaseComparison(now.label(), verdict, List.copyOf(metrics));
    }

    /** Forks a side needs before a change can be told from the difference between two JVMs. */
    public static final int MIN_FORKS = 2;

    /**
     * Forks the baseline needs before a slowdown can fail a build. JVMs of one build do not all run alike: some
     * workloads settle into one of two or three speeds per JVM (here pattern extraction at 15–36 µs in 10 of 26 JVMs,
     * 49–92 µs in the other 16), so a baseline of two JVMs misses the slow speed about one time in seven, and every
     * later run whose JVMs land there looks regressed. Four baseline JVMs miss it about one time in fifty.
     */
    public static final int MIN_BASELINE_FORKS = 4;

    /**
     * A claimed change must also hold between JVMs, not only between iterations. Iterations of one JVM share its JIT
     * decisions, heap layout and warm-up state, so two JVMs of the same build differ by more than their iterations
     * suggest (seen here: the same code at 30 µs in one JVM and 93 µs in the next). A regression therefore needs at
     * least {@value #MIN_BASELINE_FORKS} baseline forks and {@value #MIN_FORKS} current ones, and the best current
     * fork worse than the worst baseline fork by more than the limit; an improvement, {@value #MIN_FORKS} forks a
     * side and the converse beyond the noise threshold. Otherwise it is inconclusive (a regression) or no change (an
     * improvement), saying why.
     */
    static MetricChange acrossJvms(MetricChange c, double[] baseForks, double[] currentForks, Direction direction,
                                   ChangeThresholds thresholds) {
        boolean regressed = c.verdict() == ChangeVerdict.REGRESSED;
        if (!regressed && c.verdict() != ChangeVerdict.IMPROVED) {
            return c;
        }
        if (baseForks.length < MIN_FORKS || currentForks.length < MIN_FORKS) {
            String why = "one JVM on a side (" + baseForks.length + " against " + currentForks.length + " forks): "
                    + "a difference between two JVMs cannot be told from a change of the code; run with --forks "
                    + MIN_FORKS + " or more; " + c.reason();
            return regressed ? c.withVerdict(ChangeVerdict.INCONCLUSIVE, why) : c.withVerdict(ChangeVerdict.NO_CHANGE, why);
        }
        if (regressed && baseForks.length < MIN_BASELINE_FORKS) {
            return c.withVerdict(ChangeVerdict.INCONCLUSIVE, "the baseline has " + baseForks.length + " JVMs (forks),"
                    + " too few to show how far JVMs of one build spread; a slowdown needs a baseline of "
                    + MIN_BASELINE_FORKS + " or more (--save-baseline runs that many); " + c.reason());
        }
        // the fork pair least favourable to the claim: for a regression the best current against the worst baseline
        double[] b = baseForks.clone();
        double[] k = currentForks.clone();
        Arrays.sort(b);
        Arrays.sort(k);
        boolean lowerIsBetter = direction == Direction.LOWER_IS_BETTER;
        double closest;
        if (regressed) {
            closest = lowerIsBetter ? k[0] / b[b.length - 1] - 1 : k[k.length - 1] / b[0] - 1;
        } else {
            closest = lowerIsBetter ? k[k.length - 1] / b[0] - 1 : k[0] / b[b.length - 1] - 1;
        }
        double worse = direction.worsening(closest);
        if (regressed && worse <= thresholds.limit()) {
            return c.withVerdict(ChangeVerdict.INCONCLUSIVE, "the JVMs disagree: the closest pair of forks differs by "
                    + SampleComparison.pct(closest) + ", not beyond the " + SampleComparison.pct(thresholds.limit())
                    + " limit; " + c.reason());
        }
        if (!regressed && worse >= -thresholds.noise()) {
            return c.withVerdict(ChangeVerdict.NO_CHANGE, "the JVMs disagree: the closest pair of forks differs by "
                    + SampleComparison.pct(closest) + "; " + c.reason());
        }
        return c;
    }

    /**
     * Operations an iteration's percentile must rest on, at or beyond it, before it can fail a build or count as
     * improved. An iteration of 700 operations has 7 at or beyond its p99: one hiccup of the machine (a neighbour, a
     * page fault) moves it, and on the shared machine this was built on such p99s failed unchanged builds.
     */
    public static final int MIN_TAIL_OPERATIONS = 20;

    /**
     * A verdict the samples alone cannot make: a change smaller than the metric's floor is none, a percentile that
     * rests on too few operations of an iteration cannot claim a change, a regression measured on a busy machine
     * is inconclusive and an improvement against a busy baseline is none, saying so ({@link Busy}).
     *
     * @param operations the operations of a measured iteration, the fewer side's median
     */
    static MetricChange qualified(MetricChange c, CaseSamples.Metric metric, Busy busy, double operations) {
        if (c.verdict() != ChangeVerdict.NO_CHANGE
                && Math.abs(c.currentMedian() - c.baselineMedian()) < metric.floor()) {
            return c.withVerdict(ChangeVerdict.NO_CHANGE, "a change below the " + metric.floor() + " " + metric.unit()
                    + " that " + metric.name() + " moves by with nothing changed: " + c.reason());
        }
        boolean claimed = c.verdict() == ChangeVerdict.REGRESSED || c.verdict() == ChangeVerdict.IMPROVED;
        if (claimed && metric.tail() > 0 && operations * metric.tail() < MIN_TAIL_OPERATIONS) {
            String why = String.format(Locale.ROOT, "the %s of an iteration rests on its slowest %.0f of %,.0f "
                            + "operations; it takes %d (%,.0f operations an iteration: a longer --iteration-ms) to "
                            + "claim a change; %s", metric.name(), Math.floor(operations * metric.tail()), operations,
                    MIN_TAIL_OPERATIONS, Math.ceil(MIN_TAIL_OPERATIONS / metric.tail()), c.reason());
            return c.withVerdict(c.verdict() == ChangeVerdict.REGRESSED ? ChangeVerdict.INCONCLUSIVE
                    : ChangeVerdict.NO_CHANGE, why);
        }
        if (c.verdict() == ChangeVerdict.REGRESSED && busy.current() != null) {
            return c.withVerdict(ChangeVerdict.INCONCLUSIVE, busy.current() + ": a slowdown may be theirs; "
                    + c.reason());
        }
        if (c.verdict() == ChangeVerdict.IMPROVED && busy.baseline() != null) {
            return c.withVerdict(ChangeVerdict.NO_CHANGE, busy.baseline() + ": a speed-up may be only its lost time; "
                    + c.reason());
        }
        return c;
    }

    /** The most severe of the verdicts; NO_CHANGE for none. */
    static ChangeVerdict worst(List<ChangeVerdict> verdicts) {
        ChangeVerdict worst = ChangeVerdict.NO_CHANGE;
        for (ChangeVerdict v : verdicts) {
            if (SEVERITY.indexOf(v) > SEVERITY.indexOf(worst)) {
                worst = v;
            }
        }
        // nothing worse than "no change": improved when something improved
        return worst == ChangeVerdict.NO_CHANGE && verdicts.contains(ChangeVerdict.IMPROVED)
                ? ChangeVerdict.IMPROVED : worst;
    }

    private static RunComparison.Side side(String label, RunReport r) {
        return new RunComparison.Side(label, r.runId(), r.startedAt(),
                r.environment() == null ? null : r.environment().fingerprint(),
                r.settings() == null ? null : r.settings().suite(),
                r.noise() == null ? null : r.noise().meanOtherCpuCores(),
                r.noise() == null ? null : r.noise().maxOtherCpuCores(), recording(r.settings()));
    }

    /**
     * How a run's children were recorded, as far as it sets what recording costs them: the JFR settings, the sampler
     * and its intervals; null when the report does not say (written before the children's settings were kept).
     */
    static String recording(RunSettings s) {
        if (s == null) {
            return null;
        }
        if (!s.jfr()) {
            return "no recording";
        }
        RunSettings.ChildSettings c = s.children();
        if (c == null || c.samplerUsed() == null) {
            return null;
        }
        return "JFR " + s.jfrSettings() + ", " + c.samplerUsed() + (c.samplerEvery() == null ? ""
                : ", " + c.samplerEvery()) + (Boolean.TRUE.equals(c.allocationPaced()) ? ", allocation paced" : "");
    }
}
