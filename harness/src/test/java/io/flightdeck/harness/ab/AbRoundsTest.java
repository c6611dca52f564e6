package io.flightdeck.harness.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.ChildResult;
import io.flightdeck.child.IterationResult;
import io.flightdeck.child.measure.LatencyStats;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.runner.ForkOutcome;

/** The rounds, fed made-up forks: no JVM runs, so nothing here depends on how busy the machine is. */
class AbRoundsTest {

    private static final AbRounds.Settings SETTINGS = new AbRounds.Settings(0.05, 0.10, 0.02, 200,
            3_600_000_000_000L);

    @Test
    void aPlantedSlowdownIsCalledRegressedAndTheRoundsStopWhenDecided() throws Exception {
        AbRounds.Outcome o = rounds(1.4, 1.0, 0.05, new AtomicLong()).run();
        assertThat(o.regressed()).isTrue();
        assertThat(o.stopReason()).isEqualTo(StopReason.ALL_DECIDED);
        assertThat(o.rounds()).isBetween(10, 40);
        PairedMetric.Judgement mean = o.workloads().get(0).cases().get(0).metrics().get(0);
        assertThat(mean.metric()).isEqualTo("mean");
        assertThat(mean.verdict()).isEqualTo(ChangeVerdict.REGRESSED);
        assertThat(mean.change()).isBetween(0.3, 0.5);
        assertThat(mean.lower()).isGreaterThan(0.10);
    }

    @Test
    void anUnchangedBuildIsDecidedNotRegressed() throws Exception {
        AbRounds.Outcome o = rounds(1.0, 1.0, 0.05, new AtomicLong()).run();
        assertThat(o.regressed()).isFalse();
        assertThat(o.stopReason()).isEqualTo(StopReason.ALL_DECIDED);
        assertThat(o.workloads().get(0).verdict()).isEqualTo(ChangeVerdict.NO_CHANGE);
    }

    @Test
    void twoJvmSpeedsDelayTheVerdictButDoNotFoolIt() throws Exception {
        // each JVM lands fast (20 µs) or slow (55 µs) at random, on both sides; the head is 40 % slower
        AbRounds.Outcome o = rounds(1.4, 2.75, 0.03, new AtomicLong()).run();
        assertThat(o.regressed()).isTrue();
        AbRounds.CaseOutcome c = o.workloads().get(0).cases().get(0);
        assertThat(c.baseModes()).isNotNull();
        assertThat(c.headModes()).isNotNull();
        assertThat(c.headModes().fast() / c.baseModes().fast()).isBetween(1.3, 1.5);
        // within each speed the head is 40 % slower, as planted, wherever its JVMs landed
        assertThat(c.speedShifts()).isNotNull();
        for (SpeedShifts.Shift s : java.util.List.of(c.speedShifts().fast(), c.speedShifts().slow())) {
            if (s.measured()) {
                assertThat(s.change()).as(s.toString()).isBetween(0.25, 0.55);
            }
        }
    }

