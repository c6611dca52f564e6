package io.flightdeck.profiling.alloc;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * Who allocates, in estimated bytes. JFR samples allocations (throttled, e.g. 150 or 300 samples a second), and each
 * sample's weight stands for the bytes allocated since the previous one: the figures are estimates, good for
 * ranking sites and classes and for rates, not exact totals.
 *
 * @param source          which events the figures come from: {@code async-profiler} (its sampled allocations,
 *                        weighted by bytes), {@code jdk.ObjectAllocationSample}, the TLAB events
 *                        ({@code jdk.ObjectAllocationInNewTLAB}/{@code OutsideTLAB}) when there are no samples, or
 *                        {@code none}
 * @param samples         events counted
 * @param estimatedBytes  bytes the events stand for
 * @param bytesPerSecond  {@code estimatedBytes} over the analysed span of the recording
 * @param bySite          top frames (the allocating method) by bytes
 * @param byClass         allocated classes by bytes
 * @param byThread        threads by bytes
 * @param biasNote        why the shares may be off (JFR's weights follow TLAB refills), for the reader beside the
 *                        tables; null for async-profiler's samples. Each ranking row carries its sample count.
 */
public record AllocationAnalysis(String source, long samples, long estimatedBytes, double bytesPerSecond,
                                 List<Ranked> bySite, List<Ranked> byClass, List<Ranked> byThread,
                                 String biasNote) {
}
