package io.flightdeck.harness.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent comes out of the jar once, whole, and a damaged copy is never loaded. */
class AsyncProfilerLibraryTest {

    private static final String PLATFORM = "linux-x64"; // the jar has it whatever machine runs the test

    @TempDir
    Path cache;

    private static byte[] shipped() throws Exception {
        try (InputStream in = AsyncProfilerLibraryTest.class.getClassLoader()
                .getResourceAsStream(PLATFORM + "/" + AsyncProfilerLibrary.FILE)) {
            assertThat(in).as("the async-profiler jar is on the class path").isNotNull();
            return in.readAllBytes();
        }
    }

    private Path extract() throws Exception {
        return AsyncProfilerLibrary.extract(getClass().getClassLoader(), PLATFORM, cache);
    }

    @Test
    void theLibraryIsExtractedWholeIntoAFolderNamedByVersionAndChecksum() throws Exception {
        Path lib = extract();
        assertThat(Files.readAllBytes(lib)).isEqualTo(shipped());
        String sha = AsyncProfilerLibrary.sha256(shipped());
        assertThat(lib.getParent().getFileName().toString())
                .isEqualTo("async-profiler-4.2-" + PLATFORM + "-" + sha.substring(0, 16));
        assertThat(extract()).isEqualTo(lib); // the second time, the same file
        try (var files = Files.list(lib.getParent())) {
            assertThat(files.toList()).containsExactly(lib); // no temporary file left
        }
    }

    @Test
    void aPartialOrCorruptCopyIsReplaced() throws Exception {
        Path lib = extract();
        byte[] whole = Files.readAllBytes(lib);
        Files.write(lib, java.util.Arrays.copyOf(whole, whole.length / 2)); // a write cut short
        assertThat(Files.readAllBytes(extract())).isEqualTo(whole);

        whole[100] ^= 0x5a; // one byte flipped: the same length, other bytes
        Files.write(lib, whole);
        assertThat(Files.readAllBytes(extract())).isEqualTo(shipped());
    }

    @Test
    void itsLicenceNoticeShipsWithItForTheVersionShipped() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream notice = loader.getResourceAsStream("META-INF/third-party/async-profiler/NOTICE");
             InputStream licence = loader.getResourceAsStream("META-INF/third-party/async-profiler/LICENSE-2.0.txt")) {
            assertThat(notice).isNotNull();
            assertThat(licence).isNotNull();
            assertThat(new String(notice.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("async-profiler " + AsyncProfilerLibrary.version(loader), "Apache License, Version 2.0");
        }
    }

    @Test
    void eachMachineGetsItsFolderOfTheJar() {
        assertThat(AsyncProfilerLibrary.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(AsyncProfilerLibrary.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(AsyncProfilerLibrary.platform("Mac OS X", "aarch64")).isEqualTo("macos");
        assertThat(AsyncProfilerLibrary.platform("Windows 11", "amd64")).isNull();
    }
}
