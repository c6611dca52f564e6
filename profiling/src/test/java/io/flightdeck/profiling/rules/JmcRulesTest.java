package io.flightdeck.profiling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import jdk.jfr.Recording;

/** A rule that throws is a finding of its own; the others still report. Too large a recording skips the rules. */
class JmcRulesTest {

    @TempDir
    Path dir;

    @Test
    void aThrowingRuleIsReportedAndTheOthersStillRun() throws Exception {
        Path file = smallRecording();
        List<IRule> rules = new ArrayList<>(RuleRegistry.getRules());
        rules.add(new ThrowingRule());

        RuleAnalysis analysis = JmcRules.evaluate(file, 1L << 30, rules);

        assertThat(analysis.evaluated()).isTrue();
        assertThat(analysis.findings()).hasSize(rules.size());
        RuleFinding planted = analysis.findings().stream().filter(f -> f.id().equals(ThrowingRule.ID)).findFirst()
                .orElseThrow();
        assertThat(planted.severity()).isEqualTo(RuleFinding.ERROR);
        assertThat(planted.message()).contains("the rule failed", "IllegalStateException", "planted");
        assertThat(analysis.findings()).filteredOn(f -> !f.id().equals(ThrowingRule.ID))
                .noneMatch(f -> RuleFinding.ERROR.equals(f.severity()) && f.message().contains("planted"));
    }

    @Test
    void aRecordingAboveTheLimitSkipsTheRulesAndSaysWhy() throws Exception {
        RuleAnalysis analysis = JmcRules.evaluate(smallRecording(), 10);
        assertThat(analysis.evaluated()).isFalse();
        assertThat(analysis.skippedBecause()).contains("larger than");
    }

    @Test
    void jmcsDoubledQuotesAreUndone() {
        assertThat(JmcRules.plain(" thread ''main'' ")).isEqualTo("thread 'main'");
    }

    private Path smallRecording() throws Exception {
        Path file = dir.resolve("small.jfr");
        try (Recording r = new Recording()) {
            r.start();
            long sum = 0;
            for (int i = 0; i < 2_000_000; i++) {
                sum += Integer.toString(i).length();
            }
            r.stop();
            r.dump(file);
            assertThat(sum).isPositive();
        }
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    /** A rule whose evaluation throws, as a rule with a bug or an unexpected recording would. */
    static final class ThrowingRule implements IRule {
        static final String ID = "FlightdeckPlantedFailure";

        @Override
        public String getId() {
            return ID;
        }

        @Override
        public String getTopic() {
            return "test";
        }

        @Override
        public String getName() {
            return "Planted failure";
        }

        @Override
        public Map<String, RulesToolkit.EventAvailability> getRequiredEvents() {
            return Map.of();
        }

        @Override
        public RunnableFuture<IResult> createEvaluation(IItemCollection items, IPreferenceValueProvider preferences,
                                                        IResultValueProvider dependencies) {
            return new FutureTask<>(() -> {
                throw new IllegalStateException("planted");
            });
        }

        @Override
        public Collection<TypedPreference<?>> getConfigurationAttributes() {
            return List.of();
        }

        @Override
        public Collection<TypedResult<?>> getResults() {
            return List.of();
        }
    }
}
