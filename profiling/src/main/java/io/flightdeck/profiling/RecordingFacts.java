package io.flightdeck.profiling;

import java.time.Instant;
import java.util.Map;

/**
 * What the recording itself says.
 *
 * @param file          the path analysed
 * @param bytes         its size
 * @param formatVersion the JFR file format, e.g. "2.1"
 * @param start         first event's start (or the chunk header's, when earlier)
 * @param end           last event's end
 * @param durationSeconds {@code end - start}
 * @param analysedFrom  the window's start (the recording's, without --from)
 * @param analysedTo    the window's end
 * @param jvmName       from {@code jdk.JVMInformation}, null when absent
 * @param jvmVersion    idem
 * @param jvmArguments  idem
 * @param javaArguments the main class and its arguments, idem
 * @param events        events in the recording's whole chunks, of every type
 * @param eventCounts   events by type, over the whole recording (not only the window); counted by stepping from
 *                      record to record without decoding, while only the analysed types are decoded
 * @param settings      the recording's event settings that shape this analysis ({@code jdk.ActiveSetting}), as
 *                      "event#setting" -> value, for the events analysed
 * @param measuredWindow the measured iterations the analysis was limited to, as the child marked them; null when it
 *                      covers the whole JVM (between analysedFrom and analysedTo)
 */
public record RecordingFacts(String file, long bytes, String formatVersion, Instant start, Instant end,
                             double durationSeconds, Instant analysedFrom, Instant analysedTo, String jvmName,
                             String jvmVersion, String jvmArguments, String javaArguments, long events,
                             Map<String, Long> eventCounts, Map<String, String> settings,
                             MeasuredWindow measuredWindow) {

    /** Which part of the recording was analysed: "measured iterations: 12 intervals, 8.4 s of 11.2 s", or the whole. */
    public String windowDescription() {
        return measuredWindow == null ? MeasuredWindow.describeWhole(durationSeconds)
                : measuredWindow.describe(durationSeconds);
    }
}
