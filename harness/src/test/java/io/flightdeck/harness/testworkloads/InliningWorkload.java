package io.flightdeck.harness.testworkloads;

import java.util.HashMap;
import java.util.Map;

import io.flightdeck.harness.workload.Session;
import io.flightdeck.harness.workload.Workload;
import io.flightdeck.harness.workload.WorkloadCase;
import io.flightdeck.harness.workload.WorkloadContext;

/**
 * A slow method the JIT inlines into its caller, the check that a profile does not blame inlined code on its caller:
 * each operation puts {@link #KEYS} entries into a {@link HashMap} (cheap work), each value computed by
 * {@link #slowMix}, a 64-step arithmetic loop that takes most of the operation's time.
 *
 * <p>Why it is inlined: {@code slowMix} is 26 bytes of bytecode, under C2's {@code MaxInlineSize} (35 bytes: inlined
 * at any call site, hot or not) and far under {@code FreqInlineSize} (325, for hot sites), and its only call site is
 * the hot loop of {@link #churn}. {@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining} prints, under
 * {@code churn}, "{@code InliningWorkload::slowMix (26 bytes)   inline (hot)}". Inlined, it has no frame of its own:
 * a sampler finds it only through the debug information of the compiled caller, which JFR records at every
 * instruction only with {@code -XX:+DebugNonSafepoints}. Without that flag JFR's samples land on the nearest
 * safepoint's scope, and {@code HashMap.put}, which is not inlined whole, takes the blame (see InliningTruthTest).
 */
public final class InliningWorkload implements Workload {

    public static final int KEYS = 4_096;
    /** Where the time goes: what a profile must name as its top self-time method. */
    public static final String SLOW_METHOD = InliningWorkload.class.getName() + ".slowMix";

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
            public void operation(int thread) {
                seed = churn(map, seed);
            }
        };
    }

    /** One operation: {@link #KEYS} puts, keys cycling over 1,024 so that the map stays small. */
    public static int churn(Map<Integer, Integer> map, int seed) {
        int s = seed;
        for (int i = 0; i < KEYS; i++) {
            s = slowMix(s + i);
            map.put(i & 1023, s);
        }
        return s;
    }

    /** Deliberately slow and deliberately small: a dependent chain of 64 multiply-shift-adds. */
    static int slowMix(int x) {
        for (int i = 0; i < 64; i++) {
            x = x * 31 + (x >>> 7);
        }
        return x;
    }
}
