package io.flightdeck.memory.error;

/** A call that does not fit the episode's state: completing it twice, logging to a completed episode. */
public class EpisodeStateException extends MemoryException {
    public EpisodeStateException(String message) {
        super(message);
    }
}
