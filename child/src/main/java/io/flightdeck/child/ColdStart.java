package io.flightdeck.child;

import java.util.List;

/**
 * The first operations of a case, timed one by one before any warm-up. For the first case of a child JVM this is
 * the cold start the seed warns about: interpreter, class loading and first JIT compilations included.
 *
 * @param jvmCold true when these were the first operations the JVM ran (the first case of the fork)
 */
public record ColdStart(boolean jvmCold, int operations, long firstNanos, double meanNanos, long maxNanos,
                        List<Long> nanos) {
}
