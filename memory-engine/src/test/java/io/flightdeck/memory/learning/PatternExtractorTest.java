package io.flightdeck.memory.learning;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.EpisodeFacts;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.flightdeck.memory.TestSteps.err;
import static io.flightdeck.memory.TestSteps.ok;
import static io.flightdeck.memory.TestSteps.timeout;
import static org.assertj.core.api.Assertions.assertThat;

class PatternExtractorTest {

    private static final TaskContext JAVA = TaskContext.of("payments", "java", "spring-boot", Complexity.MODERATE);
    private static final TaskOutcome SUCCESS = new TaskOutcome.Success("fixed", List.of());
    private final PatternExtractor extractor = new PatternExtractor(0.7, 5);

    private List<Pattern> extract(List<ExecutionStep> steps, TaskOutcome outcome) {
        return extractor.extract(UUID.randomUUID(), JAVA, steps, outcome, EpisodeFacts.of(steps));
    }

    private static <T extends Pattern> List<T> only(List<Pattern> patterns, Class<T> kind) {
        return patterns.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void toolSequenceOfSuccessfulStepsCollapsedAndCapped() {
        List<ExecutionStep> steps = List.of(ok("grep"), ok("grep"), ok("read_file"), ok("edit_file"), ok("compile"),
                ok("run_tests"), ok("git_diff"), ok("git_commit"));
        List<Pattern.ToolSequence> seq = only(extract(steps, SUCCESS), Pattern.ToolSequence.class);
        assertThat(seq).hasSize(1);
        assertThat(seq.get(0).tools()).containsExactly("grep", "read_file", "edit_file", "compile", "run_tests");
        assertThat(seq.get(0).successRate()).isEqualTo(1.0);
        assertThat(seq.get(0).avgLatencyMs()).isEqualTo(100.0);
    }

    @Test
    void noToolSequenceBelowTheSuccessThreshold() {
        // 2 of 4 steps succeed: 50 % < 70 %
        List<ExecutionStep> steps = List.of(ok("grep"), err("compile", "boom"), ok("edit_file"), err("compile", "boom"));
        assertThat(only(extract(steps, SUCCESS), Pattern.ToolSequence.class)).isEmpty();
    }

    @Test
    void toolSequenceAtExactlyTheThreshold() {
        List<ExecutionStep> steps = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            steps.add(ok(i % 2 == 0 ? "grep" : "read_file"));
        }
        for (int i = 0; i < 3; i++) {
            steps.add(err("compile", "boom"));
        }
        assertThat(only(extract(steps, SUCCESS), Pattern.ToolSequence.class)).hasSize(1);
    }

    @Test
    void decisionPointsFromCheckingVerifyingAndValidatingSteps() {
        List<ExecutionStep> steps = List.of(
                ok("run_tests", "Verify the fix with the failing test"),
                ok("compile", "check that the build passes"),
                err("query_db", "validate the migration on a copy", "ERROR: relation missing"),
                ok("edit_file", "update the checkout method"),          // "checkout" is not a form of "check"
                ok("grep", "find unchecked casts"),                      // nor is "unchecked"
                ok("run_tests", "Checking the retry path"));
        List<Pattern.DecisionPoint> dps = only(extract(steps, SUCCESS), Pattern.DecisionPoint.class);
        assertThat(dps).extracting(Pattern.DecisionPoint::condition).containsExactly(
                "verify the fix with the failing test", "check that the build passes",
                "validate the migration on a copy", "checking the retry path");
        Pattern.DecisionPoint validate = dps.get(2);
        assertThat(validate.action()).isEqualTo("query_db");
        assertThat(validate.successes()).isZero();
        assertThat(validate.failures()).isEqualTo(1);
    }

    @Test
    void noDecisionPointWithoutACheckingStep() {
        List<ExecutionStep> steps = List.of(ok("grep", "search for callers"), ok("edit_file", "rename the field"));
        assertThat(only(extract(steps, SUCCESS), Pattern.DecisionPoint.class)).isEmpty();
    }

    @Test
    void errorRecoveryFromAnErrorFollowedBySuccess() {
        List<ExecutionStep> steps = List.of(
                ok("read_file"),
                err("run_tests", "java.lang.NullPointerException: Cannot invoke \"Cart.items()\" because \"cart\" is null"),
                err("compile", "error: cannot find symbol"),
                ok("edit_file"),
                ok("run_tests"));
        List<Pattern.ErrorRecovery> recoveries = only(extract(steps, SUCCESS), Pattern.ErrorRecovery.class);
        assertThat(recoveries).hasSize(1);  // the second failure continues the same run of failures
        assertThat(recoveries.get(0).errorType()).isEqualTo("NullPointerException");
        assertThat(recoveries.get(0).recoverySteps()).containsExactly("compile", "edit_file");
        assertThat(recoveries.get(0).successRate()).isEqualTo(1.0);
    }

