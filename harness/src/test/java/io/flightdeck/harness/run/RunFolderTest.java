package io.flightdeck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.testworkloads.SumWorkload;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierRunsResultsGoButNothingElseIsTouched() throws Exception {
        Files.writeString(dir.resolve("report.json"), "{\"verdict\":\"passed\"}");
        Files.writeString(dir.resolve("report.md"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Path w = Files.createDirectories(dir.resolve("test-sum"));
        for (String f : List.of("result.json", "recording.jfr", "recording-fork-2.jfr", "result-fork-2.json",
                "spec.json", "child-stderr.log", "child-stdout-fork-2.log", "analysis.json", "cpu.folded",
                "lock-fork-2.folded")) {
            Files.writeString(w.resolve(f), "old");
        }
        Files.writeString(w.resolve("my-analysis.json"), "mine");
        Path other = Files.createDirectories(dir.resolve("not-a-workload"));
        Files.writeString(other.resolve("result.json"), "mine");

        RunFolder.clearPreviousRun(dir, List.of(new SumWorkload().name()));

        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("notes.txt", "test-sum/my-analysis.json", "not-a-workload/result.json");
        }
    }

    /**
     * Runs started in the same second ask for the same run id: each must still get a folder of its own (the sweep saw
     * two runs share one folder and its store, and 20 concurrent runs leave 13 ids). All threads claim at once.
     */
    @Test
    void runsClaimingOneIdAtOnceEachGetAFolderOfTheirOwn() throws Exception {
        int runs = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Path>> claims = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                claims.add(pool.submit((Callable<Path>) () -> {
                    start.await();
                    return RunFolder.claimNew(dir.resolve("runs"), "20260101-120000-quick");
                }));
            }
            start.countDown();
            List<Path> folders = new ArrayList<>();
            for (Future<Path> f : claims) {
                folders.add(f.get());
            }
            assertThat(folders).doesNotHaveDuplicates().allMatch(Files::isDirectory);
            assertThat(folders).extracting(p -> p.getFileName().toString())
                    .contains("20260101-120000-quick", "20260101-120000-quick-2", "20260101-120000-quick-" + runs)
                    .allMatch(n -> n.startsWith("20260101-120000-quick"));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The sweep: two runs into different --out folders in the same second shared one id in the history. Runs claiming
     * one id at once, each with a folder of its own (--out) or in a working directory of its own, sharing one home,
     * each get an id of their own, still readable and sortable: the id, then -2, -3...
     */
    @Test
    void runsIntoFoldersOfTheirOwnStillGetIdsOfTheirOwn() throws Exception {
        int runs = 16;
        RunIds ids = new RunIds(new Home(dir.resolve("home")));
        String id = "20260101-120000-quick";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<String>> claims = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path own = dir.resolve("run-" + i);
                boolean withOut = i % 2 == 0;
                claims.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    if (withOut) {
                        try (RunFolder f = RunFolder.claim(own, id, List.of(), ids)) {
                            return f.runId();
                        }
                    }
                    return RunFolder.claimNew(own.resolve("target/flightdeck/runs"), id, ids).getFileName()
                            .toString(); // another working directory: its folder name is free, the id is not
                }));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : claims) {
                got.add(f.get());
            }
            assertThat(got).doesNotHaveDuplicates().contains(id, id + "-2", id + "-" + runs);
        } finally {
            pool.shutdownNow();
        }
        try (RunFolder alone = RunFolder.claim(dir.resolve("no-home"), id, List.of())) {
            assertThat(alone.runId()).as("a run recorded in no home keeps the id it asked for").isEqualTo(id);
        }
    }

    @Test
    void aFolderInUseByAnotherRunIsRefusedAndFreeAgainAfterIt() {
        Path out = dir.resolve("ci-run");
        try (RunFolder first = RunFolder.claim(out, "r1", List.of())) {
            assertThat(first.directory()).isEqualTo(out.toAbsolutePath());
            assertThat(first.runId()).isEqualTo("r1");
            assertThatThrownBy(() -> RunFolder.claim(out, "r2", List.of())).isInstanceOf(RunInputException.class)
                    .hasMessageContaining("in use by another run");
        }
        try (RunFolder again = RunFolder.claim(out, "r3", List.of())) {
            assertThat(again.runId()).isEqualTo("r3");
        }
    }

    @Test
    void anEmptyOutIsRefused() {
        assertThatThrownBy(() -> RunFolder.claim(Path.of(""), "r", List.of())).isInstanceOf(RunInputException.class)
                .hasMessageContaining("--out ''");
    }
}
