package io.flightdeck.child.measure.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceMeterTest {

    private static final long MB = 1_000_000L;

    /** Keeps the allocated arrays observable, so the JIT cannot drop the allocations as dead code. */
    private static volatile Object sink;

    @BeforeAll
    static void warmUp() {
        ResourceMeter.warmUp();
    }

    @Test
    void countsAllocationCpuAndRssOfAnAllocatingPhase() {
        ResourceMeter meter = ResourceMeter.start();
        long checksum = 0;
        for (int i = 0; i < 50; i++) {
            byte[] block = new byte[1 << 20]; // 50 x 1 MiB = 52.4 MB
            block[i] = (byte) i;
            checksum += block[i];
            sink = block;
        }
        spinCpu(200);
        Resources r = meter.stop();

        assertThat(checksum).isPositive();
        assertThat(r.allocatedBytes()).isNotNull().isGreaterThanOrEqualTo(50 * MB);
        assertThat(r.allocationRateBytesPerSecond()).isNotNull().isPositive();
        assertThat(r.wallNanos()).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(r.cpuUserNanos()).isNotNull();
        assertThat(r.cpuSystemNanos()).isNotNull();
        // the spin ran until this thread had 200 ms of CPU, however long the machine took to give it that
        // (the OS counts process CPU in 10 ms ticks)
        assertThat(r.cpuUserNanos() + r.cpuSystemNanos()).isGreaterThanOrEqualTo(180_000_000L);
        assertThat(r.peakRssBytes()).isNotNull().isPositive();
        assertThat(r.heapPeakBytes()).isNotNull().isPositive();
        assertThat(r.gcCount()).isNotNull().isGreaterThanOrEqualTo(0);
        if (System.getProperty("os.name").startsWith("Linux")) {
            // the since-start peak is at or above any phase sample, up to the kernel's batched RSS accounting
            assertThat(r.processPeakRssBytes()).isNotNull().isGreaterThanOrEqualTo(r.peakRssBytes() * 9 / 10);
            assertThat(r.diskReadBytes()).isNotNull().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aPhaseWithAnExplicitGcCountsIt() {
        ResourceMeter meter = ResourceMeter.start();
        sink = new byte[4 << 20];
        System.gc();
        Resources r = meter.stop();

        assertThat(r.gcCount()).isNotNull().isGreaterThanOrEqualTo(1);
        assertThat(r.gcTimeMillis()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(r.heapAfterGcBytes()).isNotNull().isPositive();
    }

    @Test
    void aQuietPhaseHasNoCollectionFigureFromBefore() {
        System.gc(); // leaves a stale "after GC" figure that must not leak into the next phase
        ResourceMeter meter = ResourceMeter.start();
        Resources r = meter.stop();

        if (r.gcCount() != null && r.gcCount() == 0) {
            assertThat(r.heapAfterGcBytes()).isNull();
        }
    }

    @Test
    void countsThreadsStartedDuringThePhase() throws InterruptedException {
        ResourceMeter meter = ResourceMeter.start();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                sink = new byte[1 << 20];
            }
            allocated.countDown();
            try {
                stopped.await(); // stays alive until stop(), however long that takes: a dead thread's counter is lost
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        allocated.await();
        Resources r = meter.stop();
        stopped.countDown();
        worker.join();

        assertThat(r.allocatedBytes()).isGreaterThanOrEqualTo(20 * MB);
    }

    @Test
    void stopsOnlyOnce() {
        ResourceMeter meter = ResourceMeter.start();
        meter.stop();
        assertThatThrownBy(meter::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Resources measured = ResourceMeter.start().stop();
        Resources withNulls = new Resources(5, null, null, null, null, null, null, null, null, null, null, null, null);

        for (Resources r : new Resources[] {measured, withNulls}) {
            String text = json.writeValueAsString(r);
            assertThat(json.readValue(text, Resources.class)).isEqualTo(r);
        }
        assertThat(json.writeValueAsString(withNulls)).contains("\"peakRssBytes\":null");
    }

    @Test
    void parsesProcStatusKibibytes() {
        assertThat(ProcStatus.parseKiB("\t    2168 kB")).isEqualTo(2168L * 1024);
        assertThat(ProcStatus.parseKiB("  ")).isNull();
        assertThat(ProcStatus.parseKiB(" x kB")).isNull();
    }

    /** Spins until this thread has had {@code millis} of CPU: at least as long in wall time, on any machine. */
    private static void spinCpu(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }
}
