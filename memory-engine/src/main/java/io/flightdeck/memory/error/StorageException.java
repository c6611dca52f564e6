package io.flightdeck.memory.error;

/** The store could not be opened, read or written: a corrupt or foreign file, a full disk, a closed store. */
public class StorageException extends MemoryException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
