package io.flightdeck.junit;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Assertions that the live heap does not grow past a limit across some work, for tests that guard against leaks:
 *
 * <pre>{@code
 * HeapGrowth.assertPerOperation(64, 1_000, 10_000, i -> cache.put("k" + (i % 100), value));
 * }</pre>
 *
 * Each side is measured after a full collection ({@link ClassHistogram#take()}), so only what stays reachable
 * counts; on failure the message names the classes that grew most. Warm-up operations run first, unmeasured, so that
 * what any first call creates once (class loading, caches that fill to a bound) is not taken for a leak.
 */
public final class HeapGrowth {

    private HeapGrowth() {
    }

    /** Runs {@code operations} operations after {@code warmup} unmeasured ones and reports how the live heap grew. */
    public static HeapGrowthReport measure(long warmup, long operations, LongConsumer operation) {
        Objects.requireNonNull(operation, "operation");
        if (warmup < 0 || operations < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and operations >= 1");
        }
        for (long i = 0; i < warmup; i++) {
            operation.accept(i);
        }
        ClassHistogram before = ClassHistogram.baseline();
        for (long i = 0; i < operations; i++) {
            operation.accept(warmup + i);
        }
        ClassHistogram after = ClassHistogram.take();
        return new HeapGrowthReport(before.bytes(), after.bytes(), operations,
                after.grewSince(before, HeapGrowthReport.NAMED));
    }

    /** Fails when the live heap grows more than {@code maxBytesPerOperation} per operation, on average. */
    public static HeapGrowthReport assertPerOperation(double maxBytesPerOperation, long warmup, long operations,
                                                      LongConsumer operation) {
        HeapGrowthReport report = measure(warmup, operations, operation);
        if (report.bytesPerOperation() > maxBytesPerOperation) {
            throw new AssertionError(report.describe(String.format(Locale.ROOT, "%,.1f bytes per operation",
                    maxBytesPerOperation)));
        }
        return report;
    }

    /** Fails when the live heap grows more than {@code maxBytes} across {@code body}. */
    public static HeapGrowthReport assertAtMost(long maxBytes, Runnable body) {
        Objects.requireNonNull(body, "body");
        HeapGrowthReport report = measure(0, 1, i -> body.run());
        if (report.growth() > maxBytes) {
            throw new AssertionError(report.describe(String.format(Locale.ROOT, "%,d bytes", maxBytes)));
        }
        return report;
    }
}
