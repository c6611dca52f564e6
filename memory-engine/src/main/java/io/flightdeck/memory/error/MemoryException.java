package io.flightdeck.memory.error;

/** Base of every error the engine raises on purpose; its message is meant for the person who caused it. */
public abstract class MemoryException extends RuntimeException {
    protected MemoryException(String message) {
        super(message);
    }

    protected MemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
