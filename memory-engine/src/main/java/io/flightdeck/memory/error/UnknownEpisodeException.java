package io.flightdeck.memory.error;

import java.util.UUID;

/** An episode id the engine has never seen, or one that was deleted or evicted. */
public class UnknownEpisodeException extends MemoryException {
    private final UUID episodeId;

    public UnknownEpisodeException(UUID episodeId) {
        super("unknown episode " + episodeId + " (never started, deleted or evicted)");
        this.episodeId = episodeId;
    }

    public UUID episodeId() {
        return episodeId;
    }
}
