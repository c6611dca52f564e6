package io.flightdeck.harness.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import org.junit.jupiter.api.Test;

import io.flightdeck.child.files.Json;
import io.flightdeck.harness.check.Bound;
import io.flightdeck.harness.check.BudgetVerdict;
import io.flightdeck.harness.check.UnitKind;

/** NaN and infinities never reach a JSON file as strings: they are null, and null reads back as NaN. */
class FiniteNumbersTest {

    private final ObjectMapper json = Json.mapper();

    record Figures(double primitive, Double boxed, float single, double[] array, List<Double> list,
                   Map<String, Double> map, double finite) {
    }

    @Test
    void everyNonFiniteNumberIsWrittenAsNull() throws Exception {
        Figures f = new Figures(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN,
                new double[] {1.5, Double.NEGATIVE_INFINITY}, List.of(Double.NaN, 2.0), Map.of("x", Double.NaN), 3.25);
        String text = json.writeValueAsString(f);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("primitive").getNodeType()).isEqualTo(JsonNodeType.NULL);
        assertThat(tree.get("boxed").isNull()).isTrue();
        assertThat(tree.get("single").isNull()).isTrue();
        assertThat(tree.get("array").get(0).asDouble()).isEqualTo(1.5);
        assertThat(tree.get("array").get(1).isNull()).isTrue();
        assertThat(tree.get("list").get(0).isNull()).isTrue();
        assertThat(tree.get("map").get("x").isNull()).isTrue();
        assertThat(tree.get("finite").asDouble()).isEqualTo(3.25);
    }

    @Test
    void aCopyOfTheMapperKeepsIt() throws Exception { // the history's writer is a copy without indentation
        assertThat(json.copy().writeValueAsString(new Figures(Double.NaN, null, 0f, new double[0], List.of(), Map.of(),
                Double.NEGATIVE_INFINITY))).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void aTreeWithANonFiniteNumberIsWrittenWithNull() throws Exception {
        JsonNode node = json.createObjectNode().put("v", Double.NaN);
        assertThat(json.writeValueAsString(node)).doesNotContain("NaN").contains("null");
    }

    @Test
    void aVerdictNotMeasuredKeepsItsStatusAndReadsBackAsNaN() throws Exception {
        BudgetVerdict v = new BudgetVerdict("w", "default", "p95", Bound.MAX, 1e6, Double.NaN, UnitKind.DURATION,
                BudgetVerdict.Status.NOT_MEASURED, Double.NaN);
        String text = json.writeValueAsString(v);

        assertThat(text).doesNotContain("NaN").contains("\"NOT_MEASURED\"");
        assertThat(json.readTree(text).get("measured").isNull()).isTrue();
        BudgetVerdict back = json.readValue(text, BudgetVerdict.class);
        assertThat(back.measured()).isNaN();
        assertThat(back.margin()).isNaN();
        assertThat(back.limit()).isEqualTo(1e6);
    }

    @Test
    void olderFilesWithNaNStringsStillRead() throws Exception {
        assertThat(json.readValue("{\"primitive\": \"NaN\", \"finite\": 1}", Figures.class).primitive()).isNaN();
    }

    record Counted(double figure, long count) {
    }

    @Test
    void theStrictReaderReadsANullFigureAsNaNButStillRefusesANullCount() throws Exception {
        // report.json is read back strictly (compare, export): a figure not measured is null there, and must not
        // make the whole report unreadable; a count that is null is still a corrupt file
        ObjectMapper strict = Json.strictMapper();
        assertThat(strict.readValue("{\"figure\": null, \"count\": 3}", Counted.class).figure()).isNaN();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> strict.readValue("{\"figure\": 1.5, \"count\": null}", Counted.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    }
}
