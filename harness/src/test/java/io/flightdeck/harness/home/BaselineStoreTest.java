package io.flightdeck.harness.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.ReportFile;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.report.WorkloadReport;

class BaselineStoreTest {

    @TempDir
    Path dir;

    /** A run folder with a report of one workload and its folded stacks. */
    private RunReport runFolder(Path run, String runId, String cpuStacks) throws Exception {
        Files.createDirectories(run.resolve("w"));
        Files.writeString(run.resolve("w/cpu.folded"), cpuStacks);
        Files.writeString(run.resolve("w/recording.jfr"), "not copied");
        RunReport report = new RunReport(RunReport.SCHEMA_VERSION, "t", runId, Instant.EPOCH, Instant.EPOCH, 0, null,
                null, null, List.of(new WorkloadReport("w", "", "op", RunReport.PASSED, null, List.of(), List.of(),
                null, null)), List.of(), List.of(), RunReport.PASSED, 0);
        Json.writeAtomically(Json.mapper(), run.resolve("report.json"), report);
        return report;
    }

    @Test
    void aBaselineKeepsTheReportAndStacksButNotTheRecording() throws Exception {
        BaselineStore store = new BaselineStore(new Home(dir.resolve("home")));
        RunReport report = runFolder(dir.resolve("run1"), "r1", "a;b 3\n");
        Path saved = store.save("main", dir.resolve("run1"), report, "abc");

        assertThat(store.exists("main")).isTrue();
        assertThat(ReportFile.read(store.folder("main").resolve(BaselineStore.REPORT)).runId()).isEqualTo("r1");
        assertThat(saved.resolve("w/cpu.folded")).hasContent("a;b 3");
        assertThat(saved.resolve("w/recording.jfr")).doesNotExist();
        assertThat(Json.mapper().readTree(saved.resolve(BaselineStore.ABOUT).toFile()).path("commit").asText())
                .isEqualTo("abc");
        assertThat(store.names()).containsExactly("main");
    }

    @Test
    void savingAgainReplacesTheWholeBaselineAndLeavesNothingBehind() throws Exception {
        BaselineStore store = new BaselineStore(new Home(dir.resolve("home")));
        store.save("main", dir.resolve("run1"), runFolder(dir.resolve("run1"), "r1", "old 1\n"), null);
        RunReport second = runFolder(dir.resolve("run2"), "r2", "new 2\n");
        Files.delete(dir.resolve("run2/w/cpu.folded")); // the new run has no stacks: none may survive from the old
        store.save("main", dir.resolve("run2"), second, null);

        assertThat(ReportFile.read(store.folder("main").resolve(BaselineStore.REPORT)).runId()).isEqualTo("r2");
        assertThat(store.folder("main").resolve("w/cpu.folded")).doesNotExist();
        try (var left = Files.list(dir.resolve("home/baselines"))) { // the lock file stays; no staged or old copy
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("main", ".lock");
        }
    }

    @Test
    void namesThatCouldEscapeTheFolderAreRefused() {
        for (String bad : List.of("..", "../x", "a/b", ".hidden", "", "x".repeat(65), "a b")) {
            assertThatThrownBy(() -> BaselineStore.checkName(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline name");
        }
        BaselineStore.checkName("release-1.2_rc");
    }

    @Test
    void theHomeIsAtTheNearestGitRoot() throws Exception {
        Path project = Files.createDirectories(dir.resolve("p/.git")).getParent();
        Path deep = Files.createDirectories(project.resolve("a/b"));
        assertThat(Home.projectRoot(deep)).isEqualTo(project);
        assertThat(Home.projectRoot(dir.resolve("elsewhere"))).isEqualTo(dir.resolve("elsewhere"));
    }

    /**
     * A save killed between its two renames leaves the old baseline aside under a hidden name and none under its own;
     * one killed while staging leaves its staging folder. The next save (of any name) puts the first back and
     * deletes the second.
     */
    @Test
    void theNextSaveRecoversFromSavesKilledHalfWay() throws Exception {
        BaselineStore store = new BaselineStore(new Home(dir.resolve("home")));
        store.save("main", dir.resolve("run1"), runFolder(dir.resolve("run1"), "r1", "a 1\n"), null);
        Path baselines = dir.resolve("home/baselines");
        Path aside = baselines.resolve(".replaced-main-0f8fad5b-d9cb-469f-a165-70867728950e");
        Files.move(baselines.resolve("main"), aside); // killed after the first rename
        Path staging = Files.createDirectories(baselines.resolve(".saving-nightly-1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        Files.writeString(staging.resolve("report.json"), "{\"half\":");

        store.save("other", dir.resolve("run2"), runFolder(dir.resolve("run2"), "r2", "b 2\n"), null);

        assertThat(ReportFile.read(store.folder("main").resolve(BaselineStore.REPORT)).runId()).isEqualTo("r1");
        assertThat(aside).doesNotExist();
        assertThat(staging).doesNotExist();
        assertThat(store.names()).containsExactly("main", "other");
    }

    /** A save that fails says why, keeps the earlier baseline, and leaves no staging folder for anyone to trip on. */
    @Test
    void aFailedSaveSaysItsOwnCauseAndLeavesNothing() throws Exception {
        BaselineStore store = new BaselineStore(new Home(dir.resolve("home")));
        store.save("main", dir.resolve("run1"), runFolder(dir.resolve("run1"), "r1", "a 1\n"), null);
        RunReport one = runFolder(dir.resolve("run2"), "r2", "b 2\n");
        // a report naming its workload twice: the second copy of its stacks finds the first in the way
        RunReport report = new RunReport(one.schemaVersion(), one.tool(), one.runId(), one.startedAt(),
                one.finishedAt(), one.durationSeconds(), null, null, null,
                List.of(one.workloads().get(0), one.workloads().get(0)), List.of(), List.of(), RunReport.PASSED, 0);

        assertThatThrownBy(() -> store.save("main", dir.resolve("run2"), report, null))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class).hasMessageContaining("cpu.folded");

        assertThat(ReportFile.read(store.folder("main").resolve(BaselineStore.REPORT)).runId()).isEqualTo("r1");
        try (var left = Files.list(dir.resolve("home/baselines"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("main", ".lock");
        }
    }

    /** Saves from threads of one JVM take turns, as saves from two processes do (Java's file lock alone refuses). */
    @Test
    void threadsSavingOneNameAtOnceLeaveOneWholeBaseline() throws Exception {
        BaselineStore store = new BaselineStore(new Home(dir.resolve("home")));
        int savers = 6;
        java.util.List<RunReport> reports = new java.util.ArrayList<>();
        for (int i = 0; i < savers; i++) {
            reports.add(runFolder(dir.resolve("run" + i), "r" + i, "s" + i + " 1\n"));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(savers);
        try {
            java.util.List<java.util.concurrent.Future<Path>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < savers; i++) {
                int n = i;
                saves.add(pool.submit(() -> {
                    start.await();
                    return store.save("main", dir.resolve("run" + n), reports.get(n), null);
                }));
            }
            start.countDown();
            for (var f : saves) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String runId = ReportFile.read(store.folder("main").resolve(BaselineStore.REPORT)).runId();
        assertThat(store.folder("main").resolve("w/cpu.folded")).hasContent("s" + runId.substring(1) + " 1");
        try (var left = Files.list(dir.resolve("home/baselines"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".lock", "main");
        }
    }
}
