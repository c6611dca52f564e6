package io.flightdeck.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MavenLogWriterTest {

    private final List<String> lines = new ArrayList<>();
    private final MavenLogWriter writer = new MavenLogWriter(lines::add);

    @Test
    void logsEachFinishedLine() {
        PrintWriter out = new PrintWriter(writer, true);
        out.print("first ");
        out.println("line");
        out.println("second");

        assertThat(lines).containsExactly("first line", "second");
    }

    @Test
    void aLineRewrittenInPlaceIsLoggedAsItEnds() {
        PrintWriter out = new PrintWriter(writer, true);
        out.print("\r\u001B[2K[1/1] lru-cache  default warm-up 1/2");
        out.print("\r\u001B[2K[1/1] lru-cache  default warm-up 2/2");
        out.print("\r\u001B[2K");
        out.println("[1/1] lru-cache  done in 1.0 s");

        assertThat(lines).containsExactly("[1/1] lru-cache  done in 1.0 s");
    }

    @Test
    void closeLogsALineLeftOpen() {
        PrintWriter out = new PrintWriter(writer, true);
        out.println("flightdeck: unknown workload 'x'");
        out.println();
        out.print("no newline");
        writer.close();

        assertThat(lines).containsExactly("flightdeck: unknown workload 'x'", "", "no newline");
    }

    @Test
    void nothingWrittenLogsNothing() {
        writer.close();

        assertThat(lines).isEmpty();
    }
}
