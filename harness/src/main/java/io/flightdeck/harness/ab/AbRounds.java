package io.flightdeck.harness.ab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import io.flightdeck.child.CaseResult;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.runner.ForkOutcome;

/**
 * The rounds of an A/B comparison. Each round runs one fork of every undecided workload on each side, the forks in
 * a random order (so neither side always runs first, or always after the other's JIT-warm page cache), then
 * judges every case and metric on the pairs so far. A workload whose metrics are all decided runs no more rounds;
 * the comparison stops when none is left, or when another round would pass the time or round limit.
 *
 * <p>The false-alarm level is shared out evenly over every metric of every case before the first round (a fixed
 * Bonferroni share, so no look at the data changes it), and each metric's interval holds its share at every round
 * ({@link MedianConfidenceSequence}): the chance that the comparison ever calls an unchanged build regressed is at
 * most the level, however many rounds it runs.
 */
public final class AbRounds {

    /** A workload whose forks failed this many times is given up. */
    public static final int MAX_FAILED_ROUNDS = 3;

    /**
     * What the rounds are held to.
     *
     * @param duet the two forks of a workload's round run at the same time (each on CPUs of its own, as the
     *             {@link ForkSource} pins them)
     */
    public record Settings(double alpha, double limit, double noise, int maxRounds, long maxNanos, boolean duet) {

        /** One fork at a time. */
        public Settings(double alpha, double limit, double noise, int maxRounds, long maxNanos) {
            this(alpha, limit, noise, maxRounds, maxNanos, false);
        }
    }

    /** Told of each fork and round as they finish. */
    public interface Listener {
        default void forkFinished(int round, Side side, String workload, ForkOutcome outcome) {
        }

        /**
         * @param undecided the workloads that run another round
         * @param open      their undecided metrics, "size=1000 p99: −3.0 % to +25.1 %"
         */
        default void roundFinished(int round, List<String> undecided, List<String> open, double seconds) {
        }
    }

    private final Map<String, Integer> casesPerWorkload;
    private final Settings settings;
    private final ForkSource forks;
    private final Random order;
    private final LongSupplier nanoClock;
    private final Listener listener;

    /**
     * @param casesPerWorkload the workloads in order, each with how many cases it measures (which sets every metric's
     *                         share of the false-alarm level)
     */
    public AbRounds(Map<String, Integer> casesPerWorkload, Settings settings, ForkSource forks, Random order,
                    LongSupplier nanoClock, Listener listener) {
        this.casesPerWorkload = new LinkedHashMap<>(casesPerWorkload);
        this.settings = settings;
        this.forks = forks;
        this.order = order;
        this.nanoClock = nanoClock;
        this.listener = listener;
    }

    /** The share of the level each metric is held to. */
    public double metricAlpha() {
        int metrics = casesPerWorkload.values().stream().mapToInt(Integer::intValue).sum() * AbMetric.ALL.size();
        return settings.alpha() / Math.max(1, metrics);
    }

    public Outcome run() throws IOException {
        long start = nanoClock.getAsLong();
        Map<String, WorkloadPairs> all = new LinkedHashMap<>();
        casesPerWorkload.keySet().forEach(w -> all.put(w, new WorkloadPairs(w)));
        List<String> undecided = new ArrayList<>(all.keySet());
        long lastRound = 0;
        int round = 0;
        StopReason reason;
        while (true) {
            if (undecided.isEmpty()) {
                reason = all.values().stream().anyMatch(w -> w.failure != null) ? StopReason.FAILURES
                        : StopReason.ALL_DECIDED;
                break;
            }
            if (round >= settings.maxRounds()) {
                reason = StopReason.ROUND_LIMIT;
                break;
            }
            long now = nanoClock.getAsLong();
            if (round > 0 && now - start + lastRound > settings.maxNanos()) {
                reason = StopReason.TIME_LIMIT;
                break;
            }
            round++;
            runRound(round, undecided, all);
            long after = nanoClock.getAsLong();
            lastRound = after - now;
            undecided.removeIf(w -> all.get(w).finished());
            List<String> open = undecided.stream().flatMap(w -> all.get(w).open().stream()).toList();
            listener.roundFinished(round, List.copyOf(undecided), open, lastRound / 1e9);
        }
        double seconds = (nanoClock.getAsLong() - start) / 1e9;
        return new Outcome(round, reason, seconds, all.values().stream().map(WorkloadPairs::outcome).toList());
    }

