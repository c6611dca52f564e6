package io.flightdeck.harness.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

import io.flightdeck.harness.report.TimeShares;
import io.flightdeck.profiling.threads.ThreadStates;

/**
 * Where the measured threads' time went, as a table: all of them first, then each thread (the busiest first), one
 * column per state, "other" (what no event explains) included. Thread names come from the recording: jsoup escapes
 * them.
 */
final class ThreadStatesSection {

    static final List<String> HEADERS = List.of("Thread", "Time", "Java", "Native", "Lock", "Waiting", "Sleeping",
            "File I/O", "Socket I/O", "Other");

    private ThreadStatesSection() {
    }

    static void append(Element parent, ThreadStates states) {
        if (states == null) {
            return; // an analysis.json from before thread states
        }
        Element details = parent.appendElement("details").addClass("sub");
        details.attr("open", true);
        if (states.threads() == 0) {
            details.appendElement("summary").text("Thread states: not measured");
            HtmlDocument.paragraph(details, "The recording has no CPU samples or wait events of Java threads.")
                    .addClass("muted");
            return;
        }
        details.appendElement("summary").text("Thread states (" + TimeShares.whose(states) + "): "
                + TimeShares.line(states.headline()));
        List<List<String>> rows = new ArrayList<>();
        boolean someIdle = states.workingThreads() > 0 && states.workingThreads() < states.threads();
        if (someIdle) {
            rows.add(row(states.workingThreads() == 1 ? "the working thread"
                    : String.format(Locale.ROOT, "the %,d working threads", states.workingThreads()),
                    states.working().stream().mapToLong(ThreadStates.StateTime::nanos).sum(), states.working()));
        }
        rows.add(row(String.format(Locale.ROOT, "all %,d measured threads", states.threads()), states.measuredNanos(),
                states.total()));
        for (ThreadStates.ThreadTime t : states.byThread()) {
            String group = t.threads() > 1 ? String.format(Locale.ROOT, ", %,d threads", t.threads()) : "";
            rows.add(row(t.thread() + (t.working() ? group.isEmpty() ? "" : " (" + group.substring(2) + ")"
                    : " (idle" + group + ")"), t.lifetimeNanos(), t.states()));
        }
        Element table = HtmlDocument.table(details, HEADERS, rows, "thread-states");
        table.select("tbody tr").first().addClass("total");
        if (someIdle) {
            table.select("tbody tr").get(1).addClass("total");
        }
        table.select("tbody td:first-child").addClass("frame");
        long shown = states.byThread().stream().mapToLong(t -> Math.max(1, t.threads())).sum();
        if (states.threads() > shown) {
            HtmlDocument.paragraph(details, String.format(Locale.ROOT, "%,d threads are shown of %,d; analysis.json "
                    + "has the same list.", shown, states.threads())).addClass("muted");
        }
        HtmlDocument.paragraph(details, "Shares of each thread's life within the analysed span. A thread is idle "
                + String.format(Locale.ROOT, "when it ran, waited on a lock or did I/O for less than %.0f %% of it, "
                + "or waited or slept for %.0f %% or more (idle pools, timers, samplers), unless it ran for %.0f %% "
                + "of all threads' running time. Source: ",
                ThreadStates.WORKING_PERCENT, ThreadStates.IDLE_PERCENT, ThreadStates.CPU_SHARE_PERCENT)
                + states.source() + ". " + String.join(". ", states.notes()) + (states.notes().isEmpty() ? "" : "."))
                .addClass("muted");
    }

    private static List<String> row(String name, long nanos, List<ThreadStates.StateTime> states) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        cells.add(RecordingSections.duration(nanos));
        for (String state : ThreadStates.STATES) {
            double p = ThreadStates.percent(states, state);
            cells.add(p == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", p));
        }
        return cells;
    }
}
