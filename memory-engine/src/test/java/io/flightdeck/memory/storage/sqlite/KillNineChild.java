package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.Pattern;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link SqliteKillTest} kills: completes episodes forever and prints each id only after
 * {@code completeEpisode} returned. Also leaves one episode in progress with flushed steps, printed as
 * {@code in-progress <id>} once its steps were appended.
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        SqliteEpisodeStore store = SqliteEpisodeStore.open(Path.of(args[0])); // never closed: the parent kills us
        Episode open = Fixtures.started();
        store.insertStarted(open);
        store.appendSteps(open.id(), 0, Fixtures.steps(0, 7));
        out.println("in-progress " + open.id());
        out.flush();
        while (true) {
            Episode started = Fixtures.started();
            store.insertStarted(started);
            store.appendSteps(started.id(), 0, Fixtures.steps(0, 20));
            List<Pattern> patterns = Fixtures.everyPattern(started.id());
            store.completeEpisode(Fixtures.completed(started, Fixtures.steps(0, 25), Fixtures.everyOutcome().get(0),
                    patterns), 20, patterns, List.of());
            out.println(started.id());
            out.flush();
        }
    }
}
