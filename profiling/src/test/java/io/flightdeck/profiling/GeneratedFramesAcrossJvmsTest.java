package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.WeightedStack;
import io.flightdeck.profiling.programs.Generated;

/**
 * The same program recorded by two JVMs names its lambda, proxy, accessor and method-handle frames alike, so a
 * differential flame graph of the two matches them instead of showing every one as new.
 */
class GeneratedFramesAcrossJvmsTest {

    @TempDir
    Path dir;

    @Test
    void twoJvmsOfOneJdkNameGeneratedFramesAlike() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Set<String> first = generatedFrames(record(java, "first"));
        Set<String> second = generatedFrames(record(java, "second"));

        assertThat(first).noneMatch(n -> n.contains("0x"));
        assertThat(second).noneMatch(n -> n.contains("0x"));
        // the generated frames each JVM sampled, under the same names in both: a lambda and the proxy at least.
        // Not every one of the program's lambdas: which of them a JVM samples on its own is the JIT's and the
        // machine's to decide (on a fresh clone one JVM once had applyAsLong's frame and not getAsLong's)
        Set<String> both = new TreeSet<>(first);
        both.retainAll(second);
        assertThat(both).as("generated frames named alike by both JVMs (first %s, second %s)", first, second)
                .anyMatch(n -> n.startsWith("io.flightdeck.profiling.programs.Generated$$Lambda."))
                .anyMatch(n -> n.endsWith("$Proxy.run(int)"));
    }

    @Test
    void jdk25NamesLambdaFramesAsJdk17Does() throws Exception {
        assumeTrue(Files.isExecutable(CrossVersionTest.JAVA_25), "Temurin 25 is not on this machine");
        Set<String> on17 = generatedFrames(record(Path.of(System.getProperty("java.home"), "bin", "java"), "here"));
        Set<String> on25 = generatedFrames(record(CrossVersionTest.JAVA_25, "jdk25"));

        assertThat(on25).noneMatch(n -> n.contains("0x"));
        Set<String> both = new TreeSet<>(on17);
        both.retainAll(on25);
        assertThat(both).as("lambda frames named alike by JDK 17 (%s) and 25 (%s)", on17, on25)
                .anyMatch(n -> n.startsWith("io.flightdeck.profiling.programs.Generated$$Lambda."));
    }

    private static Set<String> generatedFrames(Path recording) throws Exception {
        Analysis a = RecordingAnalyzer.analyze(recording, AnalysisOptions.defaults());
        CallTree cpu = a.stacks().cpu();
        Set<String> names = new TreeSet<>();
        for (WeightedStack s : cpu.stacks()) {
            for (String f : s.frames()) {
                if (f.contains("$$Lambda") || f.contains("$Proxy") || f.contains("Accessor")
                        || f.contains("LambdaForm")) {
                    names.add(f);
                }
            }
        }
        return names;
    }

    private Path record(Path java, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        String classes;
        try {
            classes = Path.of(Generated.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(List.of(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DebugNonSafepoints", "-XX:StartFlightRecording=settings=profile,filename=" + file,
                "-cp", classes, Generated.class.getName(), "3"))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the recorded program did not finish");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IOException("the recorded program failed: " + Files.readString(dir.resolve(name + ".log")));
        }
        return file;
    }
}
