package io.flightdeck.harness.sampler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.flightdeck.child.files.FileTrees;

/**
 * Decides, once per command, which sampler the children use: what was asked if it loads, else the next best
 * (async-profiler, then jdk.CPUTimeSample, then JFR's own samples). Whether async-profiler loads is tried for real,
 * with a {@code java -agentpath:… -version} on the children's java and the agent's real options: a library that
 * does not load (another architecture, a corrupted file, a JVM that refuses agents) costs a warning, never a run.
 */
public final class SamplerChooser {

    /** A JVM that loads the agent and prints its version takes well under a second; this is for a stuck one. */
    private static final long PROBE_SECONDS = 60;

    /** Where the agent comes from; extraction may fail (no agent for this machine, a read-only cache). */
    @FunctionalInterface
    public interface AgentSource {
        Path library() throws IOException;
    }

    private SamplerChooser() {
    }

    /** The agent extracted into {@code cache} (see {@link AsyncProfilerLibrary}). */
    public static AgentSource extractedInto(Path cache) {
        return () -> AsyncProfilerLibrary.extract(cache);
    }

    public static SamplerDecision choose(Sampler asked, ChildJava java, AgentSource agent) {
        String fallback = null; // why something better than what is used could not be
        if (asked == Sampler.AUTO || asked == Sampler.ASYNC_PROFILER) {
            try {
                Path library = agent.library();
                String problem = probe(java, library);
                if (problem == null) {
                    return new SamplerDecision(asked, Sampler.ASYNC_PROFILER, null, false, library);
                }
                fallback = "async-profiler did not load: " + problem;
            } catch (IOException e) {
                fallback = "async-profiler could not be extracted: " + e.getMessage();
            }
        }
        if (asked != Sampler.JFR) {
            String cpuTime = cpuTimeProblem(java);
            if (cpuTime == null) {
                return new SamplerDecision(asked, Sampler.JFR_CPU_TIME, fallback, fallback != null, null);
            }
            if (asked == Sampler.JFR_CPU_TIME) {
                return new SamplerDecision(asked, Sampler.JFR, cpuTime, true, null);
            }
            return new SamplerDecision(asked, Sampler.JFR, fallback + "; " + cpuTime, true, null);
        }
        return SamplerDecision.JFR;
    }

    /** Why jdk.CPUTimeSample cannot be used by this java; null when it can (JDK 25+ on Linux). */
    static String cpuTimeProblem(ChildJava java) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "jdk.CPUTimeSample needs Linux";
        }
        return java.feature() >= 25 ? null : "jdk.CPUTimeSample needs JDK 25 or later, the children run "
                + java.version();
    }

    /** Null when the agent loads and starts in this java; else what went wrong, in one line. */
    static String probe(ChildJava java, Path library) {
        Path dir = null;
        Process p = null;
        try {
            dir = Files.createTempDirectory("flightdeck-sampler-probe");
            List<String> command = List.of(java.executable().toString(),
                    SamplerFlags.agentFlag(library, dir.resolve("probe.jfr")), "-version");
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                return "java with the agent did not finish within " + PROBE_SECONDS + " s";
            }
            if (p.exitValue() != 0) {
                String last = out.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
                return "exit code " + p.exitValue() + (last.isEmpty() ? "" : ": " + last.strip());
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (dir != null) {
                FileTrees.deleteQuietly(dir);
            }
        }
    }
}
