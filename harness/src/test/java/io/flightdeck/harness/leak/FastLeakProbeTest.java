package io.flightdeck.harness.leak;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.cli.CommandLineRunner;

/** Temporary: measures what a fast leak does to the leak check today. */
class FastLeakProbeTest {

    @Test
    void probe(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        CommandLineRunner r = CommandLineRunner.run("leak-check", "-w", "test-fast-leak", "--heap",
                System.getProperty("probe.heap", "64m"), "--duration", System.getProperty("probe.duration", "60s"),
                "--out", dir.toString());
        System.out.println("PROBE seconds=" + (System.nanoTime() - t0) / 1e9 + " exit=" + r.exitCode());
        System.out.println("PROBE out:\n" + r.out() + "\nPROBE err:\n" + r.err());
        Path json = dir.resolve("report.json");
        System.out.println("PROBE report.json exists=" + Files.exists(json) + " md=" + Files.exists(dir.resolve("report.md"))
                + " html=" + Files.exists(dir.resolve("report.html")));
        try (var s = Files.walk(dir)) {
            s.forEach(p -> System.out.println("PROBE file " + dir.relativize(p)));
        }
        Path err = dir.resolve("leak-check/test-fast-leak/child-stderr.log");
        if (Files.exists(err)) System.out.println("PROBE child stderr:\n" + Files.readString(err));
        Path so = dir.resolve("leak-check/test-fast-leak/child-stdout.log");
        if (Files.exists(so)) System.out.println("PROBE child stdout:\n" + Files.readString(so));
        System.out.println("PROBE json:\n" + Files.readString(json));
    }
}
