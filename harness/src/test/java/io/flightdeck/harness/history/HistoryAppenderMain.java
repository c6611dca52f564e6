package io.flightdeck.harness.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer to kill: appends large records to the history named by its first argument, numbered from its second,
 * without end, printing "appended N" after each append has returned. {@link HistoryStoreTest} kills it at random
 * moments.
 */
public final class HistoryAppenderMain {

    private HistoryAppenderMain() {
    }

    public static void main(String[] args) throws Exception {
        HistoryStore store = new HistoryStore(Path.of(args[0]));
        for (int n = Integer.parseInt(args[1]); ; n++) {
            store.append(HistoryStoreTest.entry("run-" + n, Instant.now(), 3_000));
            System.out.println("appended " + n);
            System.out.flush();
        }
    }

    static List<HistoryEntry.Point> points(int count) {
        List<HistoryEntry.Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new HistoryEntry.Point("workload-" + i % 17, "size=" + i, "p95", i * 1.5, "ns", false));
        }
        return points;
    }
}
