package io.flightdeck.harness.measure.footprint;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags every child JVM gets so that JOL, whichever workload uses it (the engine's footprint probe, a leak
 * check's retained-size checkpoints), measures quietly: JOL attaches an agent to its own JVM and, without them,
 * prints a warning on <em>stdout</em>, where a child reports. On records, JOL needs {@code jol.magicFieldOffset}.
 */
public final class JolFlags {

    private JolFlags() {
    }

    /**
     * The JVM flags a child JVM needs for JOL to stay quiet on this Java feature version: 17+ must allow
     * self-attach; 21+ (JEP 451) also warns on dynamic agent loading unless enabled; 24+ (JEP 498) warns on
     * sun.misc.Unsafe memory access unless allowed. Older JVMs reject the newer flags, so each is given only
     * from the version that knows it.
     */
    public static List<String> forJava(int javaFeatureVersion) {
        List<String> flags = new ArrayList<>();
        flags.add("-Djdk.attach.allowAttachSelf=true");
        // set before any JOL class loads, whatever code in the child uses JOL first (records need it, see above)
        flags.add("-Djol.magicFieldOffset=true");
        if (javaFeatureVersion >= 21) {
            flags.add("-XX:+EnableDynamicAgentLoading");
        }
        if (javaFeatureVersion >= 24) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(flags);
    }
}
