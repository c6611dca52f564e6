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
            Map.of("jdk.ExecutionSample", 10_000_000L), 2, 0, 2_000_000_000L,
            states(62, 21, 9, 5, 0, 0, 0.3, 2.7), 1, states(90, 0, 10, 0, 0, 0, 0, 0),
            List.of(new ThreadStates.ThreadTime("worker <b>1</b>", 1_000_000_000L, states(90, 0, 10, 0, 0, 0, 0, 0)),
                    new ThreadStates.ThreadTime("idle", 1_000_000_000L, states(0, 0, 0, 99, 0, 0, 0, 1))),
            List.of("a note"));

    @Test
    void theLineNamesTheSharesWorthAWordAndAlwaysOther() {
        assertThat(TimeShares.line(STATES.total())).isEqualTo("62% Java, 21% native, 9% lock, 5% waiting, 3% other");
        assertThat(TimeShares.line(states(100, 0, 0, 0, 0, 0, 0, 0))).isEqualTo("100% Java, 0% other");
        assertThat(TimeShares.of(STATES)).containsEntry("java", 62.0).containsEntry("socketIo", 0.3).hasSize(8);
        // the headline is the working threads': the idle one's waiting is not "where the time went"
        assertThat(TimeShares.ofWorking(STATES)).containsEntry("java", 90.0).containsEntry("waiting", 0.0).hasSize(8);
        assertThat(TimeShares.line(STATES.headline())).isEqualTo("90% Java, 10% lock, 0% other");
        assertThat(TimeShares.whose(STATES)).isEqualTo("1 working thread of 2");
        assertThat(TimeShares.of(ThreadStates.empty())).isNull();
        assertThat(TimeShares.ofWorking(ThreadStates.empty())).isNull();
        assertThat(TimeShares.whose(ThreadStates.empty())).isNull();
        ThreadStates noneWorked = new ThreadStates("s", Map.of(), 3, 0, 3, states(0, 0, 0, 97, 0, 0, 0, 3), 0, List.of(),
                List.of(), List.of());
        assertThat(TimeShares.ofWorking(noneWorked)).isNull();
        assertThat(TimeShares.line(noneWorked.headline())).isEqualTo("97% waiting, 3% other");
        assertThat(TimeShares.whose(noneWorked)).isEqualTo("3 threads");
    }

    @Test
    void aThreadWorksWhenItRunsWaitsOnALockOrDoesIoForOnePercentOfItsLife() {
        assertThat(thread(0.6, 0, 0.3, 0).worked()).isFalse();
        assertThat(thread(0.6, 0, 0.4, 0).worked()).isTrue();
        assertThat(thread(0.5, 0, 0, 1).worked()).as("file I/O of a thread that ran").isTrue();
        assertThat(thread(0, 0, 0, 100).worked()).as("a read that waits for input, never running").isFalse();
        assertThat(new ThreadStates.ThreadTime("sleeper", 1, states(0, 0, 0, 0, 99.5, 0, 0, 0.5)).worked()).isFalse();
        // a sampler that wakes for a few milliseconds every tenth of a second: busy enough, but idle 90 % of the time
        assertThat(new ThreadStates.ThreadTime("sampler", 1, states(1, 1.5, 0, 92.3, 0, 0.8, 0, 4.4)).worked())
                .isFalse();
        assertThat(new ThreadStates.ThreadTime("consumer", 1, states(12, 0, 0, 88, 0, 0, 0, 0)).worked()).isTrue();
    }

    private static ThreadStates.ThreadTime thread(double java, double nativeCode, double blocked, double fileIo) {
        return new ThreadStates.ThreadTime("t", 1, states(java, nativeCode, blocked, 0, 0, fileIo, 0,
                100 - java - nativeCode - blocked - fileIo));
    }

    @Test
    void aTableWithTheWholeFirstThenAThreadPerRowNamesEscaped() {
        Document doc = Jsoup.parse("<main></main>");
        Element main = doc.selectFirst("main");
        ThreadStatesSection.append(main, STATES);
        assertThat(main.selectFirst("summary").text()).isEqualTo(
                "Thread states (1 working thread of 2): 90% Java, 10% lock, 0% other");
        var rows = main.select("table.thread-states tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).text()).startsWith("the working thread ");
        assertThat(rows.get(1).text()).startsWith("all 2 measured threads");
        assertThat(rows.get(1).child(2).text()).isEqualTo("62.0 %");
        assertThat(rows.get(2).child(0).text()).isEqualTo("worker <b>1</b>");
        assertThat(main.select("b")).isEmpty();
        assertThat(rows.get(2).child(2).text()).isEqualTo("90.0 %");
        assertThat(rows.get(3).child(0).text()).isEqualTo("idle (idle)");
        assertThat(rows.get(3).child(5).text()).isEqualTo("99.0 %");
        assertThat(main.text()).contains("a note");
    }

    @Test
    void virtualThreadsAreAGroupRowWithItsCount() {
        ThreadStates states = new ThreadStates("jdk.CPUTimeSample + duration events", Map.of(), 2_013, 2_012,
                3_000_000_000L, states(1, 0, 0, 0, 97, 0, 0, 2), 2_000, states(0.5, 0, 0, 0, 99, 0, 0, 0.5),
                List.of(new ThreadStates.ThreadTime("virtual threads (unnamed)", 2_000_000_000L,
                                states(0.5, 0, 0, 0, 99, 0, 0, 0.5), 2_000, true, true),
                        new ThreadStates.ThreadTime("worker-# (virtual)", 500_000_000L,
                                states(0, 0, 0, 0, 100, 0, 0, 0), 12, true, false)),
                List.of());
        assertThat(TimeShares.whose(states)).isEqualTo("2,000 working threads of 2,013, 2,012 of them virtual");
        Element main = Jsoup.parse("<main></main>").selectFirst("main");
        ThreadStatesSection.append(main, states);
        var rows = main.select("table.thread-states tbody tr");
        assertThat(rows.get(2).child(0).text()).isEqualTo("virtual threads (unnamed) (2,000 threads)");
        assertThat(rows.get(3).child(0).text()).isEqualTo("worker-# (virtual) (idle, 12 threads)");
        // two rows hold 2,012 threads: one thread (of 2,013) is left out, not 2,011
        assertThat(main.text()).contains("2,012 threads are shown of 2,013");
    }

    @Test
    void anOldAnalysisWithoutThreadStatesShowsNothing() {
        Element main = Jsoup.parse("<main></main>").selectFirst("main");
        ThreadStatesSection.append(main, null);
        assertThat(main.children()).isEmpty();
    }
}
