package io.flightdeck.engine.workloads;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.flightdeck.api.WorkloadContext;
import io.flightdeck.memory.MemoryConfig;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.storage.InMemoryEpisodeStore;
import io.flightdeck.memory.storage.sqlite.SqliteEpisodeStore;

/**
 * A memory engine on the store the run asked for ({@code store=memory|sqlite}, default sqlite), closed and
 * cleaned up with the case. A SQLite store is a fresh file inside the workload's folder, so the disk I/O the
 * durable path does is part of what is recorded; it is deleted when the case ends (with its WAL files), because a
 * run's folder should hold results, not gigabytes of scratch data.
 */
final class EngineStore implements AutoCloseable {

    static final String PARAMETER = "store";
    static final String MEMORY = "memory";
    static final String SQLITE = "sqlite";

    private final MemoryEngine engine;
    private final Path file;

    private EngineStore(MemoryEngine engine, Path file) {
        this.engine = engine;
        this.file = file;
    }

    /**
     * Completed episodes an engine keeps in the workloads that add episodes without end (creation, logging,
     * completion, lifecycle, concurrency); beyond it the engine evicts the lowest-value one, as a long-running agent's
     * would. Without a cap, a fast workload fills the heap within seconds and measures the collector instead of the
     * engine (seen: 20 % run-to-run swings in memory).
     */
    static final int STEADY_STATE_EPISODES = 5_000;

    /** An engine capped at {@link #STEADY_STATE_EPISODES}. */
    static EngineStore open(WorkloadContext context, String caseLabel) throws IOException {
        return open(context, caseLabel, STEADY_STATE_EPISODES);
    }

    /** @param maxEpisodes completed episodes kept, 0 for no limit */
    static EngineStore open(WorkloadContext context, String caseLabel, int maxEpisodes) throws IOException {
        MemoryConfig config = MemoryConfig.builder().maxEpisodes(maxEpisodes).build();
        switch (kind(context.parameter(PARAMETER).orElse(SQLITE))) {
            case MEMORY:
                return new EngineStore(MemoryEngine.open(new InMemoryEpisodeStore(), config), null);
            case SQLITE:
                Path dir = Files.createDirectories(context.scratchDirectory());
                Path file = dir.resolve(caseLabel.replaceAll("[^A-Za-z0-9._-]", "_") + ".db");
                deleteWithCompanions(file); // a fresh store, whatever an earlier fork left
                return new EngineStore(MemoryEngine.open(SqliteEpisodeStore.open(file), config), file);
            default:
                throw new IllegalStateException("unreachable: kind() refuses other stores");
        }
    }

    /**
     * The store kind a parameter value names, lower-cased.
     *
     * @throws IllegalArgumentException with the one line {@code run} shows for a value it cannot use
     */
    static String kind(String value) {
        String kind = value.toLowerCase(Locale.ROOT);
        if (!kind.equals(MEMORY) && !kind.equals(SQLITE)) {
            throw new IllegalArgumentException(PARAMETER + "=" + value + ": unknown store, use memory or sqlite");
        }
        return kind;
    }

    MemoryEngine engine() {
        return engine;
    }

    @Override
    public void close() throws IOException {
        try {
            engine.close();
        } finally {
            if (file != null) {
                deleteWithCompanions(file);
                try {
                    Files.deleteIfExists(file.getParent()); // only when empty: another case's store may be open
                } catch (DirectoryNotEmptyException e) {
                    // another case's files are still there; the last one out removes the folder
                }
            }
        }
    }

    private static void deleteWithCompanions(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
    }
}
