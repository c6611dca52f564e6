package io.flightdeck.memory.error;

/** An input that is malformed (a bad tag, a blank description), as opposed to one that is too large. */
public class InvalidInputException extends MemoryException {
    public InvalidInputException(String message) {
        super(message);
    }
}
