package io.flightdeck.child.measure.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

import org.junit.jupiter.api.Test;

class HeapWatchTest {

    @Test
    void nearlyFullMeansEightyPercentOfTheMaximum() {
        assertThat(new HeapWatch.Fill(79, 100, "heap").nearlyFull()).isFalse();
        assertThat(new HeapWatch.Fill(80, 100, "heap").nearlyFull()).isTrue();
        assertThat(new HeapWatch.Fill(80, -1, "heap").nearlyFull()).as("no maximum: never full").isFalse();
    }

    @Test
    void itMeasuresThisJvmsHeapAndLeavesNoThresholdBehind() {
        try (HeapWatch watch = HeapWatch.start()) {
            HeapWatch.Fill fill = watch.fill();
            assertThat(fill.maxBytes()).isPositive();
            assertThat(fill.usedBytes()).isPositive().isLessThanOrEqualTo(fill.maxBytes());
            assertThat(fill.nearlyFull()).as("this test's JVM keeps little").isFalse();
            assertThat(watch.pressure()).isFalse();
        }
        assertThat(ManagementFactory.getMemoryPoolMXBeans()).filteredOn(
                MemoryPoolMXBean::isCollectionUsageThresholdSupported)
                .allSatisfy(p -> assertThat(p.getCollectionUsageThreshold()).isZero());
    }
}
