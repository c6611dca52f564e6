package io.flightdeck.harness.testworkloads;

import java.util.List;
import java.util.Set;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.api.WorkloadContext;

/**
 * A workload with a test-only knob: {@code --param slow=true} makes {@link #injectedWork} four times as long, the
 * planted regression a comparison must catch and pin on that method.
 */
public final class KnobWorkload implements Workload {

    static final int VALUES = 20_000;

    @Override
    public String name() {
        return "test-knob";
    }

    @Override
    public String description() {
        return "test: hashes an array, then injectedWork over it (4 rounds with --param slow=true, else 1)";
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("slow");
    }

    @Override
    public void checkParameter(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " '" + value + "': use true or false");
        }
    }

    @Override
    public List<WorkloadCase> cases(Scale scale) {
        return List.of(WorkloadCase.ofSize(VALUES));
    }

    @Override
    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
        int rounds = context.parameter("slow").map(Boolean::parseBoolean).orElse(false) ? 4 : 1;
        long[] values = new long[VALUES];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 2654435761L + context.seed();
        }
        return new Session() {
            private long sink;

            @Override
            public Object operation(int thread) {
                // kept in a field, the array returned: an autoboxed long would bring C2's late-inlined
                // Long.valueOf, which can pin the inlined injectedWork's samples on operation() (see InliningWorkload)
                sink += hash(values) + injectedWork(values, rounds);
                return values;
            }
        };
    }

    static long hash(long[] values) {
        long h = 0;
        for (long v : values) {
            h = h * 31 + (v ^ (h >>> 7));
        }
        return h;
    }

    static long injectedWork(long[] values, int rounds) {
        long s = 0;
        for (int r = 0; r < rounds; r++) {
            for (long v : values) {
                s += Long.rotateLeft(v, r + 1) ^ (s >>> 5);
            }
        }
        return s;
    }
}