    @Test
    void theTimeLimitStopsTheRoundsAndLeavesThemInconclusive() throws Exception {
        // a change right at the limit is never decided; each fork takes 5 s of the fake clock, the limit is 60 s
        AtomicLong clock = new AtomicLong();
        AbRounds.Outcome o = rounds(1.10, 1.0, 0.05, clock, new AbRounds.Settings(0.05, 0.10, 0.02, 200,
                60_000_000_000L)).run();
        assertThat(o.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
        assertThat(o.rounds()).isEqualTo(6); // 6 rounds of 10 s; a 7th would end at 70 s
        assertThat(o.inconclusive()).isTrue();
        assertThat(o.regressed()).isFalse();
    }

    @Test
    void failingForksGiveTheWorkloadUpAndSaySo() throws Exception {
        AtomicLong clock = new AtomicLong();
        ForkSource failing = (side, w, round, slot) -> side == Side.HEAD
                ? new ForkOutcome(round, 70, false, 1, null, "the JVM exited with code 70", List.of(), null,
                List.of())
                : ok(w, round, 10_000);
        AbRounds.Outcome o = new AbRounds(Map.of("w", 1), SETTINGS, failing, new Random(1), clock::get,
                new AbRounds.Listener() { }).run();
        assertThat(o.rounds()).isEqualTo(AbRounds.MAX_FAILED_ROUNDS);
        assertThat(o.stopReason()).isEqualTo(StopReason.FAILURES);
        assertThat(o.failed()).isTrue();
        assertThat(o.workloads().get(0).failure()).contains("head fork failed", "code 70");
    }

    @Test
    void casesThatNoLongerMatchAreAFailureNotAnEndlessComparison() throws Exception {
        ForkSource renamed = (side, w, round, slot) -> {
            ForkOutcome o = ok(w, round, 10_000);
            if (side == Side.BASE) {
                return o;
            }
            var c = o.result().cases().get(0);
            var head = new io.flightdeck.child.CaseResult("size=2", c.threads(), c.size(), c.operationUnit(),
                    c.coldStart(), c.warmupIterations(), 0, c.latency(), "", c.iterations(), null, 0, List.of(), null,
                    null, List.of(), null);
            return new ForkOutcome(round, 0, false, 1, new ChildResult(ChildResult.SCHEMA_VERSION, w, round,
                    ChildResult.OK, null, Instant.EPOCH, Instant.EPOCH, null, List.of(head)), null, List.of(), null,
                    List.of());
        };
        AbRounds.Outcome o = new AbRounds(Map.of("w", 1), SETTINGS, renamed, new Random(1), new AtomicLong()::get,
                new AbRounds.Listener() { }).run();
        assertThat(o.rounds()).isEqualTo(1);
        assertThat(o.stopReason()).isEqualTo(StopReason.FAILURES);
        assertThat(o.workloads().get(0).failure()).contains("base: default; head: size=2");
    }

    @Test
    void aDuetRunsBothForksOfARoundAtOnceOnCpuSetsDrawnAtRandom() throws Exception {
        // each fork waits for the other of its round: run one after the other, the first would wait in vain
        java.util.Map<Integer, java.util.concurrent.CyclicBarrier> meet = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> slots = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ForkSource duet = (side, w, round, slot) -> {
            slots.add(side.id() + slot);
            try {
                meet.computeIfAbsent(round, r -> new java.util.concurrent.CyclicBarrier(2))
                        .await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new java.io.IOException("the other fork of round " + round + " never came", e);
            }
            return ok(w, round, side == Side.HEAD ? 14_000 : 10_000);
        };
        AbRounds.Outcome o = new AbRounds(Map.of("w", 1), new AbRounds.Settings(0.05, 0.10, 0.02, 30,
                Long.MAX_VALUE, true), duet, new Random(2), System::nanoTime, new AbRounds.Listener() { }).run();
        assertThat(o.regressed()).isTrue();
        assertThat(o.rounds()).isBetween(11, 30);
        assertThat(slots).containsExactlyInAnyOrder("base0", "base1", "head0", "head1");
    }

    @Test
    void eachRoundRunsBothSidesInAnOrderTheSeedDecides() throws Exception {
        List<String> first = order(3);
        assertThat(first).hasSize(20);
        for (int i = 0; i < first.size(); i += 2) {
            assertThat(List.of(first.get(i), first.get(i + 1))).containsExactlyInAnyOrder("base", "head");
        }
        assertThat(first.stream().filter("base"::equals).count()).isEqualTo(10);
        assertThat(order(3)).isEqualTo(first);
        assertThat(order(4)).isNotEqualTo(first);
    }

    private static List<String> order(long seed) throws Exception {
        List<String> seen = new ArrayList<>();
        ForkSource source = (side, w, round, slot) -> {
            seen.add(side.id());
            return ok(w, round, 10_000);
        };
        new AbRounds(Map.of("w", 1), new AbRounds.Settings(0.05, 0.1, 0.02, 10, Long.MAX_VALUE), source,
                new Random(seed), System::nanoTime, new AbRounds.Listener() { }).run();
        return seen.subList(0, 20);
    }

    /**
     * Rounds over forks whose mean is 20 µs (times {@code speeds} for a slow JVM, drawn at random), times
     * {@code slowdown} on the head, with log-normal noise of {@code spread}; each fork takes 5 s of {@code clock}.
     */
    private static AbRounds rounds(double slowdown, double speeds, double spread, AtomicLong clock) {
        return rounds(slowdown, speeds, spread, clock, SETTINGS);
    }

    private static AbRounds rounds(double slowdown, double speeds, double spread, AtomicLong clock,
                                   AbRounds.Settings settings) {
        Random noise = new Random(5);
        ForkSource source = (side, w, round, slot) -> {
            clock.addAndGet(5_000_000_000L);
            double mode = noise.nextBoolean() ? 1 : speeds;
            double mean = 20_000 * mode * (side == Side.HEAD ? slowdown : 1) * Math.exp(noise.nextGaussian() * spread);
            return ok(w, round, mean);
        };
        return new AbRounds(Map.of("w", 1), settings, source, new Random(1), clock::get,
                new AbRounds.Listener() { });
    }

    static ForkOutcome ok(String workload, int fork, double meanNanos) {
        long m = Math.round(meanNanos);
        LatencyStats latency = new LatencyStats(100_000, meanNanos, meanNanos / 10, m / 2, m, m * 2, m * 2, m * 3,
                m * 4, m * 5);
        List<IterationResult> iterations = List.of(new IterationResult(0, 100_000, 0, 0, meanNanos, 0, m, m * 2,
                m * 3, 6_400_000));
        CaseResult c = new CaseResult("default", 1, 0, "op", null, 1, 0, latency, "", iterations, null, 0,
                List.of(), null, null, List.of(), null);
        ChildResult r = new ChildResult(ChildResult.SCHEMA_VERSION, workload, fork, ChildResult.OK, null,
                Instant.EPOCH, Instant.EPOCH, null, List.of(c));
        return new ForkOutcome(fork, 0, false, 5, r, null, List.of(), null, List.of());
    }
}
