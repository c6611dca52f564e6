package io.flightdeck.harness.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.CaseResult;
import io.flightdeck.child.Checkpoint;
import io.flightdeck.child.HeapFull;

/** The verdict on synthetic checkpoint series: flat noise passes, real growth above the limit fails. */
class LeakJudgeTest {

    private static final LeakLimits LIMITS = new LeakLimits(16, 64 * 1024, "test");
    private static final long OPS_PER_SECOND = 1_000;

    /**
     * A watched heap: 60 checkpoints a second apart, growing {@code bytesPerOp}, with uniform noise of ±{@code noise}
     * bytes and the step up after the baseline that real runs show (the first measured iteration's state).
     */
    static List<Checkpoint> series(double bytesPerOp, long noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Checkpoint> out = new ArrayList<>();
        Instant start = Instant.parse("2026-11-27T00:00:00Z");
        for (int i = 0; i <= 60; i++) {
            long ops = i * OPS_PER_SECOND;
            long heap = 12_000_000 + (i == 0 ? 0 : 1_000_000) + Math.round(bytesPerOp * ops)
                    + random.nextLong(-noise, noise + 1);
            Long retained = i % 10 == 0 || i == 60 ? 4_000_000L : null;
            out.add(new Checkpoint(i, ops, i, start.plusSeconds(i), heap, retained, retained == null ? null : 2_000L));
        }
        return out;
    }

    static CaseResult result(List<Checkpoint> checkpoints) {
        return result(checkpoints, null);
    }

    static CaseResult result(List<Checkpoint> checkpoints, HeapFull heapFull) {
        return new CaseResult("default", 1, 0, "op", null, 3, 0, null, "", List.of(), null, 1_000, List.of(), null,
                null, checkpoints, heapFull);
    }

    static LeakCheckReport judge(List<Checkpoint> series) {
        return LeakJudge.judge("w", "default", result(series), null, null, LIMITS, LeakJudge.Files.NONE);
    }

    @Test
    void aFlatNoisyHeapPassesWhateverTheNoise() {
        for (long seed = 1; seed <= 50; seed++) {
            LeakCheckReport r = judge(series(0, 400_000, seed));
            assertThat(r.verdict()).as("seed %d: %s", seed, r.reason()).isEqualTo(LeakCheckReport.PASSED);
        }
    }

    @Test
    void growthAboveTheLimitFailsAndSaysByHowMuch() {
        LeakCheckReport r = judge(series(100, 400_000, 7));
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.checkpoints().perOperation().slope()).isBetween(90.0, 110.0);
        assertThat(r.checkpoints().perOperation().significant()).isTrue();
        assertThat(r.reason()).startsWith("the live heap grows").contains("B/op", "95 % CI", "limit 16 B/op");
        assertThat(r.checkpoints().growthBytes()).isGreaterThan(5_000_000);
    }

    @Test
    void significantGrowthBelowTheLimitPasses() {
        LeakCheckReport r = judge(series(8, 20_000, 3));
        assertThat(r.checkpoints().perOperation().significant()).isTrue();
        assertThat(r.verdict()).as(r.reason()).isEqualTo(LeakCheckReport.PASSED);
    }

    @Test
    void growthInTimeFailsOnItsOwnLimit() {
        // 2 B/op at 1,000 op/s is 2 KB/s: under the per-op limit, over a per-second limit of 1 KiB
        LeakLimits tight = new LeakLimits(16, 1024, "test");
        LeakCheckReport r = LeakJudge.judge("w", "default", result(series(2, 1_000, 5)), null, null, tight,
                LeakJudge.Files.NONE);
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.reason()).contains("/s").contains("limit 1 KiB/s");
    }

    @Test
    void aJvmThatDiedFailsEvenWithAFlatHeap() {
        LeakCheckReport r = LeakJudge.judge("w", "default", result(series(0, 1_000, 1)),
                "the JVM exited with code 70 (the workload failed): java.lang.OutOfMemoryError: Java heap space",
                null, LIMITS, LeakJudge.Files.NONE);
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.reason()).contains("did not finish", "OutOfMemoryError");
    }

    @Test
    void aHeapFoundNearlyFullFailsWithItsFiguresEvenWithTooFewCheckpointsForATrend() {
        HeapFull full = new HeapFull(HeapFull.MEASURE, 2, 9.4, 54_000_000, 67_108_864, "heap", false, null);
        LeakCheckReport r = LeakJudge.judge("w", "default", result(series(1_000, 1_000, 1).subList(0, 3), full), null,
                null, LIMITS, LeakJudge.Files.NONE);
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(r.heapFull()).isEqualTo(full);
        assertThat(r.reason()).isEqualTo("heap nearly full after 9 s: 51.5 MiB of 64.0 MiB (80 %); "
                + "the check stopped early");
    }

    @Test
    void aHeapFoundNearlyFullSaysHowFastItGrewWhenTheCheckpointsShowIt() {
        HeapFull full = new HeapFull(HeapFull.MEASURE, 60, 70, 900_000_000, 1_073_741_824, "G1 Old Gen", false,
                null);
        LeakCheckReport r = LeakJudge.judge("w", "default", result(series(1_000, 1_000, 1), full), null, null,
                LIMITS, LeakJudge.Files.NONE);
        assertThat(r.reason()).startsWith("heap nearly full after 70 s: ").contains("(84 %, G1 Old Gen)")
                .contains("the check stopped early; the live heap grows 1,000 B/op");
    }

    @Test
    void anOutOfMemoryErrorTheChildCaughtIsAHeapFullNotACrash() {
        HeapFull full = new HeapFull(HeapFull.WARM_UP, 0, 1.2, 64_000_000, 67_108_864, "heap", true,
                "OutOfMemoryError: Java heap space (at a.B.c(B.java:3))");
        LeakCheckReport r = LeakJudge.judge("w", "default", result(series(0, 1_000, 1).subList(0, 1), full), null,
                null, LIMITS, LeakJudge.Files.NONE);
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.reason()).startsWith("out of memory after 1 s (during warm-up, before any measured iteration): "
                + "OutOfMemoryError: Java heap space").contains("the check stopped early")
                .doesNotContain("did not finish");
    }

    @Test
    void aHeapThatNeverFilledDidNotStopEarly() {
        assertThat(judge(series(0, 1_000, 1)).stoppedEarly()).isFalse();
    }

    @Test
    void tooFewCheckpointsCannotPass() {
        LeakCheckReport r = judge(series(0, 1_000, 1).subList(0, 3));
        assertThat(r.verdict()).isEqualTo(LeakCheckReport.FAILED);
        assertThat(r.reason()).contains("too few", "--duration");
        assertThat(LeakJudge.judge("w", "default", null, null, null, LIMITS, LeakJudge.Files.NONE).verdict())
                .isEqualTo(LeakCheckReport.FAILED);
    }

    @Test
    void theEngineWeighedFlatPerItemIsReportedAsFlat() {
        LeakCheckReport r = judge(series(100, 1_000, 1));
        assertThat(r.retained()).isNotNull();
        assertThat(r.retained().firstBytesPerItem()).isEqualTo(2_000.0);
        assertThat(r.retained().change()).isZero();
        assertThat(r.retained().growing()).isFalse();
    }
}
