package io.flightdeck.harness.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.flightdeck.harness.home.Home;

/**
 * A writer process of the store's tests, so that writers are really separate JVMs with their own connections.
 *
 * <pre>
 * write URL HOME FINGERPRINT COUNT DIR  connected, creates DIR/ready-FINGERPRINT and waits for DIR/go (so that all
 *                                       writers insert at once), then adds runs run-0 .. run-(COUNT-1) of that
 *                                       machine, then run-0 again
 * hang  URL HOME FINGERPRINT SIGNAL     adds run-hung, and between its rows and their commit creates SIGNAL and waits
 *                                       to be killed
 * </pre>
 */
public final class ResultsWriterMain {

    public static void main(String[] args) throws Exception {
        String url = args[1];
        Home home = new Home(Path.of(args[2]));
        String fingerprint = args[3];
        Map<String, String> env = System.getenv();
        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        if (args[0].equals("write")) {
            int count = Integer.parseInt(args[4]);
            Path barrier = Path.of(args[5]);
            try (ResultsStore store = ResultsStores.open(home, url, env)) {
                Files.createFile(barrier.resolve("ready-" + fingerprint));
                long deadline = System.nanoTime() + 180_000_000_000L;
                while (!Files.exists(barrier.resolve("go")) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                for (int i = 0; i < count; i++) {
                    store.add(StoredRuns.entry("run-" + i, base.plusSeconds(i), fingerprint, 1000 + i),
                            StoredRuns.report("run-" + i, base.plusSeconds(i), 1000 + i), null);
                }
                // a retry of a run already added (a CI job run again) must not double it
                store.add(StoredRuns.entry("run-0", base, fingerprint, 1000), null, null);
            }
        } else {
            Path signal = Path.of(args[4]);
            try (ResultsStore store = ResultsStores.postgres(home, url, env, () -> {
                try {
                    Files.createFile(signal);
                    Thread.sleep(600_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })) {
                store.add(StoredRuns.entry("run-hung", base, fingerprint, 5000),
                        StoredRuns.report("run-hung", base, 5000), null);
            }
        }
    }
}
