package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.flightdeck.harness.report.TimeShares;
import io.flightdeck.profiling.threads.ThreadStates;

class ThreadStatesSectionTest {

    static List<ThreadStates.StateTime> states(double... percents) {
        List<ThreadStates.StateTime> out = new java.util.ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            out.add(new ThreadStates.StateTime(ThreadStates.STATES.get(i), (long) (percents[i] * 1e7), percents[i]));
        }
        return out;
    }

    static final ThreadStates STATES = new ThreadStates("jdk.ExecutionSample + duration events",
            Map.of("jdk.ExecutionSample", 10_000_000L), 2, 2_000_000_000L,
            states(62, 21, 9, 5, 0, 0, 0.3, 2.7),
            List.of(new ThreadStates.ThreadTime("worker <b>1</b>", 1_000_000_000L, states(90, 0, 10, 0, 0, 0, 0, 0)),
                    new ThreadStates.ThreadTime("idle", 1_000_000_000L, states(0, 0, 0, 99, 0, 0, 0, 1))),
            List.of("a note"));

    @Test
    void theLineNamesTheSharesWorthAWordAndAlwaysOther() {
        assertThat(TimeShares.line(STATES.total())).isEqualTo("62% Java, 21% native, 9% lock, 5% waiting, 3% other");
        assertThat(TimeShares.line(states(100, 0, 0, 0, 0, 0, 0, 0))).isEqualTo("100% Java, 0% other");
        assertThat(TimeShares.of(STATES)).containsEntry("java", 62.0).containsEntry("socketIo", 0.3).hasSize(8);
        assertThat(TimeShares.of(ThreadStates.empty())).isNull();
    }

    @Test
    void aTableWithTheWholeFirstThenAThreadPerRowNamesEscaped() {
        Document doc = Jsoup.parse("<main></main>");
        Element main = doc.selectFirst("main");
        ThreadStatesSection.append(main, STATES);
        assertThat(main.selectFirst("summary").text()).contains("62% Java");
        var rows = main.select("table.thread-states tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).text()).startsWith("all 2 measured threads");
        assertThat(rows.get(1).child(0).text()).isEqualTo("worker <b>1</b>");
        assertThat(main.select("b")).isEmpty();
        assertThat(rows.get(1).child(2).text()).isEqualTo("90.0 %");
        assertThat(rows.get(2).child(5).text()).isEqualTo("99.0 %");
        assertThat(main.text()).contains("a note");
    }

    @Test
    void anOldAnalysisWithoutThreadStatesShowsNothing() {
        Element main = Jsoup.parse("<main></main>").selectFirst("main");
        ThreadStatesSection.append(main, null);
        assertThat(main.children()).isEmpty();
    }
}
