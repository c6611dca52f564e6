package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.util.UUID;

/**
 * What the index knows of one completed episode: enough to rank it without touching the store.
 * {@code deleted} and {@code lastAccessMillis} change after indexing; the rest never does.
 */
public final class IndexedEpisode {

    final int docId;
    final UUID id;
    final String description;
    final TaskType taskType;
    final TaskContext context;
    final long endMillis;
    final double rewardTotal;
    /** Reward mapped to [0, 1]. */
    final double rewardScore;
    /** Distinct term ids, ascending: for MMR's similarity between results. */
    final int[] termIds;
    final int length;
    private volatile boolean deleted;
    volatile long lastAccessMillis;

    IndexedEpisode(int docId, UUID id, String description, TaskType taskType, TaskContext context, long endMillis,
                   double rewardTotal, double rewardScore, int[] termIds, int length) {
        this.docId = docId;
        this.id = id;
        this.description = description;
        this.taskType = taskType;
        this.context = context;
        this.endMillis = endMillis;
        this.rewardTotal = rewardTotal;
        this.rewardScore = rewardScore;
        this.termIds = termIds;
        this.length = length;
        this.lastAccessMillis = endMillis;
    }

    public UUID id() {
        return id;
    }

    public double rewardTotal() {
        return rewardTotal;
    }

    public double rewardScore() {
        return rewardScore;
    }

    public long endMillis() {
        return endMillis;
    }

    public long lastAccessMillis() {
        return lastAccessMillis;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Marks the episode deleted; true for the one caller that actually deleted it. */
    synchronized boolean markDeleted() {
        if (deleted) {
            return false;
        }
        deleted = true;
        return true;
    }
}
