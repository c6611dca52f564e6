package io.flightdeck.harness.env;

import org.junit.jupiter.api.Test;
import oshi.hardware.CentralProcessor.TickType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The monitor's arithmetic on a machine whose figures the test sets ({@link FakeCounters}, a hand-moved clock), so
 * no assertion depends on how busy the machine running the test is; and its plumbing on the real machine, asserting
 * only what holds however busy that is.
 */
class NoiseMonitorTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeCounters machine = new FakeCounters(2);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private NoiseMonitor monitor() {
        return NoiseMonitor.manual(machine, nanos::get, SECOND);
    }

    /** One second passes with the machine {@code busyCores} busy, of which this process used {@code ownMillis}. */
    private void second(NoiseMonitor monitor, double busyCores, long ownMillis) {
        machine.busy(busyCores, 1_000).spend(FakeCounters.OWN_PID, ownMillis);
        nanos.addAndGet(1_000_000_000L);
        monitor.sampleNow();
    }

    @Test
    void ownCpuIsCountedAsMeasuredNotAsNoise() {
        NoiseMonitor monitor = monitor();
        monitor.measure(FakeCounters.OWN_PID); // already tracked: must not be counted twice
        second(monitor, 1.0, 800);
        second(monitor, 1.0, 800);
        NoiseReport report = monitor.stop();

        assertThat(monitor.samples()).hasSize(2).allSatisfy(s -> {
            assertThat(s.busyCores()).isCloseTo(1.0, offset(1e-9));
            assertThat(s.measuredCores()).isCloseTo(0.8, offset(1e-9));
            assertThat(s.intervalMillis()).isEqualTo(1_000);
        });
        assertThat(report.meanOtherCpuCores()).isCloseTo(0.2, offset(1e-9));
        assertThat(report.quiet()).as("%s", report.warnings()).isTrue();
    }

    @Test
    void aBusyProcessNobodyMeasuresIsReportedAsNoise() {
        NoiseMonitor monitor = monitor();
        for (int i = 0; i < 3; i++) {
            second(monitor, 1.6, 100); // a neighbour spins on 1.5 cores
        }
        NoiseReport report = monitor.stop();

        assertThat(report.sampleCount()).isEqualTo(3);
        assertThat(report.meanOtherCpuCores()).isCloseTo(1.5, offset(1e-9));
        assertThat(report.maxOtherCpuCores()).isCloseTo(1.5, offset(1e-9));
        assertThat(report.quiet()).isFalse();
        assertThat(report.warnings()).anyMatch(w -> w.contains("Other processes used 1.50 CPU cores on average"))
                .anyMatch(w -> w.contains("for 3 consecutive samples"));
    }

    @Test
    void aMeasuredProcessThatExitsIsNotReportedAsNoise() {
        int child = 4242;
        machine.spend(child, 0);
        NoiseMonitor monitor = monitor();
        monitor.measure(child);
        machine.spend(child, 900);
        second(monitor, 1.0, 100);          // the child spins: all of it measured
        machine.busy(0.9, 0).exit(child);    // it spins on and exits: its last CPU can no longer be read
        second(monitor, 0.9, 0);
        second(monitor, 0.05, 0);           // quiet after it
        NoiseReport report = monitor.stop();

        assertThat(monitor.samples()).extracting(NoiseSample::otherCores)
                .containsExactly(0.0, 0.0, 0.05);
        assertThat(report.maxOtherCpuCores()).isCloseTo(0.05, offset(1e-9));
        assertThat(report.quiet()).as("%s", report.warnings()).isTrue();
    }

    @Test
    void aMeasuredProcessIsCountedFromWhenItIsNamed() {
        int child = 77;
        machine.spend(child, 5_000); // CPU it used before the monitor was told about it
        NoiseMonitor monitor = monitor();
        monitor.measure(child);
        monitor.measure(123_456); // a pid that does not exist is ignored
        machine.spend(child, 1_000);
        second(monitor, 1.2, 200);
        NoiseReport report = monitor.stop();

        assertThat(monitor.samples()).singleElement()
                .satisfies(s -> assertThat(s.measuredCores()).isCloseTo(1.2, offset(1e-9)));
        assertThat(report.maxOtherCpuCores()).isZero();
    }

    @Test
    void stopSamplesATailOfHalfAnIntervalAndIsIdempotent() {
        NoiseMonitor monitor = monitor();
        second(monitor, 0.5, 500);
        machine.busy(2.0, 600);
        nanos.addAndGet(600_000_000L); // 0.6 of an interval after the last sample: counted
        NoiseReport report = monitor.stop();

        assertThat(report.sampleCount()).isEqualTo(2);
        assertThat(report.durationMillis()).isEqualTo(1_600);
        assertThat(monitor.samples().get(1).intervalMillis()).isEqualTo(600);
        assertThat(monitor.samples().get(1).otherCores()).isCloseTo(2.0, offset(1e-9));
        assertThat(monitor.stop()).isSameAs(report);
        monitor.sampleNow(); // after stop: nothing more is taken
        assertThat(monitor.samples()).hasSize(2);

        NoiseMonitor shortTail = monitor();
        second(shortTail, 0.5, 500);
        nanos.addAndGet(400_000_000L); // under half an interval: mostly tick noise, left out
        assertThat(shortTail.stop().sampleCount()).isEqualTo(1);
    }

    @Test
    void swapLoadAndGovernorComeFromTheCounters() {
        machine.swapUsed = 1_000L;
        machine.governor = "powersave";
        NoiseMonitor monitor = monitor();
        machine.swapUsed = 5_000_000L;
        machine.load = 3.25;
        second(monitor, 0.1, 100);
        NoiseReport report = monitor.stop();

        assertThat(report.swapUsedStartBytes()).isEqualTo(1_000L);
        assertThat(report.swapUsedMaxBytes()).isEqualTo(5_000_000L);
        assertThat(report.loadAverageMaxOneMin()).isEqualTo(3.25);
        assertThat(report.governor()).isEqualTo("powersave");
        assertThat(report.logicalCores()).isEqualTo(2);
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("Swap use grew"))
                .anyMatch(w -> w.contains("'powersave'"));
    }

    @Test
    void withoutCpuCountersNoSampleIsTakenAndTheReportSaysSo() {
        machine.ticksReadable = false;
        NoiseMonitor monitor = monitor();
        second(monitor, 1.0, 100);
        NoiseReport report = monitor.stop();

        assertThat(report.sampleCount()).isZero();
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("No noise samples were taken"));
    }

    @Test
    void busyFractionIgnoresIdleAndIowait() {
        long[] before = new long[TickType.values().length];
        long[] after = new long[TickType.values().length];
        after[TickType.USER.getIndex()] = 30;
        after[TickType.SYSTEM.getIndex()] = 10;
        after[TickType.IDLE.getIndex()] = 50;
        after[TickType.IOWAIT.getIndex()] = 10;

        assertThat(NoiseMonitor.busyFraction(before, after)).isEqualTo(0.4);
        assertThat(NoiseMonitor.busyFraction(after, after)).isZero();
    }

    @Test
    void theIntervalInWhichAMeasuredProcessExitsIsCreditedToIt() {
        // 1.6 cores busy, 0.4 s of measured CPU seen in a 1 s interval: 1.2 cores would be "other"...
        assertThat(NoiseMonitor.measuredCores(1.6, 400, 1000, false)).isEqualTo(0.4);
        // ...unless a measured process exited in it, whose last CPU nobody can read any more
        assertThat(NoiseMonitor.measuredCores(1.6, 400, 1000, true)).isEqualTo(1.6);
    }

    /** The real scheduler on the real machine: only what holds however busy the machine is. */
    @Test
    void samplesOnItsOwnThreadAndStopIsIdempotent() throws Exception {
        long before = System.nanoTime();
        NoiseMonitor monitor = NoiseMonitor.start(Duration.ofMillis(200));
        Thread.sleep(1_000);
        NoiseReport report = monitor.stop();
        long wallMillis = (System.nanoTime() - before) / 1_000_000;

        // the scheduler may be starved, but stop() samples the tail of at least half an interval itself
        assertThat(report.sampleCount()).isPositive();
        assertThat(report.durationMillis()).isBetween(1_000L, wallMillis);
        assertThat(report.logicalCores()).isPositive();
        assertThat(report.meanOtherCpuCores()).isBetween(0.0, (double) report.logicalCores());
        assertThat(report.maxOtherCpuCores()).isGreaterThanOrEqualTo(report.meanOtherCpuCores());
        assertThat(report.quiet()).isEqualTo(report.warnings().isEmpty());
        assertThat(monitor.samples()).hasSize(report.sampleCount())
                .allSatisfy(s -> assertThat(s.busyCores()).isBetween(0.0, (double) report.logicalCores()));

        assertThat(monitor.stop()).isSameAs(report);
        monitor.close();
        assertThat(monitor.samples()).hasSize(report.sampleCount());
    }

    /**
     * OSHI's counters on the real machine: this process's CPU time grows by at least the CPU this thread was given
     * (the thread's own CPU clock decides when to stop, not the wall clock), and a process that has exited is gone.
     */
    @Test
    void theRealCountersSeeThisProcessesCpuAndLoseAnExitedOne() throws Exception {
        OshiCounters real = new OshiCounters();
        assertThat(real.logicalCores()).isPositive();
        assertThat(real.cpuTicks()).hasSize(TickType.values().length);
        int self = real.ownPid();
        assertThat((long) self).isEqualTo(ProcessHandle.current().pid());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processBefore = real.cpuMillis(self);
        long threadBefore = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - threadBefore < 300_000_000L) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        long processAfter = real.cpuMillis(self);
        assertThat(x).isNotNegative();
        assertThat(processAfter - processBefore).as("ms of CPU, 10 ms ticks").isGreaterThanOrEqualTo(300 - 20);

        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(real.cpuMillis((int) done.pid())).isNull();
    }
}
