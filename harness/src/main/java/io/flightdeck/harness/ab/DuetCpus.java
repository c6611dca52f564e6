package io.flightdeck.harness.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.flightdeck.harness.run.RunInputException;

/**
 * The two CPU sets of a duet: the CPUs this process may run on, split in halves, each side's fork pinned to one by
 * {@code taskset} (util-linux), which execs the JVM so the pid stays the JVM's. Linux only.
 */
final class DuetCpus {

    private DuetCpus() {
    }

    /** The launchers of the two sets, {@code [taskset, -c, 0]} and {@code [taskset, -c, 1]} on 2 CPUs. */
    static List<List<String>> launchers() {
        List<Integer> cpus = allowed();
        if (cpus.size() < 2) {
            throw new RunInputException("--duet needs two CPUs at least, and this process may use " + cpus.size());
        }
        if (!tasksetRuns()) {
            throw new RunInputException("--duet pins each fork with taskset (util-linux), which is not on the PATH");
        }
        int half = cpus.size() / 2;
        return List.of(launcher(cpus.subList(0, half)), launcher(cpus.subList(half, cpus.size())));
    }

    private static List<String> launcher(List<Integer> cpus) {
        return List.of("taskset", "-c", cpus.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The CPUs of /proc/self/status's Cpus_allowed_list ("0-3,6"); on another system, 0 to n − 1. */
    static List<Integer> allowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parse(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or a status we cannot read: fall back below
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            all.add(i);
        }
        return all;
    }

    static List<Integer> parse(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(p));
            } else {
                for (int i = Integer.parseInt(p.substring(0, dash)); i <= Integer.parseInt(p.substring(dash + 1)); i++) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static boolean tasksetRuns() {
        try {
            Process p = new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