    private void runRound(int round, List<String> workloads, Map<String, WorkloadPairs> all) throws IOException {
        if (settings.duet()) {
            runDuets(round, workloads, all);
            return;
        }
        List<Object[]> tasks = new ArrayList<>();
        for (String w : workloads) {
            tasks.add(new Object[] {Side.BASE, w});
            tasks.add(new Object[] {Side.HEAD, w});
        }
        Collections.shuffle(tasks, order);
        Map<String, ForkOutcome[]> results = new LinkedHashMap<>();
        for (Object[] t : tasks) {
            Side side = (Side) t[0];
            String w = (String) t[1];
            ForkOutcome[] pair = results.computeIfAbsent(w, k -> new ForkOutcome[2]);
            int slot = pair[0] == null && pair[1] == null ? 0 : 1;
            ForkOutcome outcome = forks.run(side, w, round, slot);
            listener.forkFinished(round, side, w, outcome);
            pair[side.ordinal()] = outcome;
        }
        results.forEach((w, pair) -> all.get(w).add(pair[0], pair[1]));
    }

    /**
     * A duet round: each workload's two forks at once, the CPU sets drawn at random for the sides (so a set that is
     * faster, or busier, falls on both sides alike), the workloads one after another in random order.
     */
    private void runDuets(int round, List<String> workloads, Map<String, WorkloadPairs> all) throws IOException {
        List<String> order = new ArrayList<>(workloads);
        Collections.shuffle(order, this.order);
        ExecutorService two = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "flightdeck-duet");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String w : order) {
                int baseSlot = this.order.nextBoolean() ? 0 : 1;
                Future<ForkOutcome> base = two.submit(() -> forks.run(Side.BASE, w, round, baseSlot));
                Future<ForkOutcome> head = two.submit(() -> forks.run(Side.HEAD, w, round, 1 - baseSlot));
                ForkOutcome b = await(base);
                ForkOutcome h = await(head);
                listener.forkFinished(round, Side.BASE, w, b);
                listener.forkFinished(round, Side.HEAD, w, h);
                all.get(w).add(b, h);
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static ForkOutcome await(Future<ForkOutcome> fork) throws IOException {
        try {
            return fork.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during a duet", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One workload's pairs, case by case and metric by metric. */
    private final class WorkloadPairs {
        final String name;
        final Map<String, Map<String, PairedMetric>> cases = new LinkedHashMap<>();
        final Map<String, List<double[]>> means = new LinkedHashMap<>();
        int rounds;
        int failedRounds;
        String failure;

        WorkloadPairs(String name) {
            this.name = name;
        }

        void add(ForkOutcome base, ForkOutcome head) {
            rounds++;
            if (base == null || head == null || !base.ok() || !head.ok()) {
                failedRounds++;
                ForkOutcome bad = base == null || !base.ok() ? base : head;
                String side = base == null || !base.ok() ? "base" : "head";
                if (failedRounds >= MAX_FAILED_ROUNDS) {
                    failure = side + " fork failed in " + failedRounds + " rounds; the last: "
                            + (bad == null ? "it did not run" : bad.failure());
                }
                return;
            }
            boolean paired = false;
            for (CaseResult b : base.result().cases()) {
                CaseResult h = head.result().cases().stream().filter(c -> c.label().equals(b.label())).findFirst()
                        .orElse(null);
                if (h == null) {
                    continue; // a case the head no longer has: nothing to pair it with
                }
                paired = true;
                Map<String, PairedMetric> metrics = cases.computeIfAbsent(b.label(), k -> newMetrics());
                for (AbMetric m : AbMetric.ALL) {
                    metrics.get(m.name()).add(m.of(b), m.of(h));
                }
                means.computeIfAbsent(b.label(), k -> new ArrayList<>())
                        .add(new double[] {AbMetric.ALL.get(0).of(b), AbMetric.ALL.get(0).of(h)});
            }
            if (!paired) { // renamed cases: no round would ever pair anything
                failure = "no case of the head matches one of the base (base: " + labels(base) + "; head: "
                        + labels(head) + ")";
            }
        }

        private static String labels(ForkOutcome fork) {
            return String.join(", ", fork.result().cases().stream().map(CaseResult::label).toList());
        }

        private Map<String, PairedMetric> newMetrics() {
            Map<String, PairedMetric> m = new LinkedHashMap<>();
            double alpha = metricAlpha();
            AbMetric.ALL.forEach(metric -> m.put(metric.name(),
                    new PairedMetric(metric, settings.limit(), settings.noise(), alpha)));
            return m;
        }

        /**
         * No more rounds: failed, regressed (the guarantee covers every round at once, so a regression called at any
         * round holds the level and needs no more), or every metric
         * measured so far decided (and one at least measured).
         */
        boolean finished() {
            if (failure != null) {
                return true;
            }
            if (cases.values().stream().flatMap(m -> m.values().stream())
                    .anyMatch(m -> m.decided() == ChangeVerdict.REGRESSED)) {
                return true;
            }
            boolean any = false;
            for (Map<String, PairedMetric> metrics : cases.values()) {
                for (PairedMetric m : metrics.values()) {
                    if (m.pairs() == 0) {
                        continue; // never measurable (say, no allocation counters): not waited for
                    }
                    any = true;
                    if (m.decided() == null) {
                        return false;
                    }
                }
            }
            return any;
        }

        /** The metrics still undecided, each with its interval so far. */
        List<String> open() {
            List<String> out = new ArrayList<>();
            cases.forEach((label, metrics) -> metrics.values().stream().filter(m -> m.pairs() > 0 && m.decided() == null)
                    .forEach(m -> out.add(name + " " + label + " " + m.metric().name() + ": " + m.interval())));
            return out;
        }

        WorkloadOutcome outcome() {
            List<CaseOutcome> out = new ArrayList<>();
            cases.forEach((label, metrics) -> {
                List<PairedMetric.Judgement> judged = metrics.values().stream().filter(m -> m.pairs() > 0)
                        .map(PairedMetric::judgement).toList();
                double[] baseMeans = means.get(label).stream().mapToDouble(p -> p[0]).toArray();
                double[] headMeans = means.get(label).stream().mapToDouble(p -> p[1]).toArray();
                SpeedModes b = SpeedModes.of(baseMeans).orElse(null);
                SpeedModes h = SpeedModes.of(headMeans).orElse(null);
                out.add(new CaseOutcome(label, judged, b, h, b != null && h != null ? SpeedModes.sameShares(b, h)
                        : null, SpeedShifts.of(b, h, baseMeans, headMeans).orElse(null), baseMeans, headMeans));
            });
            return new WorkloadOutcome(name, rounds, failedRounds, failure, out);
        }
    }

    /** What the rounds came to. */
    public record Outcome(int rounds, StopReason stopReason, double seconds, List<WorkloadOutcome> workloads) {

        public boolean regressed() {
            return workloads.stream().anyMatch(w -> w.verdict() == ChangeVerdict.REGRESSED);
        }

        public boolean failed() {
            return workloads.stream().anyMatch(w -> w.failure() != null);
        }

        public boolean inconclusive() {
            return workloads.stream().anyMatch(w -> w.verdict() == ChangeVerdict.INCONCLUSIVE);
        }
    }

    /**
     * One workload's outcome.
     *
     * @param rounds       rounds it ran in
     * @param failedRounds rounds whose forks failed on either side (no pair)
     * @param failure      why it was given up, null when it was not
     */
    public record WorkloadOutcome(String workload, int rounds, int failedRounds, String failure,
                                  List<CaseOutcome> cases) {

        /** Regressed if any metric did; inconclusive if any is undecided, or it failed; else improved or no change. */
        public ChangeVerdict verdict() {
            List<ChangeVerdict> all = cases.stream().flatMap(c -> c.metrics().stream())
                    .map(PairedMetric.Judgement::verdict).toList();
            if (all.contains(ChangeVerdict.REGRESSED)) {
                return ChangeVerdict.REGRESSED;
            }
            if (failure != null || all.isEmpty() || all.contains(ChangeVerdict.INCONCLUSIVE)) {
                return ChangeVerdict.INCONCLUSIVE;
            }
            return all.contains(ChangeVerdict.IMPROVED) ? ChangeVerdict.IMPROVED : ChangeVerdict.NO_CHANGE;
        }
    }

    /**
     * One case's outcome.
     *
     * @param baseModes  two speeds among the base forks' means, null when they show one
     * @param headModes  the same of the head's
     * @param sameShares Fisher's p-value that both land on the fast speed equally often, when both show two speeds
     * @param speedShifts the change within each speed, when either side shows two; null otherwise
     * @param baseMeans  each round's base fork's mean latency, in round order (NaN where it had none)
     * @param headMeans  the same of the head's
     */
    public record CaseOutcome(String label, List<PairedMetric.Judgement> metrics, SpeedModes baseModes,
                              SpeedModes headModes, Double sameShares, SpeedShifts speedShifts,
                              double[] baseMeans, double[] headMeans) {
    }
}
