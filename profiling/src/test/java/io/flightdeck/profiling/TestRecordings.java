package io.flightdeck.profiling;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.profiling.programs.HotAndAllocating;

/** Recordings the tests make themselves: {@link HotAndAllocating} in a JVM of its own under JFR's profile settings. */
final class TestRecordings {

    private TestRecordings() {
    }

    static Path record(Path dir, String name, int seconds, String mode) throws IOException, InterruptedException {
        return record(dir, name, seconds, mode, "-Xmn64m");
    }

    /** @param youngGen e.g. "-Xmn16m": a small young generation collects often, which a heap trend needs */
    static Path record(Path dir, String name, int seconds, String mode, String youngGen)
            throws IOException, InterruptedException {
        return record(Path.of(System.getProperty("java.home"), "bin", "java"), dir, name, seconds, mode, youngGen);
    }

    /** The same, recorded by another JDK's {@code java}. */
    static Path record(Path java, Path dir, String name, int seconds, String mode, String youngGen)
            throws IOException, InterruptedException {
        return record(java, dir, name, seconds, mode, youngGen, "");
    }

    /** Recorded with the paths from old objects to GC roots, as a leak check records. */
    static Path recordWithGcRoots(Path dir, String name, int seconds, String mode)
            throws IOException, InterruptedException {
        return record(Path.of(System.getProperty("java.home"), "bin", "java"), dir, name, seconds, mode, "-Xmn16m",
                ",path-to-gc-roots=true");
    }

    /** @param jfrOptions more -XX:StartFlightRecording options, each after a comma */
    static Path record(Path java, Path dir, String name, int seconds, String mode, String youngGen, String jfrOptions)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        String classes;
        try {
            classes = Path.of(HotAndAllocating.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(List.of(java.toString(),
                "-Xms256m", "-Xmx256m", youngGen, "-XX:+UseG1GC",
                "-XX:StartFlightRecording=settings=profile,filename=" + file + ",dumponexit=true" + jfrOptions,
                "-cp", classes, HotAndAllocating.class.getName(), String.valueOf(seconds), mode))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the recorded program did not finish");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IOException("the recorded program failed: " + Files.readString(dir.resolve(name + ".log")));
        }
        return file;
    }
}
