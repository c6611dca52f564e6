package io.flightdeck.harness.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The project's JMH as a process of its own: its output line by line to a listener and into a file, its forks
 * (JMH's child JVMs) named as they start, and everything it started stopped if this thread is interrupted.
 */
public final class JmhProcess {

    /** How often JMH's new forks are looked for. */
    private static final long FORK_POLL_MILLIS = 200;

    private JmhProcess() {
    }

    /**
     * Runs {@code command} in the current folder and waits for it.
     *
     * @param output every line JMH prints (stdout and stderr together), as it prints it
     * @param forks  the PID of each process JMH starts (its forks), once each, soon after it starts
     * @param log    where the output is kept
     * @return JMH's exit code
     */
    public static int run(List<String> command, Path log, Consumer<String> output, LongConsumer forks)
            throws IOException, InterruptedException {
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).start();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flightdeck-jmh-forks");
            t.setDaemon(true);
            return t;
        });
        Set<Long> seen = new HashSet<>();
        watcher.scheduleWithFixedDelay(() -> jmh.toHandle().descendants().forEach(p -> {
            if (seen.add(p.pid())) {
                forks.accept(p.pid());
            }
        }), 0, FORK_POLL_MILLIS, TimeUnit.MILLISECONDS);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jmh.getInputStream(),
                StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.write(System.lineSeparator());
                output.accept(line);
            }
            return jmh.waitFor();
        } finally {
            watcher.shutdownNow();
            if (jmh.isAlive()) {
                // interrupted, or the output could not be written: JMH's forks must not outlive the run
                jmh.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                jmh.destroyForcibly();
            }
        }
    }
}
