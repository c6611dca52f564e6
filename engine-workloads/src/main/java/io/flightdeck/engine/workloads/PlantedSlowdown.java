package io.flightdeck.engine.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A slowdown planted on purpose, to measure how often the regression gate catches one (scripts/ab-trials). A build
 * with the resource {@value #RESOURCE} ({@code retrieval-scaling=0.2}: each operation of that workload takes 20 %
 * longer) has it; no build of this repository does, and then the check below is a constant the JIT folds away.
 * The extra time is a busy wait as long as the share asked of the operation's own time, so a JVM that settled at
 * a slow speed is slowed by the same share as a fast one.
 */
final class PlantedSlowdown {

    static final String RESOURCE = "planted-slowdown.properties";

    private static final Properties SHARES = load();

    private PlantedSlowdown() {
    }

    /** The share {@code workload}'s operations are slowed by; 0 for none. */
    static double of(String workload) {
        String v = SHARES.getProperty(workload);
        return v == null ? 0 : Double.parseDouble(v.strip());
    }

    /** Busy-waits {@code share} of the time since {@code began} (a {@link System#nanoTime} reading). */
    static void spin(long began, double share) {
        long now = System.nanoTime();
        long until = now + (long) ((now - began) * share);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PlantedSlowdown.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
