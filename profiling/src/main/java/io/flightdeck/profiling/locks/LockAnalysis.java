package io.flightdeck.profiling.locks;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * Where threads waited: contended {@code synchronized} blocks ({@code jdk.JavaMonitorEnter}) and parking
 * ({@code jdk.ThreadPark}: {@code java.util.concurrent} locks, queues, sleeps in pools), in nanoseconds blocked.
 * JFR records only waits longer than its threshold (10 ms in "profile", 20 ms in "default"), so short contention is
 * not here.
 *
 * @param events         waits recorded
 * @param blockedNanos   their total duration
 * @param bySite         the waiting call (top frame) by blocked time
 * @param byClass        the monitor's class, or the class parked on, by blocked time
 * @param byThread       threads by blocked time
 */
public record LockAnalysis(long events, long blockedNanos, long monitorEnterEvents, long parkEvents, List<Ranked> bySite,
                           List<Ranked> byClass, List<Ranked> byThread) {
}
