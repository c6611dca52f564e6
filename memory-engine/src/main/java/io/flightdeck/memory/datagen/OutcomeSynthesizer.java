package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How an episode ended, consistent with its steps: an episode whose last call succeeded and that never
 * failed almost always succeeds; one whose last call failed fails, ends partially, or abstains, and never
 * claims success. Success lists what it produced (files, a PR, a commit); failure says why, with the last
 * error as detail.
 */
final class OutcomeSynthesizer {

    private OutcomeSynthesizer() {
    }

    private enum Kind { SUCCESS, PARTIAL, FAILURE, ABSTAINED }

    private static final List<Kind> KINDS = List.of(Kind.SUCCESS, Kind.PARTIAL, Kind.FAILURE, Kind.ABSTAINED);
    private static final ZipfChoice<Kind> CLEAN = ZipfChoice.weighted(KINDS, 90, 5, 2, 3);
    private static final ZipfChoice<Kind> BUMPY = ZipfChoice.weighted(KINDS, 72, 18, 6, 4);
    private static final ZipfChoice<Kind> BROKEN = ZipfChoice.weighted(KINDS, 0, 33, 52, 15);

    private static final Map<TaskType, ZipfChoice<Template>> VERDICTS = new EnumMap<>(TaskType.class);
    private static final Map<TaskType, ZipfChoice<Template>> COMPLETED = new EnumMap<>(TaskType.class);
    private static final ZipfChoice<Template> LEFT_OVER = ZipfChoice.zipf(0.8, Template.parseAll(
            "integration test against {env} still fails", "{test_class} times out on {ci}",
            "follow-up for {edge_case} not done", "docs for {feature} not updated",
            "callers in the {service2} service not migrated", "performance check under load not done"));
    private static final ZipfChoice<Template> ABSTAIN_REASONS = ZipfChoice.zipf(0.8, Template.parseAll(
            "requirements for {feature} are ambiguous; asked the reporter to clarify",
            "the change would touch production data in {env} without a backup",
            "no access to the {env} database",
            "the failing test depends on {external_api}, which is down",
            "the fix needs a decision from the {service2} team",
            "the task overlaps an open pull request for {class}"));

    private static void verdicts(TaskType type, String... texts) {
        VERDICTS.put(type, ZipfChoice.zipf(0.8, Template.parseAll(texts)));
    }

    private static void completed(TaskType type, String... texts) {
        COMPLETED.put(type, ZipfChoice.zipf(0.8, Template.parseAll(texts)));
    }

    static {
        verdicts(TaskType.CODE_GENERATION, "implemented; all tests pass", "feature complete behind a flag",
                "{feature} added to {class} with tests");
        verdicts(TaskType.DEBUGGING, "fixed and verified by tests", "root cause found in {class}.{method}; fixed",
                "fixed; regression test added");
        verdicts(TaskType.REFACTORING, "refactoring complete, behaviour unchanged", "{class} restructured; tests green");
        verdicts(TaskType.TESTING, "tests added and passing", "coverage target reached", "{test_class} is stable now");
        verdicts(TaskType.ANALYSIS, "root cause identified", "findings written up with a recommendation",
                "analysis complete: {metric} traced to {class}");
        verdicts(TaskType.DOCUMENTATION, "documentation written", "{doc_path} updated and reviewed");
        verdicts(TaskType.OTHER, "done", "change applied and verified", "{library} upgraded to {version2}");
        completed(TaskType.CODE_GENERATION, "implementation in {class}", "unit tests", "migration for {table}",
                "{http_method} {endpoint} route");
        completed(TaskType.DEBUGGING, "reproduced the bug", "fix in {class}.{method}", "regression test");
        completed(TaskType.REFACTORING, "extracted {class2}", "updated the callers of {method}", "tests green locally");
        completed(TaskType.TESTING, "tests for {edge_case}", "{test_class} skeleton", "fixtures for {nouns}");
        completed(TaskType.ANALYSIS, "collected {metric} data", "query plans for {table}", "first findings");
        completed(TaskType.DOCUMENTATION, "first draft of {doc_path}", "examples for {framework}");
        completed(TaskType.OTHER, "updated {library}", "pipeline definition", "staging rollout");
    }

    static TaskOutcome outcome(SplittableRandom rng, TaskDraft draft, StepSynthesizer.StepTrace trace) {
        TaskSubject s = draft.subject();
        TaskType type = draft.type();
        ZipfChoice<Kind> table = !trace.lastStepSucceeded() ? BROKEN : trace.failures() == 0 ? CLEAN : BUMPY;
        Kind kind = table.pick(rng);
        if (kind == Kind.SUCCESS && trace.changedFiles().isEmpty() && producesFiles(type)) {
            // a fix or a feature that changed no file is not a success, however the steps went
            kind = Kind.PARTIAL;
        }
        return switch (kind) {
            case SUCCESS -> new TaskOutcome.Success(VERDICTS.get(type).pick(rng).render(s), artifacts(rng, draft, trace));
            case PARTIAL -> {
                List<String> done = new ArrayList<>(2);
                done.add(COMPLETED.get(type).pick(rng).render(s));
                String second = COMPLETED.get(type).pick(rng).render(s);
                if (!second.equals(done.get(0))) {
                    done.add(second);
                }
                yield new TaskOutcome.PartialSuccess("partially done", done, List.of(LEFT_OVER.pick(rng).render(s)));
            }
            case FAILURE -> new TaskOutcome.Failure(failureReason(trace, s), trace.lastError() == null ? null
                    : abbreviate(trace.lastError(), 500));
            case ABSTAINED -> new TaskOutcome.Abstained(ABSTAIN_REASONS.pick(rng).render(s), trace.steps().size());
        };
    }

    private static boolean producesFiles(TaskType type) {
        return type != TaskType.ANALYSIS && type != TaskType.OTHER;
    }

    private static List<String> artifacts(SplittableRandom rng, TaskDraft draft, StepSynthesizer.StepTrace trace) {
        TaskSubject s = draft.subject();
        List<String> artifacts = new ArrayList<>(trace.changedFiles());
        if (trace.committed()) {
            artifacts.add("commit " + s.get(Slot.SHA));
        }
        if (draft.type() != TaskType.ANALYSIS && rng.nextInt(10) < 6) {
            artifacts.add("PR #" + (100 + rng.nextInt(9900)));
        }
        if (draft.type() == TaskType.ANALYSIS) {
            artifacts.add("findings posted on " + s.get(Slot.TICKET));
        }
        return artifacts;
    }

    private static String failureReason(StepSynthesizer.StepTrace trace, TaskSubject s) {
        if (trace.lastFailedTool() == null) {
            return "could not complete the task";
        }
        return switch (trace.lastFailedTool()) {
            case COMPILE -> "build still fails after the fix attempts";
            case RUN_TESTS -> "tests still failing: " + s.get(Slot.TEST_CLASS);
            case RUN_LINTER -> "linter findings left unresolved";
            case HTTP_REQUEST -> "could not get a good response from " + s.get(Slot.ENDPOINT);
            case QUERY_DB -> "database queries against " + s.get(Slot.TABLE) + " kept failing";
            case GIT_COMMIT, GIT_DIFF -> "could not commit the change";
            default -> "gave up after repeated " + trace.lastFailedTool().id + " failures";
        };
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
