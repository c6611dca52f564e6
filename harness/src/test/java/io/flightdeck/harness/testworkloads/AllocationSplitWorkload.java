package io.flightdeck.harness.testworkloads;

import java.util.List;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * Allocation with a known split, as fast as it can: each operation allocates seven {@code long[1000]} in
 * {@link #longs} (8,016 bytes each with a 64-bit JVM's 16-byte array header) and one {@code char[12016]} in
 * {@link #chars} (24,048 bytes): 70.0 % and 30.0 % of the bytes, at a rate of gigabytes a second, which is what
 * makes a run's child pace its allocation sampler ({@code AllocationPacingRunTest}). A second case ({@code size=2})
 * allocates only {@code int[3000]} in {@link #ints}, from stacks its first case never had: the agent resumed for it
 * numbers their frames afresh, which the merged recording must not confuse with the first case's. Nothing is kept
 * alive.
 */
public final class AllocationSplitWorkload implements Workload {

    public static final String LONGS = AllocationSplitWorkload.class.getName() + ".longs";
    public static final String CHARS = AllocationSplitWorkload.class.getName() + ".chars";
    public static final String INTS = AllocationSplitWorkload.class.getName() + ".ints";
    public static final int LONGS_PER_OPERATION = 7;

    static volatile long sink;

    @Override
    public String name() {
        return "test-allocation-split";
    }

    @Override
    public String description() {
        return "test: allocates 70 % of its bytes as long[1000] and 30 % as char[12016], as fast as it can";
    }

    /** Gigabytes a second of garbage: only when named, not in every suite run of the tests. */
    @Override
    public boolean ordinary() {
        return false;
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofSize(1), WorkloadCase.ofSize(2));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        boolean split = workloadCase.size() == 1;
        return new Session() {
            private int round;

            @Override
            public Object operation(int thread) {
                if (!split) {
                    sink += ints(round++);
                    return null;
                }
                long s = 0;
                for (int k = 0; k < LONGS_PER_OPERATION; k++) {
                    s += longs(round + k);
                }
                s += chars(round++);
                sink += s;
                return null;
            }
        };
    }

    /** One {@code long[1000]}; a value read back so that the array is not optimised away. */
    static long longs(int i) {
        long[] a = new long[1000];
        a[i % a.length] = i;
        return a[(i * 7) % a.length];
    }

    /** One {@code int[3000]}. */
    static long ints(int i) {
        int[] a = new int[3000];
        a[i % a.length] = i;
        return a[(i * 7) % a.length];
    }

    /** One {@code char[12016]}. */
    static long chars(int i) {
        char[] a = new char[12016];
        a[i % a.length] = (char) i;
        return a[(i * 7) % a.length];
    }
}
