package io.flightdeck.memory.datagen;

import java.util.List;

/**
 * Word tables shared by all domains, each written most common first (see {@link ZipfChoice}).
 * Class names are built as [qualifier] + noun + role ("RecurringInvoiceExporter"), which multiplies a few
 * hundred table entries into tens of thousands of identifiers: the long tail of rare terms a real code
 * base has. Phrase tables are {@link Template}s so they can mention the task's own nouns.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final ZipfChoice<String> ROLES = ZipfChoice.zipf(1.0, "Service", "Controller", "Repository", "Client",
            "Handler", "Manager", "Validator", "Mapper", "Factory", "Processor", "Scheduler", "Worker", "Consumer",
            "Producer", "Cache", "Resolver", "Gateway", "Adapter", "Serializer", "Parser", "Builder", "Exporter",
            "Importer", "Listener", "Publisher", "Store", "Registry", "Provider", "Policy", "Filter", "Interceptor",
            "Middleware", "Calculator", "Formatter", "Converter", "Dispatcher", "Coordinator", "Reconciler",
            "Allocator", "Tracker", "Aggregator", "Loader", "Writer", "Reader", "Monitor", "Notifier", "Router",
            "Selector", "Evaluator", "Encoder", "Decoder", "Planner", "Emitter", "Collector", "Sanitizer",
            "Normalizer", "Splitter", "Merger", "Limiter", "Throttler", "Sampler", "Indexer", "Ranker", "Matcher");

    static final ZipfChoice<String> QUALIFIERS = ZipfChoice.zipf(1.0, "Default", "Async", "Cached", "Batch", "Legacy",
            "Remote", "Internal", "External", "Composite", "Recurring", "Scheduled", "Pending", "Bulk", "Streaming",
            "Reactive", "Secure", "Base", "Shared", "Tenant", "Regional", "Global", "Partial", "Incremental", "Delta",
            "Draft", "Archived", "Primary", "Fallback", "Retrying", "Paged", "Signed", "Encrypted", "Compressed",
            "Versioned", "Audit", "Multi", "Lazy", "Weighted", "Distributed", "Sharded", "Replicated",
            "Transactional", "Idempotent", "Outbox", "Saga", "Snapshot", "Rolling", "Daily", "Monthly", "Hourly",
            "Realtime", "Offline", "Local", "Mock", "InMemory", "Jdbc", "Http", "Grpc", "Kafka", "Redis", "S3");

    /** Shared nouns that appear in every domain (configuration, audit logs ...). */
    static final ZipfChoice<String> GENERIC_NOUNS = ZipfChoice.zipf(1.0, "Config", "Event", "AuditLog", "Account",
            "Tenant", "Webhook", "Job", "Report", "File", "Export", "Import", "Request", "Response", "Schedule",
            "Status", "Setting", "FeatureFlag", "Attachment", "Region", "Currency", "Timezone", "Quota", "RateLimit",
            "Health", "Migration", "Template");

    static final ZipfChoice<String> METHOD_VERBS = ZipfChoice.zipf(1.0, "Get", "Find", "Create", "Update", "Process",
            "Handle", "Load", "Save", "Apply", "Calculate", "Compute", "Build", "Parse", "Fetch", "Sync", "Refresh",
            "Resolve", "Render", "Export", "Import", "Schedule", "Retry", "Cancel", "Merge", "Delete", "Register",
            "Dispatch", "Enqueue", "Flush", "Evict", "Reconcile", "Settle", "Authorize", "Capture", "Refund",
            "Aggregate", "Partition", "Migrate", "Rotate", "Revoke", "Issue", "Encode", "Decode", "Serialize",
            "Deserialize", "Publish", "Consume", "Acknowledge", "Throttle", "Paginate", "Normalize", "Sanitize",
            "Archive", "Restore", "Replay", "Split", "Rank", "Score", "Tokenize", "Redeem", "Allocate", "Estimate");

    /** What a method acts on when it is not the task's own noun: {@code computeTotals}, {@code flushBatch}. */
    static final ZipfChoice<String> METHOD_OBJECTS = ZipfChoice.zipf(1.0, "", "Totals", "Batch", "Page", "Status",
            "ById", "All", "Pending", "Summary", "Events", "Items", "Token", "Cache", "Changes", "Config", "Snapshot",
            "Metadata", "Headers", "Payload", "Window", "Range", "Expired", "Duplicates", "Defaults", "Limits",
            "Chunk", "Delta", "Preview", "History", "Report");

    static final ZipfChoice<String> TEST_SUFFIXES = ZipfChoice.zipf(1.0, "HandlesEmptyInput", "RejectsInvalidInput",
            "RetriesOnTimeout", "ReturnsCachedValue", "IsIdempotent", "PreservesOrder", "RoundsHalfEven",
            "ThrowsWhenMissing", "UsesTenantScope", "SkipsDeleted", "MergesDuplicates", "RespectsLimit",
            "WorksAcrossTimezones", "HandlesConcurrentUpdates");

    static final ZipfChoice<String> ORGS = ZipfChoice.zipf(1.0, "acme", "shopfront", "paylane", "northwind",
            "contoso", "globex", "initech", "hooli", "umbrella", "tyrell", "wayne", "stark", "cyberdyne", "wonka");

    static final ZipfChoice<String> FEATURES = ZipfChoice.zipf(0.9, "pagination", "sorting", "filtering by date range",
            "rate limiting", "bulk export to CSV", "soft delete", "audit logging", "idempotency keys",
            "retries with exponential backoff", "optimistic locking", "request tracing", "caching with a TTL",
            "CSV import", "partial updates (PATCH)", "webhook signatures", "field-level encryption",
            "cursor-based pagination", "multi-tenancy", "server-sent events", "GraphQL support", "gzip compression",
            "ETag support", "localisation", "a dry-run mode", "scheduled reports", "email notifications",
            "search by prefix", "fuzzy matching", "OpenTelemetry metrics", "structured logging", "health checks",
            "graceful shutdown", "a circuit breaker", "request schema checks", "PDF export", "two-factor authentication",
            "API key authentication", "per-tenant quotas", "backfill support", "schema evolution", "deduplication",
            "async processing", "streaming uploads", "resumable downloads", "time-zone aware scheduling",
            "currency conversion", "proration", "partial refunds", "bulk updates", "an admin override",
            "an undo window", "outbox-based event publishing", "read replicas", "a kill switch", "webhook retries",
            "presigned upload URLs", "ordering guarantees", "priority queues", "a sandbox mode", "usage metering");

    static final ZipfChoice<Template> CONDITIONS = ZipfChoice.zipf(0.9, Template.parseAll(
            "when the {noun_words} is empty",
            "when the {noun_words} has no {nouns2}",
            "when {nouns} are updated concurrently",
            "for {nouns} created before the migration",
            "after a daylight saving time change",
            "when the {service2} service times out",
            "on the first request after a deploy",
            "when the {table} table has more than 10 million rows",
            "for tenants without a default {noun_words}",
            "when the {noun_words} id contains a slash",
            "under heavy load",
            "when the cache is cold",
            "if the {noun_words} was soft-deleted",
            "when the request body is missing the {column} field",
            "with a non-ASCII {noun_words} name",
            "when two {nouns} share the same {column}",
            "after the access token expires",
            "when the page size is zero",
            "during a leader election",
            "on ARM builds only",
            "when retries overlap",
            "for amounts with more than two decimal places",
            "in {env} only",
            "when the feature flag is off",
            "with an empty list of {nouns2}",
            "on leap days",
            "when the locale is tr-TR",
            "for very large {nouns}",
            "when {external_api} returns a 429",
            "after a failover of the primary database",
            "when the {noun_words} is deleted while being processed",
            "for {nouns} imported from the legacy system"));

    static final ZipfChoice<Template> EDGE_CASES = ZipfChoice.zipf(0.9, Template.parseAll(
            "empty input", "unicode {noun_words} names", "concurrent updates", "very large {nouns}",
            "expired tokens", "missing optional fields", "duplicate {noun_words} ids", "negative amounts",
            "time zone boundaries", "pagination past the last page", "a null {column}", "leap years",
            "slow downstream responses", "retries after a partial failure", "{nouns} without {nouns2}",
            "the maximum page size"));

    static final ZipfChoice<Template> JOB_ACTIONS = ZipfChoice.zipf(0.9, Template.parseAll(
            "purges expired {nouns}", "recomputes {noun_words} totals", "syncs {nouns} from {external_api}",
            "sends reminder emails for overdue {nouns}", "archives {nouns} older than 90 days",
            "reconciles {nouns} with the ledger", "rebuilds the {noun_words} search index",
            "retries failed {noun_words} deliveries", "compacts the {table} table",
            "exports {nouns} to the data warehouse", "expires stale {nouns2}", "recalculates {noun_words} statistics"));

    static final ZipfChoice<Template> CONFIGS = ZipfChoice.zipf(0.9, Template.parseAll(
            "the rate limiter", "the connection pool", "the retry policy", "feature flags", "the cache layer",
            "the job scheduler", "the {service2} client", "the circuit breaker", "the logging pipeline",
            "the {noun_words} importer", "CORS", "TLS termination", "the webhook dispatcher", "the {class}",
            "the outbox relay", "the thread pools", "the metrics exporter"));

    static final ZipfChoice<Template> VARIANTS = ZipfChoice.zipf(0.9, Template.parseAll(
            "{noun_words} types", "card providers", "export formats", "notification channels", "pricing rules",
            "storage backends", "auth providers", "retry policies", "tax jurisdictions", "shipping carriers",
            "payment methods", "file formats", "ranking signals", "{noun_words} sources", "alert sinks",
            "{noun_words} states"));

    static final ZipfChoice<String> PATTERNS = ZipfChoice.zipf(0.9, "strategy pattern", "builder pattern",
            "factory method", "dependency injection", "repository pattern", "observer pattern", "state machine",
            "command pattern", "decorator pattern", "template method", "visitor pattern", "pipeline pattern",
            "chain of responsibility", "adapter pattern", "specification pattern", "event sourcing", "CQRS",
            "hexagonal architecture", "outbox pattern", "value objects", "sealed type hierarchy",
            "composition over inheritance");

    static final ZipfChoice<String> CONCERNS = ZipfChoice.zipf(0.9, "retry", "input sanitising", "serialization",
            "caching", "pagination", "error handling", "authorization", "logging", "rate limiting", "mapping",
            "parsing", "scheduling", "pricing", "discount", "tax calculation", "rounding", "deduplication",
            "batching", "time zone handling", "currency conversion", "state transition", "permission", "token refresh",
            "connection pooling", "backoff", "idempotency", "locking", "merge", "reconciliation", "feature flag",
            "config loading", "notification", "webhook delivery", "cleanup");

    static final ZipfChoice<String> METRICS = ZipfChoice.zipf(0.9, "p99 latency", "p95 latency", "error rate",
            "memory usage", "CPU usage", "GC pause time", "throughput", "cold start time", "heap usage",
            "connection pool wait time", "consumer lag", "cache hit rate", "5xx rate", "build time", "index size",
            "disk usage", "query time", "startup time", "response size", "thread count", "queue depth");

    static final ZipfChoice<String> CHANGES = ZipfChoice.zipf(0.8, "doubled", "went up by 40%", "tripled",
            "regressed by 25%", "spiked every night", "grew steadily", "became erratic", "dropped by half",
            "jumped tenfold");

    static final ZipfChoice<String> SECURITY_ISSUES = ZipfChoice.zipf(0.8, "SQL injection", "missing authorization checks",
            "secrets in logs", "SSRF", "insecure deserialization", "weak password hashing", "open redirects",
            "XSS in templates", "CSRF", "overly broad IAM permissions", "dependencies with known CVEs",
            "PII in analytics events", "timing attacks in token comparison", "path traversal in uploads");

    static final ZipfChoice<String> TEST_KINDS = ZipfChoice.zipf(0.9, "unit", "integration", "contract", "end-to-end",
            "snapshot", "property-based", "load", "mutation");

    static final ZipfChoice<String> CI_SYSTEMS = ZipfChoice.zipf(1.0, "GitHub Actions", "GitLab CI", "Jenkins",
            "CircleCI", "Buildkite", "Azure Pipelines");

    /** Where each CI system keeps its pipeline definition. */
    static String ciFile(String ci) {
        return switch (ci) {
            case "GitHub Actions" -> ".github/workflows/ci.yml";
            case "GitLab CI" -> ".gitlab-ci.yml";
            case "Jenkins" -> "Jenkinsfile";
            case "CircleCI" -> ".circleci/config.yml";
            case "Buildkite" -> ".buildkite/pipeline.yml";
            default -> "azure-pipelines.yml";
        };
    }

    static final ZipfChoice<String> ENVS = ZipfChoice.zipf(1.0, "production", "staging", "eu-west-1", "us-east-1",
            "the canary cluster", "preprod", "ap-southeast-2", "dev");

    static final ZipfChoice<String> INTERVALS = ZipfChoice.zipf(1.0, "hour", "night", "5 minutes", "15 minutes",
            "day at 02:00 UTC", "Monday morning", "minute", "week");

    static final ZipfChoice<Template> COLUMNS = ZipfChoice.zipf(1.0, Template.parseAll("{noun_snake}_id",
            "created_at", "tenant_id", "status", "external_ref", "deleted_at", "currency_code", "retry_count",
            "locale", "version", "updated_at", "email", "amount_cents", "expires_at", "parent_id"));

    static final ZipfChoice<String> EVENT_VERBS = ZipfChoice.zipf(1.0, "created", "updated", "deleted", "failed",
            "completed", "cancelled", "expired", "refunded", "renewed", "assigned");

    static final ZipfChoice<String> HTTP_METHODS = ZipfChoice.weighted(List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
            50, 25, 8, 10, 7);

    static final ZipfChoice<String> SUB_RESOURCES = ZipfChoice.zipf(1.0, "", "items", "events", "history", "status",
            "attachments", "notes", "exports", "refunds", "members", "settings", "versions");

    static final ZipfChoice<String> DOC_FILES = ZipfChoice.zipf(1.0, "README.md", "docs/configuration.md",
            "docs/runbook.md", "docs/architecture.md", "docs/api.md", "CONTRIBUTING.md", "docs/adr/0007-decision.md",
            "CHANGELOG.md", "docs/migration-guide.md", "docs/troubleshooting.md");

    /** Tags anyone may add, whatever the task: topical, most common first. */
    static final ZipfChoice<String> TOPIC_TAGS = ZipfChoice.zipf(1.0, "backend", "api", "perf", "tech-debt",
            "database", "observability", "security", "concurrency", "nullability", "regression", "customer-reported",
            "p1", "p2", "p3", "quick-win", "needs-review", "migration", "breaking-change", "backward-compat",
            "memory-leak", "latency", "flaky-test", "timeouts", "caching", "logging", "config", "dependencies",
            "good-first-issue", "on-call", "sla", "cost", "cleanup", "ux", "docs-needed", "release-blocker",
            "q3-roadmap", "q4-roadmap", "hackathon", "compliance", "gdpr");
}
