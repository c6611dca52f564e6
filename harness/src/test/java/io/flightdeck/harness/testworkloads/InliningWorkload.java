package io.flightdeck.harness.testworkloads;

import java.util.HashMap;
import java.util.Map;

import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * A slow method the JIT inlines into its caller, the check that a profile does not blame inlined code on its caller:
 * each operation puts {@link #KEYS} entries into a {@link HashMap} (cheap work), each value computed by
 * {@link #slowMix}, a chain of 12 dependent square roots and divisions that takes most of the operation's time.
 *
 * <p>Why it is inlined: {@code slowMix} is 174 bytes of bytecode, over {@code MaxInlineSize} (35: the limit for any
 * call site, and C1's) but under {@code FreqInlineSize} (325: C2's limit for hot call sites), and its only call site
 * is the hot loop of {@link #churn}. {@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining} prints, under C2's
 * compilation of {@code churn}, "{@code InliningWorkload::slowMix (174 bytes)   inline (hot)}". Inlined, it has no
 * frame of its own: a sampler finds it only through the debug information of the compiled caller, which C2 writes
 * for instructions other than safepoints and calls only with {@code -XX:+DebugNonSafepoints}.
 *
 * <p>Why the keys and values are boxed in advance ({@link #BOXES}) rather than by autoboxing: C2 inlines
 * {@code Integer.valueOf} late, after parsing, to eliminate boxes (JDK 25's {@code -XX:+PrintInlining} says "late
 * inline succeeded (boxing method)"), and the instructions made from then on carry the debug information of that call
 * site, a bytecode of {@code churn}. With {@code map.put(i & 127, s & 127)} the samples of the square-root chain
 * named {@code churn} at the {@code valueOf} call's bytecode, even with the flag and with async-profiler, on JDK 17
 * and 25; {@code -XX:-EliminateAutoBox} (no late inlining of boxing) put them back on the slow method. The earlier
 * shapes of this workload (straight-line table look-ups, loops of square roots or of look-ups, integer and long
 * division chains) fared the same beside autoboxing: none was attributed reliably.
 *
 * <p>Measured (5,000 operations of {@code InliningProgram}, sampling at 2 ms, about 1,300 samples in
 * {@code churn}; share of those samples whose top frame is {@code slowMix} as an "Inlined" frame; 3 runs each):
 * JFR with the flag 88–95 % on JDK 17, 95–96 % on JDK 25; async-profiler 97–98 % on both; JFR without the flag
 * 0 % on both ({@code HashMap.put} 78–97 %, the rest on {@code slowMix} as its own compiled method before C2
 * inlined it). See {@code io.flightdeck.harness.truth.InliningTruthTest}.
 */
public final class InliningWorkload implements Workload {

    public static final int KEYS = 4_096;
    /** Where the time goes: what a profile must name as its top self-time method. */
    public static final String SLOW_METHOD = InliningWorkload.class.getName() + ".slowMix";
    /** The keys and values, boxed once: no {@code Integer.valueOf} in {@link #churn} (see the class comment). */
    private static final Integer[] BOXES = new Integer[128];

    static {
        for (int i = 0; i < BOXES.length; i++) {
            BOXES[i] = i;
        }
    }

    @Override
    public String name() {
        return "test-inlining";
    }

    @Override
    public String description() {
        return "test: puts 4,096 entries into a HashMap, each value from a slow method the JIT inlines";
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        Map<Integer, Integer> map = new HashMap<>();
        return new Session() {
            private int seed = (int) context.seed();

            @Override
            public Object operation(int thread) {
                seed = churn(map, seed);
                // the map, not the int: returning seed would autobox it, and C2's late inlining of Integer.valueOf
                // (see the class comment) named the inlined square roots after this method's call site
                return map;
            }
        };
    }

    /** One operation: {@link #KEYS} puts of 128 distinct keys, so the map stays small and each put is cheap. */
    public static int churn(Map<Integer, Integer> map, int seed) {
        int s = seed;
        for (int i = 0; i < KEYS; i++) {
            s = slowMix(s + i);
            map.put(BOXES[i & 127], BOXES[s & 127]);
        }
        return s;
    }

    /**
     * Deliberately slow and small enough to inline when hot: 12 square roots and 12 divisions, each waiting for the
     * last. Straight-line, no loop: a loop would carry a safepoint poll whose debug information names
     * {@code slowMix} with or without the flag. Returns a non-negative int.
     */
    static int slowMix(int x) {
        double d = (x & 1023) + 2.0;
        d = Math.sqrt(d) / 1.0001 + 1.5;
        d = Math.sqrt(d) / 1.0002 + 1.5;
        d = Math.sqrt(d) / 1.0003 + 1.5;
        d = Math.sqrt(d) / 1.0004 + 1.5;
        d = Math.sqrt(d) / 1.0005 + 1.5;
        d = Math.sqrt(d) / 1.0006 + 1.5;
        d = Math.sqrt(d) / 1.0007 + 1.5;
        d = Math.sqrt(d) / 1.0008 + 1.5;
        d = Math.sqrt(d) / 1.0009 + 1.5;
        d = Math.sqrt(d) / 1.0010 + 1.5;
        d = Math.sqrt(d) / 1.0011 + 1.5;
        d = Math.sqrt(d) / 1.0012 + 1.5;
        return (int) (d * 1000.0);
    }
}
