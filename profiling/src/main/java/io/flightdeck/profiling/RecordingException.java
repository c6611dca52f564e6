package io.flightdeck.profiling;

/** A recording that cannot be analysed (missing, not JFR, corrupt beyond its first chunk): one clear line. */
public final class RecordingException extends Exception {

    public RecordingException(String message) {
        super(message);
    }
}
