package io.flightdeck.jmh;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What Flightdeck asks the profiler to do, handed over as a properties file (a JMH profiler takes one string of
 * options, too small and too fragile for a list of JVM flags): the folder the recordings go to, and the JVM options
 * of each fork, in which {@value #FORK_FOLDER} stands for the fork's own folder.
 *
 * @param recordings the root of {@link ForkFolders}' layout
 * @param jvmOptions each fork's extra JVM options, e.g. {@code -XX:StartFlightRecording=...,filename={fork}/recording.jfr}
 */
public record RecordingPlan(Path recordings, List<String> jvmOptions) {

    /** The placeholder for a fork's folder in {@link #jvmOptions}. */
    public static final String FORK_FOLDER = "{fork}";

    public RecordingPlan {
        recordings = recordings.toAbsolutePath();
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The options of one fork, its folder put in place of {@value #FORK_FOLDER}. */
    public List<String> optionsFor(Path forkFolder) {
        List<String> options = new ArrayList<>(jvmOptions.size());
        for (String option : jvmOptions) {
            options.add(option.replace(FORK_FOLDER, forkFolder.toAbsolutePath().toString()));
        }
        return options;
    }

    /** Writes the plan atomically (a JMH run never reads half a plan). */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("recordings", recordings.toString());
        p.setProperty("jvmOptions.count", String.valueOf(jvmOptions.size()));
        for (int i = 0; i < jvmOptions.size(); i++) {
            p.setProperty("jvmOption." + i, jvmOptions.get(i));
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Flightdeck's recording plan for JMH's forks");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a plan {@link #write} wrote; a missing or malformed file is an {@link IllegalArgumentException}. */
    public static RecordingPlan read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Flightdeck's recording plan " + file + ": " + e.getMessage(), e);
        }
        String root = p.getProperty("recordings");
        String count = p.getProperty("jvmOptions.count");
        if (root == null || count == null) {
            throw new IllegalArgumentException(file + " is not a Flightdeck recording plan (no recordings or jvmOptions.count)");
        }
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": jvmOptions.count is not a number: " + count);
        }
        List<String> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String option = p.getProperty("jvmOption." + i);
            if (option == null) {
                throw new IllegalArgumentException(file + ": jvmOption." + i + " is missing");
            }
            options.add(option);
        }
        return new RecordingPlan(Path.of(root), options);
    }
}
