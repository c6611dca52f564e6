package io.flightdeck.harness.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.cli.CommandLineRunner;

/**
 * {@link ShortSleepsProgram} under {@code flightdeck profile}: its sleeper sleeps about half its life in sleeps of
 * 1 to 5 ms, each under JFR's 10 ms threshold. By default {@code profile} takes async-profiler's wall-clock samples
 * beside its CPU ones, and the thread's "sleeping" share follows the truth; with {@code --wall-interval off} the
 * states come from JFR's events, which see none of these sleeps.
 *
 * <p>Why 25 points: at the default 50 ms a 4-second life gives 80 wall-clock samples, one standard error on a 50 %
 * share being 5.6 points; on a 2-core machine the sampler's own thread tends to get a core when the busy sleeper
 * gives one up, and a woken sleeper waits for a core: 53 to 68 % alone and 40 to 59 % beside a second test JVM,
 * for about 50.5 % (JFR's events alone: under 10 %).
 */
class ShortSleepsTruthTest {

    static final double POINTS = 25;

    @TempDir
    Path dir;

    @Test
    void wallClockSamplesSeeSleepsUnderJfrsThreshold() throws Exception {
        JsonNode analysis = profile("default");
        assumeTrue(analysis.path("threads").path("source").asText().contains("WallClockSample"),
                "async-profiler's wall-clock sampler is not available here");
        JsonNode truth = TruthCheck.readTruth(dir.resolve("default-truth.json"));
        double truthPercent = 100.0 * truth.get("sleptNanos").asLong() / truth.get("lifeNanos").asLong();

        System.out.printf("ShortSleepsProgram, profile: sleeping %.1f %% for a truth of %.1f %%%n",
                sleepingPercent(analysis), truthPercent);
        assertThat(sleepingPercent(analysis)).as("the sleeper's sleeping share, truth %.1f %%", truthPercent)
                .isBetween(truthPercent - POINTS, truthPercent + POINTS);
        assertThat(Files.exists(dir.resolve("default/recording-analysis/flamegraph-wall.html"))).isTrue();
        // the recorder's own threads (JFR's, waiting in the JVM: "other") are listed, never counted as working
        assertThat(analysis.path("threads").path("byThread")).filteredOn(t -> t.path("thread").asText()
                .startsWith("JFR ")).isNotEmpty().allSatisfy(t -> assertThat(t.path("working").asBoolean()).isFalse());
    }

    @Test
    void jfrsThresholdsAloneMissThem() throws Exception {
        JsonNode analysis = profile("off", "--wall-interval", "off");
        JsonNode truth = TruthCheck.readTruth(dir.resolve("off-truth.json"));
        double truthPercent = 100.0 * truth.get("sleptNanos").asLong() / truth.get("lifeNanos").asLong();

        assertThat(analysis.path("threads").path("source").asText()).doesNotContain("WallClockSample");
        assertThat(sleepingPercent(analysis)).as("truth %.1f %%", truthPercent).isLessThan(truthPercent - POINTS);
    }

    private JsonNode profile(String name, String... options) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("profile", "--out", out.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--", Jdk.current().java().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), ShortSleepsProgram.class.getName(),
                dir.resolve(name + "-truth.json").toString()));
        CommandLineRunner r = CommandLineRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return Json.mapper().readTree(out.resolve("recording-analysis/analysis.json").toFile());
    }

    private static double sleepingPercent(JsonNode analysis) {
        for (JsonNode thread : analysis.path("threads").path("byThread")) {
            if (thread.path("thread").asText().equals(ShortSleepsProgram.SLEEPER)) {
                for (JsonNode state : thread.path("states")) {
                    if (state.path("state").asText().equals("sleeping")) {
                        return state.path("percent").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no thread " + ShortSleepsProgram.SLEEPER + " in " + analysis.path("threads"));
    }
}
