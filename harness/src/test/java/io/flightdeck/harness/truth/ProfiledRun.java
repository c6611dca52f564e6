package io.flightdeck.harness.truth;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.profiling.Analysis;
import io.flightdeck.profiling.AnalysisOptions;
import io.flightdeck.profiling.RecordingAnalyzer;
import io.flightdeck.profiling.RecordingException;

/**
 * A truth program run once under one sampler on one JDK: what it says it did ({@code truth.json}) and what the
 * profile says ({@link #analysis}). Kept in {@code target/truth/<program>-<sampler>-jdk<n>/} for a look afterwards,
 * and memoised, so that the tests of one configuration share one run.
 */
record ProfiledRun(String program, Sampler sampler, Jdk jdk, Path folder, JsonNode truth, Path recording) {

    private static final Map<String, ProfiledRun> RUNS = new ConcurrentHashMap<>();
    private static final long TIMEOUT_SECONDS = 180;

    static ProfiledRun of(Class<?> program, Sampler sampler, Jdk jdk) {
        String key = program.getSimpleName() + "-" + sampler.label + "-jdk" + jdk.feature();
        return RUNS.computeIfAbsent(key, k -> run(program, sampler, jdk, Path.of("target", "truth", k)));
    }

    private static ProfiledRun run(Class<?> program, Sampler sampler, Jdk jdk, Path folder) {
        try {
            Files.createDirectories(folder);
            Path recording = folder.resolve("recording.jfr").toAbsolutePath();
            Path truthFile = folder.resolve("truth.json").toAbsolutePath();
            Files.deleteIfExists(recording);
            Files.deleteIfExists(truthFile);
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.addAll(sampler.options(recording));
            command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), program.getName(),
                    truthFile.toString()));
            Files.writeString(folder.resolve("command.txt"), String.join(" ", command).replace(File.pathSeparator,
                    File.pathSeparator + "\n    ") + "\n");
            Process p = new ProcessBuilder(command).redirectOutput(folder.resolve("stdout.txt").toFile())
                    .redirectError(folder.resolve("stderr.txt").toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(key(folder) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.exists(truthFile) || !Files.exists(recording)) {
                throw new IllegalStateException(key(folder) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(folder.resolve("stderr.txt")));
            }
            return new ProfiledRun(program.getSimpleName(), sampler, jdk, folder, Json.mapper().readTree(truthFile.toFile()),
                    recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key(Path folder) {
        return folder.getFileName().toString();
    }

    /** The recording through Flightdeck's analyzer, rankings long enough to hold every item of the truth. */
    Analysis analysis() {
        try {
            return RecordingAnalyzer.analyze(recording, AnalysisOptions.defaults().withTop(500).withRulesMaxBytes(0));
        } catch (RecordingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** "CpuSplitProgram, async-profiler, JDK 25": how a table row names the configuration. */
    String configuration() {
        return program + ", " + sampler.label + ", " + jdk.label();
    }
}
