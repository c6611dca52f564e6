package io.flightdeck.harness.sampler;

import java.util.List;
import java.util.Objects;

/**
 * What the command line decides about every child JVM beyond the heap and collector: the java it runs on, the
 * user's extra flags ({@code --jvm-args}) and the sampler.
 */
public record ChildJvm(ChildJava java, List<String> jvmArgs, SamplerDecision sampler) {

    public ChildJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(sampler, "sampler");
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** The command's own java, no extra flags, JFR's samples: for plans made without the command line. */
    public static ChildJvm defaults() {
        return new ChildJvm(ChildJava.current(), List.of(), SamplerDecision.JFR);
    }
}