    @Test
    void noErrorRecoveryWhenNothingSucceedsAfterTheError() {
        List<ExecutionStep> steps = List.of(ok("grep"), err("compile", "error: cannot find symbol"), timeout("run_tests"));
        assertThat(only(extract(steps, new TaskOutcome.Failure("stuck", null)), Pattern.ErrorRecovery.class)).isEmpty();
    }

    @Test
    void errorTypes() {
        assertThat(PatternExtractor.errorType(ExecutionResult.timeout())).isEqualTo("timeout");
        assertThat(PatternExtractor.errorType(ExecutionResult.error("AssertionError: expected 3 but was 2")))
                .isEqualTo("AssertionError");
        assertThat(PatternExtractor.errorType(ExecutionResult.error("error: cannot find symbol"))).isEqualTo("error");
        assertThat(PatternExtractor.errorType(ExecutionResult.error("Permission denied (publickey)")))
                .isEqualTo("permission denied (publickey)");
    }

    @Test
    void contextPatternFromLanguageFrameworkDomainAndComplexity() {
        List<ExecutionStep> steps = List.of(ok("grep"), ok("edit_file"));
        List<Pattern.ContextPattern> ctx = only(extract(steps, SUCCESS), Pattern.ContextPattern.class);
        assertThat(ctx).hasSize(1);
        assertThat(ctx.get(0).features()).containsExactly("language=java", "framework=spring-boot", "domain=payments",
                "complexity=moderate");
        assertThat(ctx.get(0).recommendedApproach()).isEqualTo("grep -> edit_file");
        assertThat(ctx.get(0).successRate()).isEqualTo(1.0);

        List<Pattern.ContextPattern> failed = only(extract(steps, new TaskOutcome.Failure("x", null)),
                Pattern.ContextPattern.class);
        assertThat(failed.get(0).successRate()).isEqualTo(0.0);
    }

    @Test
    void libraryMergesKnownPatternsInsteadOfDuplicating() {
        PatternLibrary library = new PatternLibrary();
        List<ExecutionStep> steps = List.of(ok("grep"), ok("run_tests", "verify the fix"), ok("edit_file"));
        PatternLibrary.MergeResult first = library.merge(extract(steps, SUCCESS));
        int sizeAfterFirst = library.size();
        assertThat(first.newPatterns()).isEqualTo(sizeAfterFirst).isEqualTo(3);  // sequence, decision point, context

        PatternLibrary.MergeResult second = library.merge(extract(steps, new TaskOutcome.Failure("x", null)));
        assertThat(second.newPatterns()).isZero();
        assertThat(library.size()).isEqualTo(sizeAfterFirst);
        Pattern.ContextPattern ctx = only(List.copyOf(library.all()), Pattern.ContextPattern.class).get(0);
        assertThat(ctx.occurrences()).isEqualTo(2);
        assertThat(ctx.successRate()).isEqualTo(0.5);
        assertThat(ctx.evidence()).hasSize(2);
    }

    @Test
    void heuristicOnlyFromRepeatedConfidentDecisionPoints() {
        PatternLibrary library = new PatternLibrary();
        HeuristicDeriver deriver = new HeuristicDeriver(2, 0.7);
        List<ExecutionStep> steps = List.of(ok("run_tests", "verify the fix"));
        assertThat(deriver.derive(library.merge(extract(steps, SUCCESS)).merged())).isEmpty(); // seen once

        var heuristics = deriver.derive(library.merge(extract(steps, SUCCESS)).merged());
        assertThat(heuristics).hasSize(1);
        assertThat(heuristics.get(0).condition()).isEqualTo("verify the fix");
        assertThat(heuristics.get(0).action()).isEqualTo("run_tests");
        assertThat(heuristics.get(0).confidence()).isEqualTo(Math.sqrt(2));   // 1.0 * sqrt(2)
        assertThat(heuristics.get(0).evidence().sampleSize()).isEqualTo(2);

        // a decision point that failed twice: 0 * sqrt(2) < 0.7
        List<ExecutionStep> failing = List.of(err("compile", "check the build", "boom"));
        library.merge(extract(failing, SUCCESS));
        assertThat(deriver.derive(library.merge(extract(failing, SUCCESS)).merged())).isEmpty();
        assertThat(HeuristicDeriver.confidence(0.5, 2)).isGreaterThan(0.7);
        assertThat(HeuristicDeriver.confidence(0.4, 2)).isLessThan(0.7);
    }
}
