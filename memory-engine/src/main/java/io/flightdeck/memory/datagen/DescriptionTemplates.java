package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Task descriptions, one family of {@link Intent}s per {@link TaskType}, each most common first.
 * A description is an intent's phrasing rendered against the task's {@link TaskSubject}, sometimes with a
 * ticket reference and a second sentence of context, as people write them in trackers.
 */
final class DescriptionTemplates {

    private DescriptionTemplates() {
    }

    private static final Map<TaskType, ZipfChoice<Intent>> INTENTS = new EnumMap<>(TaskType.class);
    private static final Map<TaskType, ZipfChoice<Template>> FOLLOW_UPS = new EnumMap<>(TaskType.class);

    static ZipfChoice<Intent> intents(TaskType type) {
        return INTENTS.get(type);
    }

    /** Second sentences that add context ("It started after the 2.3 release."). */
    static ZipfChoice<Template> followUps(TaskType type) {
        return FOLLOW_UPS.get(type);
    }

    /** Renders a description; {@code followUp} may be null. */
    static String render(Intent intent, int phrasing, TaskSubject subject, boolean withTicket, Template followUp) {
        StringBuilder sb = new StringBuilder(160);
        intent.phrasings().get(phrasing).renderInto(sb, subject);
        if (startsWithPlainWord(sb)) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        }
        if (withTicket) {
            sb.append(" (").append(subject.get(Slot.TICKET)).append(')');
        }
        if (followUp != null) {
            sb.append(". ");
            followUp.renderInto(sb, subject);
        }
        return sb.toString();
    }

    /** "nil pointer ..." may be capitalised; identifiers such as "test_parse_batch" or "p99" may not. */
    private static boolean startsWithPlainWord(CharSequence text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) != ' ') {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
            i++;
        }
        return i > 0;
    }

    private static void family(TaskType type, Intent... intents) {
        INTENTS.put(type, ZipfChoice.zipf(0.7, List.of(intents)));
    }

    private static void followUps(TaskType type, String... sentences) {
        FOLLOW_UPS.put(type, ZipfChoice.zipf(0.8, Template.parseAll(sentences)));
    }

    static {
        family(TaskType.DEBUGGING,
                Intent.of("exception-in-method", List.of("bug"),
                        "Fix the {exception} in {class}.{method} {condition}",
                        "{class}.{method} throws {exception} {condition}",
                        "Resolve the {exception} raised by {class}.{method} {condition}"),
                Intent.of("endpoint-500", List.of("bug", "api"),
                        "Investigate why {http_method} {endpoint} returns 500 {condition}",
                        "{http_method} {endpoint} fails with an internal server error {condition}",
                        "Find the cause of the 500 errors from {endpoint} in the {service} service"),
                Intent.of("wrong-result", List.of("bug"),
                        "Fix incorrect {concern} in {class}.{method} for {edge_case}",
                        "{class}.{method} gets {concern} wrong for {edge_case}",
                        "Correct the {concern} logic of {class}.{method} to handle {edge_case}"),
                Intent.of("flaky-test", List.of("flaky-test"),
                        "Fix the flaky {test_class} that fails intermittently on {ci}",
                        "{test_method} in {test_class} fails about one run in ten on {ci}",
                        "Stabilise the intermittently failing {test_class} on {ci}"),
                Intent.of("race", List.of("concurrency"),
                        "Fix the race condition in {class} that loses {nouns} under concurrent writes",
                        "{nouns} go missing when {class} handles concurrent writes",
                        "Make {class} safe under concurrent writes; {nouns} are being dropped"),
                Intent.of("memory-leak", List.of("memory-leak"),
                        "Track down the memory leak in the {service} service after the {version} release",
                        "The {service} service runs out of memory a few hours after the {version} release",
                        "Find what keeps {nouns} in memory in the {service} service since {version}"),
                Intent.of("job-skips", List.of("bug", "batch"),
                        "Debug why the job that {job_action} skips some {nouns}",
                        "The job that {job_action} silently skips {nouns} {condition}",
                        "Find out why some {nouns} are skipped by the job that {job_action}"),
                Intent.of("alerts", List.of("on-call"),
                        "Find out why {metric} alerts fire for the {service} service in {env}",
                        "{metric} alerts keep firing for {service} in {env}",
                        "Investigate the {metric} alerts of the {service} service in {env}"),
                Intent.of("startup-crash", List.of("bug", "config"),
                        "Fix the {service} crash on startup caused by {exception} while loading {config}",
                        "The {service} service fails to start: {exception} while loading {config}",
                        "The {service} service crashes at startup when {config} is loaded"),
                Intent.of("deadlock", List.of("concurrency"),
                        "Fix the deadlock between {class} and {class2} during {concern}",
                        "{class} and {class2} deadlock during {concern} {condition}",
                        "Resolve the lock ordering problem between {class} and {class2}"),
                Intent.of("webhook-rejects", List.of("webhooks"),
                        "Fix the {external_api} webhook handler that rejects valid {event} events",
                        "Valid {event} events from {external_api} are rejected by {class}",
                        "Debug signature failures for {external_api} {event} webhooks"),
                Intent.of("off-by-one", List.of("bug"),
                        "Fix the off-by-one error in {class}.{method} that drops the last {noun_words}",
                        "{class}.{method} drops the last {noun_words} of each page",
                        "Fix pagination in {class}.{method}: the last {noun_words} is missing"));
        followUps(TaskType.DEBUGGING,
                "Customers started reporting it in {env}",
                "It started after the {version} release",
                "Happens roughly once an hour",
                "Reproducible locally with the seed data",
                "Stack trace is attached to the ticket",
                "Blocks the {version2} release",
                "Only tenants on the legacy plan are affected",
                "Support has escalated it twice");

        family(TaskType.CODE_GENERATION,
                Intent.of("endpoint-feature", List.of("feature", "api"),
                        "Add {feature} to the {endpoint} endpoint in the {service} service",
                        "Support {feature} on {http_method} {endpoint}",
                        "Implement {feature} for {endpoint} in {service}"),
                Intent.of("class-feature", List.of("feature"),
                        "Add {feature} to {class}",
                        "Support {feature} in {class}",
                        "Implement {feature} in the {service} service"),
                Intent.of("method-feature", List.of("feature"),
                        "Implement {class}.{method} to support {feature}",
                        "Add {feature} support to {class}.{method}",
                        "Extend {class}.{method} with {feature}"),
                Intent.of("new-endpoint", List.of("feature", "api"),
                        "Create a {framework} endpoint {http_method} {endpoint} for {nouns}",
                        "Expose {nouns} through a new {http_method} {endpoint} endpoint",
                        "Add a {http_method} {endpoint} endpoint to the {service} service"),
                Intent.of("api-client", List.of("integration"),
                        "Add a client for the {external_api} API in {class}",
                        "Integrate {external_api} into the {service} service through {class}",
                        "Write a client for {external_api} that syncs {nouns}"),
                Intent.of("background-job", List.of("feature", "batch"),
                        "Implement a background job that {job_action} every {interval}",
                        "Add a scheduled job to the {service} service that {job_action} every {interval}",
                        "Create a worker that {job_action} every {interval}"),
                Intent.of("migration", List.of("database", "migration"),
                        "Add a database migration that adds {column} to the {table} table",
                        "Write a migration adding {column} to {table} with a backfill",
                        "Add the {column} column to {table} and populate it"),
                Intent.of("webhook-handler", List.of("feature", "webhooks"),
                        "Implement webhook handling for {event} events in the {service} service",
                        "Handle {external_api} {event} webhooks in {class}",
                        "Consume {event} events in {class}"),
                Intent.of("feature-flag", List.of("feature"),
                        "Add a feature flag to gate {feature} in the {service} service",
                        "Put {feature} in {service} behind a feature flag",
                        "Gate the new {feature} of {service} with a flag"),
                Intent.of("cli", List.of("tooling"),
                        "Build a CLI command that {job_action}",
                        "Add an admin command that {job_action}",
                        "Write a command-line tool that {job_action} on demand"));
        followUps(TaskType.CODE_GENERATION,
                "Keep the public API backward compatible",
                "Follow the existing conventions in {class2}",
                "Ship it behind a feature flag for now",
                "Product wants this for the {version2} release",
                "Reuse {library} rather than adding a dependency",
                "Design notes are in the ticket",
                "The mobile team is waiting on it");

        family(TaskType.REFACTORING,
                Intent.of("pattern", List.of("refactoring"),
                        "Refactor {class} to use the {pattern} for {variants}",
                        "Apply the {pattern} to {variants} in {class}",
                        "Restructure {class} around the {pattern} so new {variants} are easy to add"),
                Intent.of("extract", List.of("refactoring"),
                        "Extract the {concern} logic from {class} into a separate {class2}",
                        "Move {concern} out of {class} into {class2}",
                        "Split the {concern} code of {class} into its own class"),
                Intent.of("replace-library", List.of("dependencies"),
                        "Replace {library} with {library2} in the {service} service",
                        "Migrate the {service} service from {library} to {library2}",
                        "Drop {library} in favour of {library2} in {service}"),
                Intent.of("split-class", List.of("tech-debt"),
                        "Split the {count}-line {class} into smaller classes",
                        "Break up {class}, which has grown to {count} lines",
                        "Decompose the {count}-line {class} by responsibility"),
                Intent.of("remove-deprecated", List.of("cleanup"),
                        "Remove the deprecated {class}.{method} and migrate its callers",
                        "Delete {class}.{method}, deprecated since {version}, and update callers",
                        "Migrate callers off the deprecated {method} in {class}"),
                Intent.of("simplify", List.of("tech-debt"),
                        "Reduce the cyclomatic complexity of {class}.{method}",
                        "Simplify the nested conditionals in {class}.{method}",
                        "Untangle {class}.{method}, which has grown too complex"),
                Intent.of("rename", List.of("refactoring"),
                        "Rename {class} to {class2} across the codebase",
                        "Rename {class} to {class2} and update all references",
                        "Give {class} a clearer name: {class2}"),
                Intent.of("immutable", List.of("concurrency"),
                        "Make {class} immutable and thread-safe",
                        "Turn {class} into an immutable value type",
                        "Remove shared mutable state from {class}"),
                Intent.of("dedupe", List.of("tech-debt"),
                        "Consolidate the duplicated {concern} code in the {service} service",
                        "Deduplicate {concern} logic across the {service} service",
                        "Unify the three copies of the {concern} code in {service}"),
                Intent.of("port-framework", List.of("migration"),
                        "Migrate the {service} service from {framework} to {target_framework}",
                        "Port {service} from {framework} to {target_framework}",
                        "Replace {framework} with {target_framework} in the {service} service"));
        followUps(TaskType.REFACTORING,
                "No behaviour change intended",
                "Keep the diff reviewable; split into several PRs if needed",
                "{class} is over {count} lines long",
                "This unblocks the {feature} work",
                "Coverage of the touched code must not drop");

        family(TaskType.TESTING,
                Intent.of("unit-tests", List.of("tests"),
                        "Write unit tests for the {concern} logic in {class}",
                        "Add unit tests covering {concern} in {class}",
                        "Cover the {concern} code of {class} with unit tests"),
                Intent.of("integration-tests", List.of("tests", "api"),
                        "Add integration tests for {http_method} {endpoint} covering {edge_case}",
                        "Write integration tests for {endpoint} that cover {edge_case}",
                        "Test {endpoint} end to end, including {edge_case}"),
                Intent.of("regression-test", List.of("tests", "regression"),
                        "Add a regression test for the {exception} in {class}.{method}",
                        "Write a test reproducing the {exception} in {class}.{method}",
                        "Guard against the {exception} in {class}.{method} with a regression test"),
                Intent.of("coverage", List.of("coverage"),
                        "Increase test coverage of {class} from {percent}% to {percent2}%",
                        "Raise coverage of {class} to {percent2}%",
                        "Bring {class} test coverage up from {percent}% to {percent2}%"),
                Intent.of("flaky-sleeps", List.of("flaky-test"),
                        "Remove the sleeps from the flaky {test_class}",
                        "Make {test_class} deterministic by replacing sleeps with polling",
                        "Stop {test_class} depending on wall-clock time"),
                Intent.of("property-tests", List.of("tests"),
                        "Write property-based tests for {class}.{method}",
                        "Add property-based tests for the invariants of {class}.{method}",
                        "Fuzz {class}.{method} with generated {nouns}"),
                Intent.of("mock-external", List.of("tests", "integration"),
                        "Mock {external_api} in the {service} test suite",
                        "Replace live {external_api} calls in the {service} tests with a fake",
                        "Stub {external_api} with a fake in {test_class}"),
                Intent.of("contract-tests", List.of("tests"),
                        "Add contract tests between the {service} and {service2} services",
                        "Write consumer-driven contract tests for {service} against {service2}",
                        "Pin the API contract between {service} and {service2} with tests"),
                Intent.of("load-tests", List.of("perf"),
                        "Set up load tests for {endpoint} at 500 requests per second",
                        "Load test {http_method} {endpoint} in {env}",
                        "Write a load test for {endpoint} to find its saturation point"),
                Intent.of("kind-tests", List.of("tests"),
                        "Write {test_kind} tests for the {feature} in {class}",
                        "Add {test_kind} tests around {feature} in the {service} service",
                        "Cover {feature} of {class} with {test_kind} tests"));
        followUps(TaskType.TESTING,
                "Prefer fakes over mocks",
                "Target {percent2}% branch coverage",
                "The suite must stay under two minutes",
                "Tests must run on {ci} without network access",
                "Reuse the fixtures in {test_class}");

        family(TaskType.ANALYSIS,
                Intent.of("metric-regression", List.of("perf", "investigation"),
                        "Investigate why {metric} of the {service} service {change} after the {version} deploy",
                        "{metric} of {service} {change} after deploying {version}; find out why",
                        "Explain the {metric} change in {service} since the {version} deploy"),
                Intent.of("slow-queries", List.of("database", "perf"),
                        "Analyse slow queries on the {table} table",
                        "Find the slowest queries against {table} and suggest indexes",
                        "Review query plans for the {table} table in {env}"),
                Intent.of("profile", List.of("perf"),
                        "Profile {class}.{method} and find the hotspot",
                        "Find out where {class}.{method} spends its time",
                        "Profile the {service} service under load and report the top hotspots"),
                Intent.of("security-audit", List.of("security"),
                        "Audit the {service} service for {security_issue}",
                        "Look for {security_issue} in the {service} service",
                        "Review the {service} code for {security_issue}"),
                Intent.of("error-logs", List.of("investigation"),
                        "Review the error logs of the {service} service in {env} for the last 7 days",
                        "Summarise the most frequent errors of {service} in {env}",
                        "Group the {service} errors in {env} by root cause"),
                Intent.of("compare-libraries", List.of("investigation"),
                        "Compare {library} and {library2} for {concern} in the {service} service",
                        "Evaluate {library} against {library2} for {concern}",
                        "Benchmark {library} versus {library2} for {concern} in {service}"),
                Intent.of("migration-estimate", List.of("planning"),
                        "Estimate the effort to migrate the {service} service to {target_framework}",
                        "Assess what moving {service} from {framework} to {target_framework} would take",
                        "Scope the migration of {service} to {target_framework}"),
                Intent.of("dead-code", List.of("tech-debt"),
                        "Find unused endpoints and dead code in the {service} service",
                        "List code paths of {service} that are never executed in {env}",
                        "Identify dead code in {service} before the {version} cleanup"),
                Intent.of("feature-impact", List.of("investigation"),
                        "Measure the impact of {feature} on {metric}",
                        "Quantify how {feature} changed {metric} in {service}",
                        "Find out whether {feature} affects {metric}"),
                Intent.of("table-growth", List.of("database", "cost"),
                        "Find out why the {table} table grows by 5 GB a day",
                        "Explain the growth of the {table} table in {env}",
                        "Work out what is filling the {table} table"));
        followUps(TaskType.ANALYSIS,
                "Summarise the findings in the ticket",
                "Compare against last week's baseline",
                "Dashboards are linked from the on-call page",
                "We need a recommendation before planning",
                "Keep the analysis reproducible");

        family(TaskType.DOCUMENTATION,
                Intent.of("config-docs", List.of("docs"),
                        "Document the configuration options of {config}",
                        "Write reference docs for every setting of {config}",
                        "Describe how to configure {config} in the {service} service"),
                Intent.of("readme", List.of("docs"),
                        "Write a README for the {service} service",
                        "Create a getting-started README for {service}",
                        "Rewrite the outdated README of the {service} service"),
                Intent.of("api-docs", List.of("docs"),
                        "Add {doc_kind} to the public API of {class}",
                        "Document the public methods of {class} with {doc_kind}",
                        "Write {doc_kind} for {class} and its {method} method"),
                Intent.of("openapi", List.of("docs", "api"),
                        "Document the {http_method} {endpoint} endpoint in the OpenAPI spec",
                        "Add {endpoint} to the OpenAPI spec with examples",
                        "Describe request and response of {endpoint} in the API docs"),
                Intent.of("runbook", List.of("docs", "on-call"),
                        "Update the runbook for {service} incidents in {env}",
                        "Add a runbook section on {metric} alerts for {service}",
                        "Document how to recover the {service} service when {external_api} is down"),
                Intent.of("adr", List.of("docs", "architecture"),
                        "Write an ADR for choosing {library} over {library2}",
                        "Record the decision to use {library} instead of {library2} in an ADR",
                        "Document why the {service} service uses {library} rather than {library2}"),
                Intent.of("migration-guide", List.of("docs"),
                        "Write a migration guide from {version} to {version2}",
                        "Document the breaking changes between {version} and {version2}",
                        "Explain how to upgrade the {service} client from {version} to {version2}"),
                Intent.of("flow-diagram", List.of("docs", "architecture"),
                        "Explain the {concern} flow of the {service} service with a sequence diagram",
                        "Draw a sequence diagram of {concern} in {service}",
                        "Document how {concern} works in the {service} service"));
        followUps(TaskType.DOCUMENTATION,
                "Audience: new on-call engineers",
                "Include examples for {framework}",
                "Link it from the main README",
                "The old wiki page is out of date",
                "Keep it short; one page at most");

        family(TaskType.OTHER,
                Intent.of("upgrade-library", List.of("dependencies"),
                        "Upgrade {library} from {version} to {version2} in the {service} service",
                        "Bump {library} to {version2} in {service}",
                        "Update {library} {version} to {version2} and fix the breaking changes"),
                Intent.of("ci", List.of("ci"),
                        "Set up CI for the {service} service with {ci}",
                        "Move the {service} build to {ci}",
                        "Add a {ci} pipeline that builds and tests {service}"),
                Intent.of("runtime-upgrade", List.of("dependencies"),
                        "Upgrade the {service} service to {runtime} {runtime_version}",
                        "Move {service} to {runtime} {runtime_version}",
                        "Bump the {runtime} version of {service} to {runtime_version}"),
                Intent.of("alerting", List.of("observability"),
                        "Configure alerts on {metric} for the {service} service",
                        "Add an alert on {metric} for {service} in {env}",
                        "Set up monitoring of {metric} in {service}"),
                Intent.of("rotate-secrets", List.of("security"),
                        "Rotate the {external_api} credentials used by the {service} service",
                        "Replace the leaked {external_api} key of {service} in {env}",
                        "Rotate the {external_api} secrets of {service} in {env}"),
                Intent.of("flag-cleanup", List.of("cleanup"),
                        "Clean up stale feature flags in the {service} service",
                        "Remove feature flags of {service} that have been fully rolled out",
                        "Delete dead feature-flag branches from {service}"),
                Intent.of("docker", List.of("infra"),
                        "Containerise the {service} service with a multi-stage Dockerfile",
                        "Write a Dockerfile for the {service} service",
                        "Shrink the {service} Docker image"),
                Intent.of("triage", List.of("triage"),
                        "Triage the open bug reports for the {service} service",
                        "Go through the {service} backlog and label the bugs",
                        "Triage the {service} issues opened since the {version} release"));
        followUps(TaskType.OTHER,
                "Coordinate with the {service2} team",
                "Do it outside business hours",
                "There is a checklist in the ticket",
                "Nothing else should change");
    }
}
