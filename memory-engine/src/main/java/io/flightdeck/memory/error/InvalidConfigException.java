package io.flightdeck.memory.error;

/**
 * A setting the engine cannot work with ({@code MemoryConfig}, {@code InputLimits}, {@code RetrievalWeights},
 * {@code SqliteOptions}): refused when the settings are built, so it never shows up later as a NaN score,
 * a flush that never fires or an overflow. The message names the setting and the value.
 */
public class InvalidConfigException extends MemoryException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
