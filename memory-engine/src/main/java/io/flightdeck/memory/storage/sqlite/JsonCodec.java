package io.flightdeck.memory.storage.sqlite;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.flightdeck.memory.error.StorageException;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON for the model records, as stored in the SQLite columns. The model stays free of Jackson: the type
 * discriminators of the sealed interfaces come from mix-ins, and {@link Instant}s are written as ISO-8601
 * strings ({@code Instant.toString()}), which keep every nanosecond, so a round trip is exact.
 *
 * <p>Thread-safe: Jackson's readers and writers are immutable once built.
 */
public final class JsonCodec {

    private static final TypeReference<List<UUID>> UUID_LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final ObjectWriter writer;
    private final ObjectWriter patternWriter;
    private final ObjectWriter outcomeWriter;
    private final ObjectReader stepReader;
    private final ObjectReader contextReader;
    private final ObjectReader outcomeReader;
    private final ObjectReader rewardReader;
    private final ObjectReader reflectionReader;
    private final ObjectReader patternReader;
    private final ObjectReader heuristicReader;
    private final ObjectReader uuidListReader;
    private final ObjectReader metadataReader;

    public JsonCodec() {
        ObjectMapper mapper = new ObjectMapper();
        // Only record components are data: a derived method such as ExecutionResult.isSuccess() would otherwise
        // be written as an extra "success" property that the canonical constructor cannot take back.
        mapper.setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);
        // ExecutionResult.Timeout has no components; its type id alone is the whole value.
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.addMixIn(ExecutionResult.class, ExecutionResultMixIn.class);
        mapper.addMixIn(TaskOutcome.class, TaskOutcomeMixIn.class);
        mapper.addMixIn(Pattern.class, PatternMixIn.class);
        mapper.registerModule(new SimpleModule("flightdeck-instant")
                .addSerializer(Instant.class, new InstantSerializer())
                .addDeserializer(Instant.class, new InstantDeserializer()));

        writer = mapper.writer();
        // The discriminators live on the interfaces, so patterns and outcomes are written as the interface type.
        patternWriter = mapper.writerFor(Pattern.class);
        outcomeWriter = mapper.writerFor(TaskOutcome.class);
        stepReader = mapper.readerFor(ExecutionStep.class);
        contextReader = mapper.readerFor(TaskContext.class);
        outcomeReader = mapper.readerFor(TaskOutcome.class);
        rewardReader = mapper.readerFor(RewardScore.class);
        reflectionReader = mapper.readerFor(Reflection.class);
        patternReader = mapper.readerFor(Pattern.class);
        heuristicReader = mapper.readerFor(Heuristic.class);
        uuidListReader = mapper.readerFor(UUID_LIST);
        metadataReader = mapper.readerFor(STRING_MAP);
    }

    /** Any model value (or list/map of them) as JSON; null stays null so nullable columns stay SQL NULL. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            ObjectWriter w = value instanceof Pattern ? patternWriter
                    : value instanceof TaskOutcome ? outcomeWriter
                    : writer;
            return w.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public ExecutionStep readStep(String json) {
        return read(stepReader, json, "step");
    }

    public TaskContext readContext(String json) {
        return read(contextReader, json, "task context");
    }

    public TaskOutcome readOutcome(String json) {
        return read(outcomeReader, json, "outcome");
    }

    public RewardScore readReward(String json) {
        return read(rewardReader, json, "reward");
    }

    public Reflection readReflection(String json) {
        return read(reflectionReader, json, "reflection");
    }

    public Pattern readPattern(String json) {
        return read(patternReader, json, "pattern");
    }

    public Heuristic readHeuristic(String json) {
        return read(heuristicReader, json, "heuristic");
    }

    public List<UUID> readUuidList(String json) {
        return read(uuidListReader, json, "id list");
    }

    public Map<String, String> readMetadata(String json) {
        return read(metadataReader, json, "metadata");
    }

    /** The pattern's type name, as in its JSON {@code "type"} property. */
    public static String kindOf(Pattern p) {
        if (p instanceof Pattern.ToolSequence) {
            return "tool_sequence";
        } else if (p instanceof Pattern.DecisionPoint) {
            return "decision_point";
        } else if (p instanceof Pattern.ErrorRecovery) {
            return "error_recovery";
        } else if (p instanceof Pattern.ContextPattern) {
            return "context_pattern";
        }
        throw new IllegalArgumentException("unknown pattern kind " + p.getClass().getName());
    }

    private static <T> T read(ObjectReader reader, String json, String what) {
        if (json == null) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (IOException | RuntimeException e) {
            // A RuntimeException here is a record constructor rejecting a stored value.
            throw new StorageException("stored " + what + " cannot be read back (" + e.getMessage()
                    + "); the JSON was: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ExecutionResult.Success.class, name = "success"),
            @JsonSubTypes.Type(value = ExecutionResult.Error.class, name = "error"),
            @JsonSubTypes.Type(value = ExecutionResult.Timeout.class, name = "timeout")})
    private interface ExecutionResultMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TaskOutcome.Success.class, name = "success"),
            @JsonSubTypes.Type(value = TaskOutcome.PartialSuccess.class, name = "partial_success"),
            @JsonSubTypes.Type(value = TaskOutcome.Failure.class, name = "failure"),
            @JsonSubTypes.Type(value = TaskOutcome.Abstained.class, name = "abstained")})
    private interface TaskOutcomeMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Pattern.ToolSequence.class, name = "tool_sequence"),
            @JsonSubTypes.Type(value = Pattern.DecisionPoint.class, name = "decision_point"),
            @JsonSubTypes.Type(value = Pattern.ErrorRecovery.class, name = "error_recovery"),
            @JsonSubTypes.Type(value = Pattern.ContextPattern.class, name = "context_pattern")})
    private interface PatternMixIn {
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
