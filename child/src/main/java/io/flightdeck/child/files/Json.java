package io.flightdeck.child.files;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of the harness: ISO-8601 times, indented output, NaN and infinities as null
 * ({@link FiniteNumbers}), and readers that tolerate
 * fields they do not know, so an older Flightdeck can read a newer file's known parts (the schema version says
 * when that is not enough).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        return builder().build();
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder(FiniteNumbers.factory())
                .addModule(FiniteNumbers.module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // two documents in one file (a botched concatenation, an append to the wrong file) are not one
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * For files a person may have edited or a crash may have cut (a report read back, a baseline): on top of
     * {@link #mapper()}, a null or a fraction is never silently read as the number 0, and a field given twice is an
     * error rather than the last one winning.
     */
    public static ObjectMapper strictMapper() {
        return builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Writes {@code value} as JSON to {@code file} through a temporary file and an atomic move. */
    public static void writeAtomically(ObjectMapper mapper, Path file, Object value) throws IOException {
        AtomicFile.write(file, out -> mapper.writeValue(out, value));
    }
}
