package io.flightdeck.profiling.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.flightdeck.profiling.Analysis;

/**
 * Each registered analysis fills the part of analysis.json it is named after: a component of {@link Analysis} of
 * its result's type, so the JSON key and the plug-in's name agree.
 */
class RegisteredAnalysesTest {

    @Test
    void eachAnalysisFillsThePartOfAnalysisJsonItIsNamedAfter() {
        Map<String, RecordComponent> parts = Arrays.stream(Analysis.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        for (AnalysisPlugin<?, ?> plugin : RegisteredAnalyses.ALL) {
            assertThat(parts).as(plugin.name()).containsKey(plugin.name());
            assertThat(parts.get(plugin.name()).getType()).as(plugin.name()).isEqualTo(resultType(plugin));
        }
    }

    private static Type resultType(AnalysisPlugin<?, ?> plugin) {
        for (Type t : plugin.getClass().getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == AnalysisPlugin.class) {
                return p.getActualTypeArguments()[1];
            }
        }
        throw new AssertionError(plugin.getClass() + " does not implement AnalysisPlugin directly");
    }
}
