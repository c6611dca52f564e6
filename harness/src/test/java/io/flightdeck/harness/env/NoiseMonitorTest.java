package io.flightdeck.harness.env;

import org.junit.jupiter.api.Test;
import oshi.hardware.CentralProcessor.TickType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseMonitorTest {

    @Test
    void samplesForRealAndStopIsIdempotent() throws Exception {
        NoiseMonitor monitor = NoiseMonitor.start(Duration.ofMillis(200));
        Thread.sleep(1_500);
        NoiseReport report = monitor.stop();

        assertThat(report.sampleCount()).isGreaterThanOrEqualTo(3);
        assertThat(report.durationMillis()).isBetween(1_400L, 10_000L);
        assertThat(report.logicalCores()).isGreaterThanOrEqualTo(1);
        assertThat(report.meanOtherCpuCores()).isBetween(0.0, (double) report.logicalCores());
        assertThat(report.maxOtherCpuCores()).isGreaterThanOrEqualTo(report.meanOtherCpuCores());
        assertThat(report.quiet()).isEqualTo(report.warnings().isEmpty());
        assertThat(monitor.samples()).hasSize(report.sampleCount())
                .allSatisfy(s -> assertThat(s.busyCores()).isBetween(0.0, (double) report.logicalCores()));

        assertThat(monitor.stop()).isSameAs(report);
        monitor.close();
        assertThat(monitor.samples()).hasSize(report.sampleCount());
    }

    @Test
    void ownCpuIsCountedAsMeasuredNotAsNoise() throws Exception {
        // Compares with the CPU the spinning thread actually got (ThreadMXBean), not with wall time: on a
        // shared machine other builds may leave it well under one core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (NoiseMonitor monitor = NoiseMonitor.start(Duration.ofMillis(200))) {
            monitor.measure(ProcessHandle.current().pid()); // already tracked: must not double count
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long until = System.nanoTime() + 1_000_000_000L;
            long x = 0;
            while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime()); // keep this thread on a core
            }
            double spinMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
            assertThat(x).isNotNegative();
            Thread.sleep(300); // let a sample close after the spin, so all of it lies inside sampled intervals
            NoiseReport report = monitor.stop();

            double measuredMillis = monitor.samples().stream()
                    .mapToDouble(s -> s.measuredCores() * s.intervalMillis()).sum();
            // 10 ms ticks per read: allow a few; the rest of this JVM (JIT, GC, the sampler) only adds to it.
            assertThat(measuredMillis).as("CPU of this process seen by the monitor, ms")
                    .isGreaterThan(spinMillis * 0.9 - 40);
            assertThat(report.sampleCount()).isGreaterThanOrEqualTo(5);
        }
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
    void aBusyProcessNobodyMeasuresIsReportedAsNoise() throws Exception {
        // a planted neighbour: a shell spinning on one core for the whole sampling window
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            NoiseMonitor monitor = NoiseMonitor.start(Duration.ofMillis(250));
            Thread.sleep(2_500);
            NoiseReport report = monitor.stop();
            assertThat(report.meanOtherCpuCores()).isGreaterThan(0.5);
            assertThat(report.quiet()).isFalse();
            assertThat(report.warnings()).anyMatch(w -> w.contains("Other processes"));
        } finally {
            spinner.destroyForcibly().waitFor();
        }
    }

    @Test
    void theIntervalInWhichAMeasuredProcessExitsIsCreditedToIt() {
        // 1.6 cores busy, 0.4 s of measured CPU seen in a 1 s interval: 1.2 cores would be "other"...
        assertThat(NoiseMonitor.measuredCores(1.6, 400, 1000, false)).isEqualTo(0.4);
        // ...unless a measured process exited in it, whose last CPU nobody can read any more
        assertThat(NoiseMonitor.measuredCores(1.6, 400, 1000, true)).isEqualTo(1.6);
    }

    @Test
    void aMeasuredProcessThatExitsIsNotReportedAsNoise() throws Exception {
        // a measured child that spins and then exits between two samples: its last CPU must not become noise
        Process child = new ProcessBuilder("bash", "-c", "while [ $SECONDS -lt 1 ]; do :; done").start();
        NoiseMonitor monitor = NoiseMonitor.start(Duration.ofMillis(400));
        monitor.measure(child.pid());
        child.waitFor();
        Thread.sleep(900);
        NoiseReport report = monitor.stop();
        assertThat(report.sampleCount()).isGreaterThanOrEqualTo(2);
        assertThat(report.maxOtherCpuCores()).isLessThan(0.9);
    }
}
