package io.flightdeck.harness.sampler;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the command line decides about every child JVM beyond the heap and collector: the java it runs on, the
 * user's extra flags ({@code --jvm-args}), the sampler, and the class path.
 *
 * @param classPath the child's whole class path (the user's entries, then the child runtime); empty when the child
 *                  runs on this JVM's own class path (no {@code --classpath} given)
 */
public record ChildJvm(ChildJava java, List<String> jvmArgs, SamplerDecision sampler, List<Path> classPath) {

    public ChildJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(sampler, "sampler");
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        classPath = classPath == null ? List.of() : List.copyOf(classPath);
    }

    /** On this JVM's own class path. */
    public ChildJvm(ChildJava java, List<String> jvmArgs, SamplerDecision sampler) {
        this(java, jvmArgs, sampler, List.of());
    }

    /** The command's own java, no extra flags, JFR's samples, its class path: for plans made without the command line. */
    public static ChildJvm defaults() {
        return new ChildJvm(ChildJava.current(), List.of(), SamplerDecision.JFR);
    }

    /** Whether the child runs on this JVM's own class path rather than the user's and the child runtime. */
    public boolean inheritsClassPath() {
        return classPath.isEmpty();
    }
}
