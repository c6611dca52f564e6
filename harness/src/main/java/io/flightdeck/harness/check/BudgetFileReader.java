package io.flightdeck.harness.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a budgets file in two steps: Jackson maps the text onto raw records that take whatever the file says
 * (strict about syntax, field names and JSON types only), then {@link #validate} turns them into {@link Budget}s,
 * so every semantic problem gets a message in the file's own terms instead of a parser's.
 */
final class BudgetFileReader {

    static final int SCHEMA_VERSION = 1;

    private static final String TOP_FIELDS = "schemaVersion, budgets, regressions";
    private static final String REGRESSION_FIELDS = "workload, case, metric, limit, note";
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)\\s*%");
    private static final String BUDGET_FIELDS = "workload, case, metric, max, min, note";

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "schemaVersion": "1" is a type mistake worth pointing at, not guessing around
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a second "max" would otherwise silently win over the first
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // ... and so is "workload": 5, which Jackson would otherwise read as the name "5"
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build()
            .readerFor(RawFile.class);

    private BudgetFileReader() {
    }

    /** The file as written; {@code budgets} null when the field is absent, {@code regressions} too. */
    record RawFile(Integer schemaVersion, List<LocatedBudget> budgets, List<RawRegression> regressions) {
    }

    /** A metric's own regression limit as written: {@code "limit": "5%"}. */
    record RawRegression(String workload, @JsonProperty("case") String caseLabel, String metric, String limit,
                         String note) {
    }

    /** One budget as written; max and min stay JSON so a number and a "50ms" string can both be told apart. */
    record RawBudget(String workload, @JsonProperty("case") String caseLabel, String metric, JsonNode max,
                     JsonNode min, String note) {
    }

    /** A raw budget and where its object starts, so that validation errors can point at it. */
    @JsonDeserialize(using = LocatedBudgetDeserializer.class)
    record LocatedBudget(RawBudget budget, int line, int column) {
    }

    static final class LocatedBudgetDeserializer extends StdDeserializer<LocatedBudget> {

        private static final long serialVersionUID = 1L;

        LocatedBudgetDeserializer() {
            super(LocatedBudget.class);
        }

        @Override
        public LocatedBudget deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation where = p.currentTokenLocation();
            RawBudget budget = ctxt.readValue(p, RawBudget.class);
            return new LocatedBudget(budget, where.getLineNr(), where.getColumnNr());
        }
    }

    /** Parses and validates {@code content}; {@code source} names the file in error messages. */
    static Budgets read(String source, byte[] content) {
        RawFile raw;
        try {
            raw = READER.readValue(content);
        } catch (JsonProcessingException e) {
            throw translate(source, e);
        } catch (IOException e) {
            throw BudgetFileException.at(source, 0, 0, "cannot read: " + describe(e), e);
        }
        return validate(source, raw);
    }

    /** Why a file could not be read, in words, for {@code Files.readAllBytes} failures too. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static Budgets validate(String source, RawFile raw) {
        if (raw == null) {
            throw BudgetFileException.at(source, 0, 0, "the file holds 'null' instead of an object with"
                    + " \"schemaVersion\" and \"budgets\"", null);
        }
        if (raw.schemaVersion() == null) {
            throw BudgetFileException.at(source, 0, 0, "missing \"schemaVersion\" (this harness reads version "
                    + SCHEMA_VERSION + ")", null);
        }
        if (raw.schemaVersion() != SCHEMA_VERSION) {
            throw BudgetFileException.at(source, 0, 0, "unsupported schemaVersion " + raw.schemaVersion()
                    + " (this harness reads version " + SCHEMA_VERSION + ")", null);
        }
        if (raw.budgets() == null) {
            throw BudgetFileException.at(source, 0, 0, "missing \"budgets\" (an array of budgets)", null);
        }
        List<Budget> budgets = new ArrayList<>(raw.budgets().size());
        for (int i = 0; i < raw.budgets().size(); i++) {
            LocatedBudget located = raw.budgets().get(i);
            if (located == null || located.budget() == null) {
                throw BudgetFileException.at(source, 0, 0, "budget #" + (i + 1) + " is null", null);
            }
            try {
                budgets.add(toBudget(located.budget()));
            } catch (IllegalArgumentException e) {
                throw BudgetFileException.at(source, located.line(), located.column(),
                        "budget #" + (i + 1) + label(located.budget()) + ": " + e.getMessage(), e);
            }
        }
        List<RegressionLimit> regressions = new ArrayList<>();
        List<RawRegression> rawRegressions = raw.regressions() == null ? List.of() : raw.regressions();
        for (int i = 0; i < rawRegressions.size(); i++) {
            try {
                regressions.add(toRegression(rawRegressions.get(i)));
            } catch (IllegalArgumentException e) {
                throw BudgetFileException.at(source, 0, 0, "regression limit #" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Budgets(source, budgets, regressions);
    }

    private static RegressionLimit toRegression(RawRegression raw) {
        if (raw == null) {
            throw new IllegalArgumentException("is null");
        }
        requireText("workload", raw.workload());
        requireText("metric", raw.metric());
        requireText("limit", raw.limit());
        if (!RegressionLimit.METRICS.contains(raw.metric())) {
            throw new IllegalArgumentException("metric '" + raw.metric() + "' is not one a comparison judges (use "
                    + String.join(", ", new TreeSet<>(RegressionLimit.METRICS)) + ")");
        }
        if (raw.caseLabel() != null && raw.caseLabel().isBlank()) {
            throw new IllegalArgumentException("\"case\" is blank; leave it out to cover every case");
        }
        Matcher m = PERCENT.matcher(raw.limit().strip());
        double percent = m.matches() ? Double.parseDouble(m.group(1)) : -1;
        if (percent <= 0 || percent >= 1000) {
            throw new IllegalArgumentException("\"limit\": '" + raw.limit() + "' is not a percentage such as \"5%\""
                    + " (above 0)");
        }
        return new RegressionLimit(raw.workload(), raw.caseLabel(), raw.metric(), percent / 100);
    }

    /** " (workload [case] metric)", to name the budget beside its position. */
    private static String label(RawBudget raw) {
        if (raw.workload() == null || raw.metric() == null) {
            return "";
        }
        return " (" + raw.workload() + (raw.caseLabel() == null ? "" : " [" + raw.caseLabel() + "]") + " "
                + raw.metric() + ")";
    }

    private static Budget toBudget(RawBudget raw) {
        requireText("workload", raw.workload());
        requireText("metric", raw.metric());
        if (raw.caseLabel() != null && raw.caseLabel().isBlank()) {
            throw new IllegalArgumentException("\"case\" is blank; leave it out to cover every case");
        }
        boolean hasMax = present(raw.max());
        boolean hasMin = present(raw.min());
        if (hasMax == hasMin) {
            throw new IllegalArgumentException(hasMax
                    ? "both \"max\" and \"min\" given; give exactly one"
                    : "neither \"max\" nor \"min\" given; give exactly one");
        }
        Bound bound = hasMax ? Bound.MAX : Bound.MIN;
        String field = hasMax ? "max" : "min";
        Quantity quantity = quantity(field, hasMax ? raw.max() : raw.min());
        UnitKind unit = unitFor(raw.metric(), field, quantity, hasMax ? raw.max() : raw.min());
        return new Budget(raw.workload(), raw.caseLabel(), raw.metric(), bound, quantity.value(), unit, raw.note());
    }

    private static void requireText(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is blank");
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static Quantity quantity(String field, JsonNode node) {
        if (node.isNumber()) {
            return Quantity.plain(node.doubleValue());
        }
        if (node.isTextual()) {
            return Quantity.parse(node.textValue());
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a number or a string such as \"50ms\","
                + " \"100/s\" or \"256KiB\", not " + node.getNodeType().name().toLowerCase());
    }

    /**
     * The unit kind of the budget: the metric's own, which a value with a unit must match; a plain number is read
     * in the metric's base unit. Metrics of no known kind take the value's kind, except durations: only the
     * latency metrics are times.
     */
    private static UnitKind unitFor(String metric, String field, Quantity quantity, JsonNode written) {
        UnitKind metricKind = UnitKind.forMetric(metric);
        if (quantity.kind() == UnitKind.NUMBER) {
            return metricKind;
        }
        boolean clash = metricKind == UnitKind.NUMBER
                ? quantity.kind() == UnitKind.DURATION
                : quantity.kind() != metricKind;
        if (clash) {
            String accepted = metricKind == UnitKind.NUMBER
                    ? "a plain number, a size or a rate"
                    : metricKind.description() + " or a plain number";
            throw new IllegalArgumentException("\"" + field + "\": " + written + " is " + quantity.kind().description()
                    + ", but metric '" + metric + "' " + (metricKind == UnitKind.DURATION ? "is a latency and " : "")
                    + "takes " + accepted);
        }
        return quantity.kind();
    }

    // Jackson's own messages name Java types and quote input; these say the same in the file's terms.
    private static BudgetFileException translate(String source, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where == null ? 0 : where.getLineNr();
        int column = where == null ? 0 : where.getColumnNr();
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> references = u.getPath();
            // the last reference is the unknown field itself
            String path = path(references.subList(0, Math.max(0, references.size() - 1)));
            boolean topLevel = u.getReferringClass() == RawFile.class;
            problem = "unknown field \"" + u.getPropertyName() + "\"" + (topLevel ? "" : " in " + path)
                    + " (allowed: " + (topLevel ? TOP_FIELDS : u.getReferringClass() == RawRegression.class
                    ? REGRESSION_FIELDS : BUDGET_FIELDS) + ")";
        } else if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("No content to map")) {
                line = 0;
                problem = "the file is empty";
            } else if (original.startsWith("Trailing token")) {
                problem = "unexpected content after the end of the top-level object";
            } else {
                String path = path(m.getPath());
                problem = "wrong type " + (path.isEmpty() ? "at the top level" : "for " + path) + ": expected "
                        + expected(m.getTargetType());
            }
        } else {
            problem = "not valid JSON: " + clean(e.getOriginalMessage());
        }
        return BudgetFileException.at(source, line, column, problem, e);
    }

    /** Where in the file's structure: "budget #2", "\"workload\" of budget #2", "\"schemaVersion\"". */
    private static String path(List<JsonMappingException.Reference> references) {
        String field = null;
        int budget = -1;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                field = reference.getFieldName();
            } else if (reference.getIndex() >= 0) {
                budget = reference.getIndex();
                field = null;
            }
        }
        String inBudget = budget < 0 ? "" : "budget #" + (budget + 1);
        if (field == null) {
            return inBudget;
        }
        return "\"" + field + "\"" + (inBudget.isEmpty() ? "" : " of " + inBudget);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "another kind of value";
    }

    /** Drops the parts of a parser message that quote source descriptions, keeping the reason. */
    private static String clean(String message) {
        if (message == null) {
            return "syntax error";
        }
        return message
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*\\R\\s*", " ")
                .strip();
    }
}
