package io.flightdeck.harness.testworkloads;

import java.util.HashMap;
import java.util.Map;

import io.flightdeck.harness.workload.Session;
import io.flightdeck.harness.workload.Workload;
import io.flightdeck.harness.workload.WorkloadCase;
import io.flightdeck.harness.workload.WorkloadContext;

/**
 * A slow method the JIT inlines into its caller, the check that a profile does not blame inlined code on its caller:
 * each operation puts {@link #KEYS} entries into a {@link HashMap} (cheap work: keys and values are small cached
 * {@code Integer}s), each value computed by {@link #slowMix}, a chain of 18 dependent table look-ups that takes most
 * of the operation's time.
 *
 * <p>Why it is inlined: {@code slowMix} is 272 bytes of bytecode, over {@code MaxInlineSize} (35: the limit for any
 * call site) but under {@code FreqInlineSize} (325: the limit for hot call sites), and its only call site is the
 * hot loop of {@link #churn}. {@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining} prints, under C2's
 * compilation of {@code churn}, "{@code InliningWorkload::slowMix (272 bytes)   inline (hot)}". Straight-line code
 * on purpose: a loop inside it would carry a safepoint poll, whose debug information names {@code slowMix} even
 * without DebugNonSafepoints. Inlined, it has no frame of its own: a sampler can find it only through the debug
 * information of the compiled caller, which C2 writes beyond safepoints only with {@code -XX:+DebugNonSafepoints}.
 *
 * <p>Measured here (JFR at 2 ms, 5,000 operations of {@code InliningProgram}): without the flag, {@code HashMap.put}
 * 72–82 % and {@code slowMix} about 10 % on JDK 17, {@code HashMap.put} 89 % on JDK 25: the symptom. With the
 * flag it is not reliable either: on JDK 17 {@code slowMix} read 70, 50, 27, 19 % and under 6 % in runs of the same
 * program (the rest on the caller {@code churn}); on JDK 25 {@code churn} took 79–88 % in every run, and
 * async-profiler (which turns the flag on itself) gave {@code churn} 49–93 % on both. C2 keeps debug information
 * for only some of the instructions of inlined code, so even with the flag a sample can resolve to the caller; the
 * tests that expect {@code slowMix} on top are tagged {@code issue17-pending} (see
 * {@code io.flightdeck.harness.truth.InliningTruthTest}).
 */
public final class InliningWorkload implements Workload {

    public static final int KEYS = 4_096;
    /** Where the time goes: what a profile must name as its top self-time method. */
    public static final String SLOW_METHOD = InliningWorkload.class.getName() + ".slowMix";
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = i * 0x9E3779B1 + 0x7F4A7C15;
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
            public void operation(int thread) {
                seed = churn(map, seed);
            }
        };
    }

    /** One operation: {@link #KEYS} puts, keys and values under 128 so that boxing allocates nothing. */
    public static int churn(Map<Integer, Integer> map, int seed) {
        int s = seed;
        for (int i = 0; i < KEYS; i++) {
            s = slowMix(s + i);
            map.put(i & 127, s & 127);
        }
        return s;
    }

    /**
     * Deliberately slow and small enough to inline when hot: 18 dependent look-ups, each waiting for the last. The
     * index is masked to the table's length, so C2 drops the range checks and nothing here needs debug information
     * of its own.
     */
    static int slowMix(int x) {
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        x = TABLE[x & 255] ^ (x >>> 8);
        return x;
    }
}
