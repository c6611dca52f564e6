package io.flightdeck.memory.datagen;

import static io.flightdeck.memory.datagen.LanguageProfile.CSHARP;
import static io.flightdeck.memory.datagen.LanguageProfile.GO;
import static io.flightdeck.memory.datagen.LanguageProfile.JAVA;
import static io.flightdeck.memory.datagen.LanguageProfile.JAVASCRIPT;
import static io.flightdeck.memory.datagen.LanguageProfile.KOTLIN;
import static io.flightdeck.memory.datagen.LanguageProfile.PYTHON;
import static io.flightdeck.memory.datagen.LanguageProfile.RUBY;
import static io.flightdeck.memory.datagen.LanguageProfile.RUST;
import static io.flightdeck.memory.datagen.LanguageProfile.SCALA;
import static io.flightdeck.memory.datagen.LanguageProfile.TYPESCRIPT;

import java.util.List;

/**
 * The business domains tasks come from, most common first (web and payments work is everywhere; IoT
 * firmware much rarer). Nouns within a domain are also most common first.
 */
final class Domains {

    private Domains() {
    }

    static final ZipfChoice<Domain> ALL = ZipfChoice.zipf(0.8, List.of(
            Domain.named("web", "WEB")
                    .nouns("User", "Page", "Session", "Comment", "Post", "Upload", "Form", "Profile", "Notification",
                            "Widget", "Banner", "Menu", "Theme", "Locale", "Preference", "Bookmark", "Feed", "Tag",
                            "Media", "Avatar", "Sitemap", "Redirect", "Draft", "Revision")
                    .services("frontend", "cms", "user-profile", "notifications", "uploads", "feed", "comments",
                            "media-proxy", "sitemap-builder")
                    .languages(TYPESCRIPT, 35, JAVASCRIPT, 15, JAVA, 14, PYTHON, 15, RUBY, 9, CSHARP, 6, GO, 6)
                    .tags("frontend", "ui", "accessibility", "seo", "i18n", "ssr", "cms")
                    .apis("Google Analytics", "Cloudflare", "Algolia", "SendGrid", "reCAPTCHA", "Sentry", "Contentful")
                    .build(),
            Domain.named("payments", "PAY")
                    .nouns("Payment", "Invoice", "Refund", "Charge", "Payout", "Ledger", "Transaction", "Card",
                            "Mandate", "Settlement", "Dispute", "Chargeback", "Fee", "ExchangeRate", "Wallet",
                            "Merchant", "Subscription", "TaxRate", "Receipt", "LineItem", "CreditNote", "Balance")
                    .services("billing", "payments", "ledger", "payouts", "invoicing", "fraud", "tax",
                            "reconciliation", "subscriptions")
                    .languages(JAVA, 40, KOTLIN, 20, GO, 15, PYTHON, 10, SCALA, 5, CSHARP, 10)
                    .tags("payments", "billing", "pci", "money", "reconciliation", "fraud", "tax")
                    .apis("Stripe", "Adyen", "PayPal", "Plaid", "Braintree", "Wise", "Checkout.com", "Avalara")
                    .build(),
            Domain.named("e-commerce", "SHOP")
                    .nouns("Order", "Cart", "Product", "Catalog", "Inventory", "Shipment", "Coupon", "Discount",
                            "Price", "Customer", "Address", "Warehouse", "Review", "Wishlist", "Return", "Variant",
                            "Bundle", "Promotion", "StockLevel", "GiftCard", "Category")
                    .services("checkout", "orders", "catalog", "inventory", "shipping", "pricing", "promotions",
                            "storefront", "returns")
                    .languages(JAVA, 25, TYPESCRIPT, 20, PYTHON, 15, RUBY, 15, KOTLIN, 10, GO, 10, CSHARP, 5)
                    .tags("checkout", "cart", "orders", "catalog", "pricing", "inventory")
                    .apis("Shopify", "Stripe", "FedEx", "DHL", "Klaviyo", "Avalara", "Algolia")
                    .build(),
            Domain.named("data-pipeline", "DATA")
                    .nouns("Pipeline", "Job", "Batch", "Partition", "Record", "Schema", "Dataset", "Table", "Stream",
                            "Offset", "Checkpoint", "Watermark", "Snapshot", "Manifest", "Sink", "Source", "Transform",
                            "Dag", "Backfill", "Lineage", "Column")
                    .services("ingestion", "etl", "warehouse-loader", "cdc-connector", "scheduler", "lakehouse",
                            "compaction", "data-quality")
                    .languages(PYTHON, 45, SCALA, 20, JAVA, 20, GO, 8, RUST, 7)
                    .frameworks(PYTHON, "airflow", "pyspark", "dagster", "prefect", "dbt")
                    .frameworks(JAVA, "flink", "spark", "kafka-streams", "beam")
                    .frameworks(SCALA, "spark", "flink", "akka")
                    .tags("etl", "data-quality", "backfill", "schema-evolution", "streaming", "batch", "kafka")
                    .apis("Snowflake", "BigQuery", "S3", "Kafka", "Databricks", "Fivetran", "Redshift")
                    .build(),
            Domain.named("auth", "AUTH")
                    .nouns("Token", "Session", "User", "Role", "Permission", "Credential", "Password", "Tenant",
                            "Client", "Scope", "Grant", "SigningKey", "Certificate", "Claim", "Policy", "Identity",
                            "Device", "MfaChallenge", "RefreshToken", "ApiKey", "Invitation")
                    .services("auth", "identity", "sso", "iam", "token-service", "oauth-gateway", "user-directory")
                    .languages(GO, 25, JAVA, 25, TYPESCRIPT, 15, RUST, 10, PYTHON, 15, KOTLIN, 10)
                    .tags("security", "oauth", "sso", "mfa", "rbac", "session", "jwt")
                    .apis("Okta", "Auth0", "Azure AD", "Google Identity", "Keycloak", "Twilio Verify", "LDAP")
                    .build(),
            Domain.named("search", "SRCH")
                    .nouns("Index", "Query", "Document", "Shard", "Ranking", "Synonym", "Suggestion", "Facet",
                            "Embedding", "Analyzer", "Snippet", "Hit", "Segment", "Replica", "SearchResult", "Boost",
                            "Vocabulary", "Posting", "Crawl")
                    .services("search", "indexer", "query-api", "ranking", "autocomplete", "crawler", "relevance")
                    .languages(JAVA, 35, PYTHON, 20, RUST, 20, GO, 15, KOTLIN, 10)
                    .tags("search", "relevance", "indexing", "ranking", "bm25", "vector-search")
                    .apis("Elasticsearch", "OpenSearch", "Algolia", "Pinecone", "Vespa", "Solr")
                    .build(),
            Domain.named("mobile-backend", "MOB")
                    .nouns("Device", "PushToken", "Notification", "Session", "Release", "RemoteConfig", "CrashReport",
                            "Install", "Deeplink", "Attribution", "Experiment", "Event", "Receipt", "Entitlement",
                            "Profile", "SyncState", "Message", "Badge")
                    .services("mobile-api", "push", "sync", "remote-config", "entitlements", "analytics-gateway",
                            "app-store-webhooks")
                    .languages(KOTLIN, 35, TYPESCRIPT, 25, GO, 15, JAVA, 10, PYTHON, 10, CSHARP, 5)
                    .tags("mobile", "push", "offline-sync", "ios", "android", "in-app-purchase")
                    .apis("Firebase", "APNs", "App Store Connect", "Google Play", "RevenueCat", "Branch", "Amplitude")
                    .build(),
            Domain.named("devops", "OPS")
                    .nouns("Deployment", "Cluster", "Node", "Pod", "Secret", "Certificate", "Release", "Alert",
                            "Runner", "Image", "Volume", "Ingress", "Namespace", "Backup", "Rollout", "Manifest",
                            "Quota", "Lease", "Incident", "Artifact")
                    .services("deployer", "ci-runner", "cluster-autoscaler", "secrets-manager", "backup-agent",
                            "ingress-controller", "monitoring", "release-bot")
                    .languages(GO, 50, PYTHON, 30, TYPESCRIPT, 10, RUST, 10)
                    .frameworks(GO, "cobra", "controller-runtime", "gin", "grpc")
                    .frameworks(PYTHON, "ansible", "fastapi", "click", "pulumi")
                    .tags("kubernetes", "ci", "infra", "terraform", "observability", "on-call", "helm")
                    .apis("AWS", "GCP", "Datadog", "PagerDuty", "GitHub", "Vault", "Grafana", "Prometheus")
                    .build(),
            Domain.named("ml-platform", "ML")
                    .nouns("Model", "Experiment", "Dataset", "Feature", "Prediction", "TrainingRun", "Checkpoint",
                            "Embedding", "Artifact", "Label", "Sample", "Metric", "Hyperparameter", "Evaluation",
                            "DriftReport", "Annotation", "InferenceRequest")
                    .services("training", "inference", "feature-store", "model-registry", "labeling", "evaluation",
                            "batch-scoring")
                    .languages(PYTHON, 75, GO, 10, RUST, 5, JAVA, 5, SCALA, 5)
                    .frameworks(PYTHON, "pytorch", "fastapi", "ray", "mlflow", "tensorflow", "jax")
                    .tags("ml", "training", "inference", "gpu", "feature-store", "drift", "mlops")
                    .apis("Hugging Face", "OpenAI", "Weights & Biases", "SageMaker", "Vertex AI", "S3")
                    .build(),
            Domain.named("messaging", "MSG")
                    .nouns("Message", "Topic", "Queue", "Subscriber", "Event", "Channel", "Conversation", "Attachment",
                            "Delivery", "DeadLetter", "Webhook", "Template", "Recipient", "Broadcast", "Mailbox",
                            "SmsMessage", "ReadReceipt")
                    .services("messaging", "email-sender", "sms-gateway", "chat", "webhooks", "event-bus", "fanout")
                    .languages(JAVA, 25, GO, 25, TYPESCRIPT, 20, KOTLIN, 10, PYTHON, 10, RUST, 10)
                    .tags("messaging", "kafka", "queues", "webhooks", "email", "at-least-once")
                    .apis("Twilio", "SendGrid", "Mailgun", "Slack", "SNS", "Kafka", "RabbitMQ")
                    .build(),
            Domain.named("analytics", "ANL")
                    .nouns("Report", "Dashboard", "Metric", "Event", "Funnel", "Cohort", "Segment", "Chart", "Export",
                            "Aggregate", "Goal", "Kpi", "Annotation", "RetentionCurve")
                    .services("analytics", "reporting", "metrics-api", "exporter", "dashboards", "tracking")
                    .languages(PYTHON, 40, TYPESCRIPT, 20, SCALA, 15, JAVA, 15, GO, 10)
                    .tags("analytics", "reporting", "dashboards", "sql", "metrics")
                    .apis("Segment", "Mixpanel", "Looker", "BigQuery", "Snowflake", "Amplitude")
                    .build(),
            Domain.named("healthcare", "HLTH")
                    .nouns("Patient", "Appointment", "Prescription", "Encounter", "Claim", "Provider", "Practitioner",
                            "Observation", "Allergy", "Referral", "Consent", "Visit", "LabResult", "Medication",
                            "InsurancePolicy")
                    .services("scheduling", "ehr-sync", "claims", "pharmacy", "patient-portal")
                    .languages(JAVA, 30, CSHARP, 25, PYTHON, 20, TYPESCRIPT, 15, KOTLIN, 10)
                    .tags("hipaa", "fhir", "scheduling", "phi", "compliance")
                    .apis("Epic FHIR", "Cerner", "Surescripts", "Availity", "Twilio")
                    .build(),
            Domain.named("logistics", "LOG")
                    .nouns("Shipment", "Parcel", "Route", "Driver", "Vehicle", "Depot", "Delivery", "Stop", "Carrier",
                            "TrackingEvent", "ShippingLabel", "Pallet", "Dock", "TimeSlot", "Zone")
                    .services("routing", "dispatch", "tracking", "fleet", "labels")
                    .languages(JAVA, 25, PYTHON, 25, GO, 20, TYPESCRIPT, 20, KOTLIN, 10)
                    .tags("routing", "tracking", "fleet", "geo", "eta")
                    .apis("Google Maps", "HERE", "FedEx", "UPS", "DHL", "Mapbox")
                    .build(),
            Domain.named("gaming", "GAME")
                    .nouns("Player", "Match", "Lobby", "Leaderboard", "Achievement", "Item", "Quest", "Guild",
                            "Score", "Season", "Reward", "Tournament", "Replay", "Loadout")
                    .services("matchmaking", "leaderboard", "game-server", "store", "social")
                    .languages(CSHARP, 30, GO, 25, RUST, 20, TYPESCRIPT, 15, JAVA, 10)
                    .tags("gaming", "matchmaking", "realtime", "anti-cheat", "leaderboard")
                    .apis("Steam", "Epic Online Services", "PlayFab", "Xbox Live", "Discord")
                    .build(),
            Domain.named("iot", "IOT")
                    .nouns("Device", "Sensor", "Reading", "Telemetry", "Firmware", "Gateway", "Command", "Shadow",
                            "Fleet", "Alarm", "Measurement", "Heartbeat")
                    .services("telemetry-ingest", "device-registry", "firmware-updater", "rules-engine")
                    .languages(GO, 35, RUST, 30, PYTHON, 20, JAVA, 15)
                    .tags("iot", "mqtt", "telemetry", "firmware", "edge")
                    .apis("AWS IoT Core", "Azure IoT Hub", "MQTT broker", "InfluxDB", "TimescaleDB")
                    .build()));
}
