package io.flightdeck.harness.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.harness.files.FieldCheck;
import io.flightdeck.harness.files.InvalidFieldException;
import io.flightdeck.harness.report.RunReport;

/**
 * Whether a history record read back is one a run or a JMH import could have written, by the checks a
 * {@code report.json} gets ({@link FieldCheck}): its names present and not empty, its figures finite and within
 * {@link FieldCheck#MAX_FIGURE}, times and rates not negative. The history is a file a person may edit; a figure of
 * −5 ns or 1e308 would otherwise be charted and compared as if measured. The first problem is thrown as an
 * {@link InvalidFieldException} naming its field.
 *
 * <p>One leniency, for records earlier versions wrote: a run's point of a workload's own metric (or a leak slope)
 * that is not a finite number meant "not measured"; that point is dropped and the record kept, as a run writes it now.
 */
public final class HistoryValidation {

    private static final Set<String> SOURCES = Set.of(HistoryEntry.RUN, HistoryEntry.JMH);
    private static final Set<String> VERDICTS = Set.of(RunReport.PASSED, RunReport.FAILED);
    /** A run's figures that are times or rates; a workload's own metric or a leak slope may be negative. */
    private static final Set<String> NOT_NEGATIVE = Stream.concat(
            HistoryEntries.LATENCIES.stream(), Stream.of(HistoryEntries.THROUGHPUT))
            .collect(Collectors.toUnmodifiableSet());

    private HistoryValidation() {
    }

    public static HistoryEntry check(HistoryEntry e) {
        FieldCheck at = FieldCheck.root();
        if (e.schemaVersion() != HistoryEntry.SCHEMA_VERSION) {
            throw at.invalid("schemaVersion", "is " + e.schemaVersion() + ", this tool reads "
                    + HistoryEntry.SCHEMA_VERSION);
        }
        String source = at.oneOf(e.source(), "source", SOURCES);
        at.name(e.runId(), "runId");
        at.present(e.time(), "time");
        at.optionalName(e.commit(), "commit");
        at.optionalName(e.suite(), "suite");
        at.optionalName(e.fingerprint(), "fingerprint");
        at.optionalName(e.machine(), "machine");
        if (e.verdict() != null) {
            at.oneOf(e.verdict(), "verdict", VERDICTS);
        }
        List<HistoryEntry.Point> points = at.list(e.points(), "points");
        boolean jmh = source.equals(HistoryEntry.JMH);
        List<HistoryEntry.Point> kept = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            HistoryEntry.Point p = points.get(i);
            if (!jmh && !NOT_NEGATIVE.contains(p.metric()) && !Double.isFinite(p.value())) {
                // a run's own metric that measured nothing: earlier versions wrote it as "NaN". The point is no
                // figure, but the run's other figures are, so only the point goes
                continue;
            }
            point(at.at("points", i), p, jmh);
            kept.add(p);
        }
        return kept.size() == points.size() ? e : new HistoryEntry(e.schemaVersion(), e.source(), e.runId(), e.time(),
                e.commit(), e.suite(), e.fingerprint(), e.machine(), e.verdict(), List.copyOf(kept));
    }

    /** Every JMH mode measures a time or a rate, so none of its figures is negative either. */
    private static void point(FieldCheck at, HistoryEntry.Point p, boolean jmh) {
        at.name(p.workload(), "workload");
        at.name(p.caseLabel(), "caseLabel");
        String metric = at.name(p.metric(), "metric");
        if (jmh || NOT_NEGATIVE.contains(metric)) {
            at.figure(p.value(), "value");
        } else {
            at.signed(p.value(), "value");
        }
    }
}
