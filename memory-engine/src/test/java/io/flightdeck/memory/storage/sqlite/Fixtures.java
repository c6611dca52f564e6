package io.flightdeck.memory.storage.sqlite;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Heuristic;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskOutcome;
import io.flightdeck.memory.model.TaskType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hand-built episodes, steps and patterns; every nullable field is exercised both ways somewhere. */
final class Fixtures {

    /** Sub-millisecond precision on purpose: storage must not round instants to millis. */
    static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589793238Z");

    static final TaskContext RUST_WEB = TaskContext.of("web", "rust", "axum", Complexity.COMPLEX, "api", "auth");
    static final TaskContext PLAIN = new TaskContext(null, null, null, Complexity.SIMPLE, List.of());

    private Fixtures() {
    }

    static Episode started(UUID id, TaskContext context) {
        return new Episode(id, TaskType.DEBUGGING, "fix the login bug — \"quotes\", ünïcödé & \n newlines", context,
                T0, null, List.of(), null, null, null, List.of(), Map.of("agent", "claude", "run", "7"));
    }

    static Episode started() {
        return started(UUID.randomUUID(), RUST_WEB);
    }

    /** Step {@code n}; cycles through every result variant, null result and null/non-null tokens. */
    static ExecutionStep step(int n) {
        ExecutionResult result = switch (n % 4) {
            case 0 -> ExecutionResult.success("ok " + n);
            case 1 -> ExecutionResult.error("compile error E0" + n);
            case 2 -> ExecutionResult.timeout();
            default -> null;
        };
        Integer tokens = n % 3 == 0 ? null : 100 + n;
        Map<String, String> metadata = n % 2 == 0 ? Map.of() : Map.of("attempt", Integer.toString(n));
        return new ExecutionStep(n, T0.plusNanos(1_234_567L * n), n % 2 == 0 ? "cargo" : "grep", "check " + n,
                "{\"path\":\"src/main.rs\",\"line\":" + n + "}", result, 10L * n, tokens, metadata);
    }

    static List<ExecutionStep> steps(int from, int count) {
        List<ExecutionStep> steps = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            steps.add(step(i));
        }
        return steps;
    }

    static Episode completed(Episode started, List<ExecutionStep> allSteps, TaskOutcome outcome, List<Pattern> patterns) {
        return new Episode(started.id(), started.taskType(), started.description(), started.context(),
                started.startTime(), started.startTime().plusSeconds(42).plusNanos(123), allSteps, outcome,
                new RewardScore(1.2345678901234567, 1.0, -0.1, 0.987654321, 1.2, 0.75, 0.1),
                new Reflection(List.of("used cargo check"), List.of("fewer greps"), List.of("axum needs tower")),
                patterns.stream().map(Pattern::id).toList(), Map.of("agent", "claude", "verdict", "done"));
    }

    static List<TaskOutcome> everyOutcome() {
        return List.of(
                new TaskOutcome.Success("tests pass", List.of("src/main.rs", "Cargo.toml")),
                new TaskOutcome.PartialSuccess("half", List.of("parse"), List.of("render", "deploy")),
                new TaskOutcome.Failure("did not compile", null),
                new TaskOutcome.Failure("did not compile", "E0382 borrow of moved value"),
                new TaskOutcome.Abstained("unsafe request", 3));
    }

    static List<Pattern> everyPattern(UUID episode) {
        return List.of(
                Pattern.ToolSequence.observed(RUST_WEB, List.of("grep", "cargo", "cargo"), 0.75, 12.5, episode),
                Pattern.DecisionPoint.observed(RUST_WEB, "check tests", "run cargo test", true, episode),
                Pattern.ErrorRecovery.observed(PLAIN, "E0382", List.of("clone", "cargo"), 1.0, episode),
                Pattern.ContextPattern.observed(RUST_WEB, List.of("lang:rust", "fw:axum"), "start from the router",
                        false, episode));
    }

    static Heuristic heuristic(UUID... episodes) {
        return new Heuristic(UUID.randomUUID(), "when tests fail", "run cargo test -- --nocapture", 0.8485281374238571,
                new Heuristic.Evidence(List.of(episodes), 0.6, 2));
    }
}
