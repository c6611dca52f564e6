package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.profiling.leaks.LeakAnalysis;
import io.flightdeck.profiling.leaks.LeakAnalysis.LeakSuspect;

/** Old-object samples of a program that keeps what it allocates in a static list: the suspects name it. */
class LeakSuspectsTest {

    @TempDir
    static Path dir;
    static LeakAnalysis leaks;

    @BeforeAll
    static void recordALeak() throws Exception {
        Path recording = TestRecordings.recordWithGcRoots(dir, "leak", 6, "grow");
        leaks = RecordingAnalyzer.analyze(recording, AnalysisOptions.defaults()).leaks();
    }

    @Test
    void theRetainedArraysAreTheTopSuspectWithTheirAllocationSite() {
        assertThat(leaks.samples()).isPositive();
        LeakSuspect top = leaks.suspects().get(0);
        assertThat(top.className()).isEqualTo("byte[]");
        assertThat(top.allocationSites().get(0).name())
                .isEqualTo("io.flightdeck.profiling.programs.HotAndAllocating.allocate(int)");
        assertThat(top.medianAgeSeconds()).isPositive();
    }

    @Test
    void theChainLeadsFromAGcRootThroughTheListToTheArrays() {
        assertThat(leaks.withPaths()).isPositive();
        LeakSuspect top = leaks.suspects().get(0);
        assertThat(top.chains()).isNotEmpty();
        var path = top.chains().get(0).path();
        assertThat(path.get(0)).startsWith("GC root: ");
        // the static field RETAINED of HotAndAllocating holds the list, whose array holds the byte arrays
        assertThat(path).contains("java.lang.Class (Class Name: io.flightdeck.profiling.programs.HotAndAllocating).RETAINED",
                "java.lang.Object[] element");
        assertThat(path).anySatisfy(p -> assertThat(p).startsWith("java.util.ArrayList").endsWith(".elementData"));
        assertThat(top.chains().get(0).samples()).isEqualTo(top.samples()); // every sample held the same way
        assertThat(path.get(path.size() - 1)).isEqualTo("byte[]");
    }
}
