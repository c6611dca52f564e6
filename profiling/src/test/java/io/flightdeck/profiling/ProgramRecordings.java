package io.flightdeck.profiling;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test program from {@code io.flightdeck.profiling.programs} run in a JVM of its own with the options given (a JFR
 * recording, async-profiler's agent, flags): its recording and the ground truth it printed.
 */
final class ProgramRecordings {

    private ProgramRecordings() {
    }

    /** What a run left: the recording and the program's output. */
    record Recorded(Path file, String output) {

        /** The number after {@code key} in the output (programs print "key value" pairs). */
        long printed(String key) {
            String[] words = output.split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                if (words[i].equals(key)) {
                    return Long.parseLong(words[i + 1]);
                }
            }
            throw new AssertionError("the program did not print " + key + ": " + output);
        }
    }

    /** Stands for the run's recording in a JVM option. */
    static final String FILE = "{file}";

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JFR's profile settings, plus {@code more} settings after a comma (may be empty), into the run's file. */
    static String jfr(String more) {
        return "-XX:StartFlightRecording=settings=profile,filename=" + FILE + ",dumponexit=true" + more;
    }

    /**
     * async-profiler's agent sampling the CPU and allocations into the run's file (JFR format); an allocation sample
     * every 64 KiB rather than its default 512 KiB, so that a share rests on thousands of samples, not hundreds
     * (at the default, 70 % once read 73.4).
     */
    static String asyncProfiler(Path agent) {
        return "-agentpath:" + agent + "=start,event=cpu,alloc=64k,file=" + FILE;
    }

    static Recorded run(Path dir, String name, Class<?> program, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        String classes;
        try {
            classes = Path.of(program.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xms256m", "-Xmx256m"));
        for (String option : jvmOptions) {
            command.add(option.replace(FILE, file.toString()));
        }
        command.addAll(List.of("-cp", classes, program.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the recorded program did not finish");
        }
        String output = Files.readString(log);
        if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IOException("the recorded program failed: " + output);
        }
        return new Recorded(file, output);
    }

    /** One file of {@code parts} one after the other, as {@code jfr assemble} joins chunks. */
    static Path concatenate(Path target, Path... parts) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
        return target;
    }
}
