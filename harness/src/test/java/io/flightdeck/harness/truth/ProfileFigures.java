package io.flightdeck.harness.truth;

import java.util.List;

import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.Ranked;

/**
 * The figures of an {@link Analysis} that a truth is checked against, each a weight in the section's own unit (CPU
 * samples or nanoseconds, bytes, nanoseconds blocked). The only class of these tests that reads the analysis's
 * fields: when the analysis's model changes (CPU-time samples, native frames, wait states), this is the seam to
 * adapt, and the checks stay as they are.
 */
interface ProfileFigures {

    /** CPU of the samples whose stack holds the method ({@code package.Class.name}, any parameters). */
    long cpuInclusive(String method);

    /** CPU of the samples taken on the thread. */
    long cpuOfThread(String thread);

    /** Bytes allocated where the method is the top frame. */
    long allocatedAt(String method);

    /** Bytes allocated by the thread. */
    long allocatedBy(String thread);

    /** Time the thread is reported blocked on a lock (lock contention). */
    long blockedOf(String thread);

    /** The threads reported as blocked on a lock, heaviest first. */
    List<String> blockedThreads();

    static ProfileFigures of(Analysis analysis) {
        return new ProfileFigures() {
            @Override
            public long cpuInclusive(String method) {
                return byMethod(analysis.cpu().hotByTotal(), method);
            }

            @Override
            public long cpuOfThread(String thread) {
                return byName(analysis.cpu().byThread(), thread);
            }

            @Override
            public long allocatedAt(String method) {
                return byMethod(analysis.allocation().bySite(), method);
            }

            @Override
            public long allocatedBy(String thread) {
                return byName(analysis.allocation().byThread(), thread);
            }

            @Override
            public long blockedOf(String thread) {
                return byName(analysis.locks().byThread(), thread);
            }

            @Override
            public List<String> blockedThreads() {
                return analysis.locks().byThread().stream().filter(r -> r.weight() > 0).map(Ranked::name).toList();
            }
        };
    }

    /** A method's weight: rows named {@code method(...)}, overloads added up. */
    private static long byMethod(List<Ranked> rows, String method) {
        return rows.stream().filter(r -> r.name().startsWith(method + "(")).mapToLong(Ranked::weight).sum();
    }

    private static long byName(List<Ranked> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).mapToLong(Ranked::weight).sum();
    }
}
