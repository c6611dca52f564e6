package io.flightdeck.engine.bench;

import io.flightdeck.memory.MemoryConfig;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.storage.sqlite.SqliteEpisodeStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pre-built SQLite corpora, one file per (seed, size), kept under {@code engine-workloads/target/bench-corpora/}.
 * Recording 100,000 episodes into SQLite takes far longer than a benchmark trial should spend on setup, and the
 * result is the same every time: build it once, then give each trial a copy ({@link StoreUnderTest#copyOf}).
 *
 * <p>The file name carries a fingerprint of what the generator produces for the seed, so a changed generator
 * makes a new corpus instead of silently reusing an old one; older corpora for the same (seed, size) are deleted.
 * A corpus that the current store can no longer open is rebuilt ({@link #rebuild}). To force a rebuild, delete
 * the directory ({@code mvn -pl engine-workloads clean} does).
 *
 * <p>The directory is {@code engine-workloads/target/bench-corpora} under the working directory when that has a
 * {@code engine-workloads} module (the repo root, where scripts/bench runs), else {@code target/bench-corpora}; the
 * system property {@code flightdeck.bench.corpora} overrides both.
 */
final class CorpusCache {

    private CorpusCache() {
    }

    /** The corpus database for ({@code seed}, {@code size}), built first if missing. Never hand this file to a store: copy it. */
    static Path database(long seed, int size) {
        Path file = fileFor(seed, size);
        if (!Files.exists(file)) {
            build(file, seed, size);
        }
        return file;
    }

    /** Deletes and builds again, e.g. when the store's schema moved on and the cached file no longer opens. */
    static Path rebuild(long seed, int size) {
        Path file = fileFor(seed, size);
        StoreUnderTest.deleteWithCompanions(file);
        build(file, seed, size);
        return file;
    }

    private static Path fileFor(long seed, int size) {
        return directory().resolve(prefix(seed, size) + fingerprint(seed) + ".db");
    }

    private static String prefix(long seed, int size) {
        return "corpus-seed" + seed + "-n" + size + "-";
    }

    static Path directory() {
        String configured = System.getProperty("flightdeck.bench.corpora");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Files.isDirectory(Path.of("engine-workloads")) ? Path.of("engine-workloads", "target", "bench-corpora")
                : Path.of("target", "bench-corpora");
    }

    /** Written to a temporary name and moved into place, so an interrupted build never looks like a corpus. */
    private static void build(Path file, long seed, int size) {
        try {
            Files.createDirectories(file.getParent());
            deleteOlderVersions(file, seed, size);
            Path partial = file.resolveSibling(file.getFileName() + ".partial-" + ProcessHandle.current().pid());
            StoreUnderTest.deleteWithCompanions(partial);
            System.err.printf("corpus: building %s (once; later runs reuse it)%n", file);
            try (MemoryEngine engine = MemoryEngine.open(SqliteEpisodeStore.open(partial), MemoryConfig.defaults())) {
                Corpus.record(engine, seed, size);
            } catch (RuntimeException e) {
                StoreUnderTest.deleteWithCompanions(partial);
                throw e;
            }
            // closing the store checkpointed the WAL into the main file; only that file is the corpus
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            StoreUnderTest.deleteWithCompanions(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the corpus " + file, e);
        }
    }

    private static void deleteOlderVersions(Path file, long seed, int size) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), prefix(seed, size) + "*.db")) {
            for (Path p : old) {
                if (!p.equals(file)) {
                    StoreUnderTest.deleteWithCompanions(p);
                }
            }
        }
    }

    /**
     * A short hash of the text the generator makes for this seed (descriptions, tools, actions, parameters,
     * outputs, outcomes of its first episodes) and the corpus's episode lengths: changes when either does.
     * Timestamps are left out.
     */
    static String fingerprint(long seed) {
        EpisodeGenerator generator = new EpisodeGenerator(seed);
        StringBuilder text = new StringBuilder(16_384);
        text.append("steps ").append(Corpus.MIN_STEPS).append('-').append(Corpus.MAX_STEPS).append('\n');
        for (int i = 0; i < 16; i++) {
            GeneratedEpisode e = generator.next(Corpus.MIN_STEPS + i % (Corpus.MAX_STEPS - Corpus.MIN_STEPS + 1));
            text.append(e.description()).append('|').append(e.context()).append('|').append(e.taskType()).append('|')
                    .append(e.outcome()).append('\n');
            for (ExecutionStep s : e.steps()) {
                text.append(s.tool()).append('|').append(s.action()).append('|').append(s.parameters()).append('|')
                        .append(s.result()).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
