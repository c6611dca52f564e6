package io.flightdeck.profiling.locks;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * Lock contention, and apart from it the waits. Contention: contended {@code synchronized} blocks
 * ({@code jdk.JavaMonitorEnter}) and parks inside lock acquisition ({@code jdk.ThreadPark} under
 * {@code AbstractQueuedSynchronizer.acquire…}, {@code StampedLock} and the like: see {@link Parks} for the rule).
 * Waits: every other park (idle pools' queues, condition waits, futures, {@code parkNanos} sleeps), which are not
 * contention and used to be counted as such. Sites are the first frame outside the park and lock machinery (the caller
 * of {@code ReentrantLock.lock()}), not {@code Unsafe.park}. JFR records only waits longer than its threshold (10 ms
 * in "profile", 20 ms in "default"), so short contention is not here.
 *
 * @param events             contention events recorded (monitor enters and lock parks)
 * @param blockedNanos       their total duration
 * @param monitorEnterEvents contended monitor enters
 * @param parkEvents         parks inside lock acquisition (before, every park was counted here)
 * @param bySite             the blocking call by blocked time
 * @param byClass            the monitor's class, or the class parked on, by blocked time
 * @param byThread           threads by blocked time
 * @param waitEvents         parks that were waits, not contention
 * @param waitNanos          their total duration
 * @param waitsBySite        the waiting call by time waited
 * @param waitsByThread      threads by time waited in parks
 */
public record LockAnalysis(long events, long blockedNanos, long monitorEnterEvents, long parkEvents, List<Ranked> bySite,
                           List<Ranked> byClass, List<Ranked> byThread, long waitEvents, long waitNanos,
                           List<Ranked> waitsBySite, List<Ranked> waitsByThread) {
}
