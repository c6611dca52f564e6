package io.flightdeck.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

class FlightdeckProfilerTest {

    @TempDir
    Path dir;

    @Test
    void everyForkOfEveryParameterSetIsRecordedInAFolderOfItsOwn() throws Exception {
        Path recordings = dir.resolve("recordings");
        Path plan = dir.resolve("plan.properties");
        new RecordingPlan(recordings, List.of(
                "-XX:StartFlightRecording=settings=profile,filename=" + RecordingPlan.FORK_FOLDER + "/recording.jfr"))
                .write(plan);
        Options options = new OptionsBuilder().include(SpinBenchmark.class.getName())
                .forks(2).warmupForks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(300))
                .addProfiler(FlightdeckProfiler.class, plan.toString()).build();

        new Runner(options).run();

        String benchmark = SpinBenchmark.class.getName() + ".spin";
        for (String size : List.of("1000", "a/b c")) {
            Map<String, String> params = Map.of("size", size);
            for (Path fork : List.of(ForkFolders.fork(recordings, benchmark, "thrpt", params, 1, false),
                    ForkFolders.fork(recordings, benchmark, "thrpt", params, 2, false),
                    ForkFolders.fork(recordings, benchmark, "thrpt", params, 1, true))) {
                Path jfr = fork.resolve("recording.jfr");
                assertThat(jfr).as("the recording of " + fork).exists();
                assertThat(samplesIn(jfr, "SpinBenchmark.spin")).as("samples of spin() in " + jfr).isPositive();
                // one warm-up and one measured iteration per fork, marked from inside the fork
                assertThat(phases(jfr)).containsExactly(IterationMark.WARM_UP, IterationMark.MEASURED);
            }
            assertThat(ForkFolders.fork(recordings, benchmark, "thrpt", params, 3, false)).doesNotExist();
            assertThat(ForkFolders.fork(recordings, benchmark, "thrpt", params, 2, true)).doesNotExist();
        }
        // a value with a slash and a space is still one folder, named after it
        assertThat(recordings.resolve(benchmark).resolve("thrpt").resolve("size=a%2Fb%20c")).isDirectory();
    }

    @Test
    void aMissingOrMalformedPlanIsRefusedWithItsName() throws Exception {
        assertThatThrownBy(() -> new FlightdeckProfiler("")).hasMessageContaining("plan file");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "recordings=/tmp\n");
        assertThatThrownBy(() -> new FlightdeckProfiler(bad.toString())).hasMessageContaining("bad.properties");
        assertThatThrownBy(() -> new FlightdeckProfiler(dir.resolve("none.properties").toString()))
                .hasMessageContaining("none.properties");
    }

    @Test
    void parameterLabelsAreInNameOrderAndDefaultWithoutParameters() {
        assertThat(ForkFolders.parameterLabel(Map.of())).isEqualTo("default");
        assertThat(ForkFolders.parameterLabel(Map.of("size", "10", "mode", "fast"))).isEqualTo("mode=fast,size=10");
        assertThat(ForkFolders.safe("..")).isEqualTo("%2E%2E");
    }

    private static List<String> phases(Path jfr) throws Exception {
        return RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals(IterationMark.NAME))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .map(e -> e.getString(IterationMark.PHASE_FIELD)).toList();
    }

    private static long samplesIn(Path jfr, String frame) throws Exception {
        long n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                    if (name.endsWith(frame)) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
