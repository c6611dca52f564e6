package io.flightdeck.memory.datagen;

import java.util.List;

/**
 * What changes with the programming language: identifier casing, where files live, which frameworks,
 * libraries and exceptions exist, the build / test / lint commands and what their errors look like.
 * Keeping these together is what makes a generated Go task talk about {@code go test} and a nil pointer
 * dereference, and a Python task about {@code pytest} and a KeyError.
 * Error templates may use any {@link Slot}; they are rendered against the episode's {@link TaskSubject}.
 */
enum LanguageProfile {

    JAVA("java", Naming.CAMEL, "JDK", "Javadoc", ToolOutputStyle.MAVEN,
            List.of("21", "17", "25", "11"),
            ZipfChoice.zipf(1.1, "spring-boot", "quarkus", "micronaut", "dropwizard", "vertx", "helidon", "flink"),
            ZipfChoice.zipf(1.0, "Jackson", "Hibernate", "Guava", "OkHttp", "Netty", "Resilience4j", "Micrometer",
                    "Lombok", "MapStruct", "Caffeine", "Log4j2", "Mockito", "Testcontainers", "Flyway", "Liquibase",
                    "jOOQ", "grpc-java", "Project Reactor", "RxJava", "Apache HttpClient", "Gson", "Joda-Time",
                    "commons-lang3", "Hazelcast", "kafka-clients", "AWS SDK v1", "AWS SDK v2", "EhCache", "Quartz",
                    "JUnit 4", "JUnit 5", "AssertJ", "WireMock", "Awaitility", "HikariCP"),
            ZipfChoice.zipf(1.0, "NullPointerException", "IllegalStateException", "IllegalArgumentException",
                    "ConcurrentModificationException", "IndexOutOfBoundsException", "ClassCastException",
                    "NumberFormatException", "DateTimeParseException", "OptimisticLockException",
                    "LazyInitializationException", "StackOverflowError", "OutOfMemoryError", "SocketTimeoutException",
                    "DataIntegrityViolationException", "JsonMappingException", "UnsupportedOperationException",
                    "ArithmeticException", "NoSuchElementException", "RejectedExecutionException"),
            Template.parseAll(
                    "java.lang.NullPointerException: Cannot invoke \"{noun}.getId()\" because \"{noun_var}\" is null\n\tat com.{org}.{module}.{class}.{method}({file_name}:{line})",
                    "java.lang.IllegalStateException: {noun} is not in a valid state for {method}",
                    "java.util.ConcurrentModificationException\n\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1095)\n\tat {class}.{method}({file_name}:{line})",
                    "org.springframework.dao.DataIntegrityViolationException: could not execute statement; constraint [uk_{table}_{column}]",
                    "java.util.NoSuchElementException: No value present\n\tat {class}.{method}({file_name}:{line})",
                    "java.lang.IllegalArgumentException: {noun_var} must not be null"),
            Template.parseAll(
                    "[ERROR] {source_path}:[{line},{col}] cannot find symbol\n  symbol:   method {method}()\n  location: class {class}",
                    "[ERROR] {source_path}:[{line},{col}] incompatible types: java.lang.String cannot be converted to {noun}",
                    "[ERROR] {source_path}:[{line},{col}] unreported exception java.io.IOException; must be caught or declared to be thrown",
                    "[ERROR] {source_path}:[{line},{col}] method {method} in class {class} cannot be applied to given types;"),
            Template.parseAll(
                    "[ERROR] {source_path}:{line}: Line is longer than 120 characters (found 134). [LineLength]",
                    "[ERROR] {source_path}:{line}:{col}: Unused import - java.util.Optional. [UnusedImports]",
                    "[ERROR] {source_path}:{line}: Missing a Javadoc comment. [MissingJavadocMethod]"),
            "mvn -q -DskipTests compile", "mvn -q test -Dtest={test_class}", "mvn -q checkstyle:check",
            "[INFO] BUILD SUCCESS\n[INFO] Total time:  %s s", "You have 0 Checkstyle violations."),

    KOTLIN("kotlin", Naming.CAMEL, "Kotlin", "KDoc", ToolOutputStyle.GRADLE,
            List.of("2.0", "1.9", "2.1"),
            ZipfChoice.zipf(1.0, "spring-boot", "ktor", "micronaut", "quarkus", "android"),
            ZipfChoice.zipf(1.0, "kotlinx.coroutines", "kotlinx.serialization", "Ktor client", "Exposed", "Koin",
                    "Arrow", "MockK", "Kotest", "Jackson", "Retrofit", "OkHttp", "Moshi", "Hilt", "jOOQ", "Flyway",
                    "Testcontainers", "kotlin-logging", "Micrometer"),
            ZipfChoice.zipf(1.0, "NullPointerException", "UninitializedPropertyAccessException",
                    "IllegalStateException", "ClassCastException", "NoSuchElementException", "CancellationException",
                    "SerializationException", "IllegalArgumentException", "ConcurrentModificationException",
                    "TimeoutCancellationException"),
            Template.parseAll(
                    "kotlin.UninitializedPropertyAccessException: lateinit property {noun_var} has not been initialized",
                    "java.lang.NullPointerException: Parameter specified as non-null is null: method {class}.{method}, parameter {noun_var}",
                    "kotlinx.coroutines.JobCancellationException: Job was cancelled; job=StandaloneCoroutine{Cancelling}",
                    "kotlinx.serialization.MissingFieldException: Field '{column}' is required for type with serial name '{noun}', but it was missing"),
            Template.parseAll(
                    "e: {source_path}:({line}, {col}): Unresolved reference: {method}",
                    "e: {source_path}:({line}, {col}): Type mismatch: inferred type is String? but String was expected",
                    "e: {source_path}:({line}, {col}): Only safe (?.) or non-null asserted (!!.) calls are allowed on a nullable receiver of type {noun}?"),
            Template.parseAll(
                    "{source_path}:{line}:{col}: Unused import (standard:no-unused-imports)",
                    "{source_path}:{line}:{col}: Exceeded max line length (120) (standard:max-line-length)"),
            "./gradlew compileKotlin", "./gradlew test --tests '*{test_class}'", "./gradlew ktlintCheck",
            "BUILD SUCCESSFUL in %ss\n5 actionable tasks: 2 executed, 3 up-to-date", "BUILD SUCCESSFUL (ktlint: no violations)"),

    PYTHON("python", Naming.SNAKE, "Python", "docstrings", ToolOutputStyle.PYTEST,
            List.of("3.12", "3.11", "3.13", "3.10"),
            ZipfChoice.zipf(1.0, "django", "fastapi", "flask", "airflow", "pytorch", "celery", "pyspark", "streamlit"),
            ZipfChoice.zipf(1.0, "requests", "SQLAlchemy", "pydantic", "celery", "pandas", "numpy", "boto3", "httpx",
                    "marshmallow", "alembic", "redis-py", "aiohttp", "attrs", "PyYAML", "structlog", "tenacity", "polars",
                    "pyarrow", "scikit-learn", "torch", "orjson", "dataclasses-json", "Jinja2", "psycopg2", "psycopg3",
                    "hypothesis", "freezegun", "factory_boy", "gunicorn", "uvicorn"),
            ZipfChoice.zipf(1.0, "KeyError", "AttributeError", "TypeError", "ValueError", "IndexError",
                    "ZeroDivisionError", "IntegrityError", "TimeoutError", "RecursionError", "UnicodeDecodeError",
                    "ValidationError", "DoesNotExist", "ConnectionResetError", "ImportError", "JSONDecodeError",
                    "OperationalError"),
            Template.parseAll(
                    "KeyError: '{column}'",
                    "AttributeError: 'NoneType' object has no attribute '{method}'",
                    "TypeError: unsupported operand type(s) for +: 'Decimal' and 'float'",
                    "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint \"{table}_{column}_key\"",
                    "ValueError: invalid literal for int() with base 10: ''",
                    "TypeError: {method}() missing 1 required positional argument: '{noun_snake}'"),
            Template.parseAll(
                    "{source_path}:{line}: error: Incompatible types in assignment (expression has type \"str | None\", variable has type \"str\")  [assignment]",
                    "{source_path}:{line}: error: \"{class}\" has no attribute \"{method}\"  [attr-defined]",
                    "{source_path}:{line}: error: Argument 1 to \"{method}\" has incompatible type \"int\"; expected \"Decimal\"  [arg-type]",
                    "SyntaxError: invalid syntax ({file_name}, line {line})"),
            Template.parseAll(
                    "{source_path}:{line}:{col}: F401 [*] `typing.Optional` imported but unused",
                    "{source_path}:{line}:{col}: E501 Line too long (131 > 100)",
                    "{source_path}:{line}:{col}: B006 Do not use mutable data structures for argument defaults"),
            "mypy {module_dir}", "pytest {test_path} -q", "ruff check {module_dir}",
            "Success: no issues found in %s source files", "All checks passed!"),

    TYPESCRIPT("typescript", Naming.CAMEL, "Node.js", "TSDoc comments", ToolOutputStyle.JEST,
            List.of("22", "20", "24"),
            ZipfChoice.zipf(1.0, "react", "express", "nestjs", "nextjs", "angular", "vue", "fastify", "react-native",
                    "aws-cdk"),
            ZipfChoice.zipf(1.0, "axios", "lodash", "zod", "Prisma", "TypeORM", "date-fns", "moment", "RxJS", "Redux",
                    "React Query", "Zustand", "winston", "pino", "Knex", "Mongoose", "ioredis", "Apollo Server",
                    "GraphQL", "socket.io", "class-validator", "Jest", "Vitest", "Playwright", "Cypress", "tRPC",
                    "Sequelize", "node-fetch", "uuid", "yup"),
            ZipfChoice.zipf(1.0, "TypeError", "unhandled promise rejection", "RangeError", "ReferenceError",
                    "SyntaxError", "ECONNRESET error", "AbortError", "ZodError", "QueryFailedError", "hydration error"),
            Template.parseAll(
                    "TypeError: Cannot read properties of undefined (reading '{method}')\n    at {class}.{method} ({source_path}:{line}:{col})",
                    "TypeError: {noun_var}.map is not a function",
                    "UnhandledPromiseRejection: Error: connect ECONNREFUSED 127.0.0.1:5432",
                    "RangeError: Maximum call stack size exceeded",
                    "ZodError: [{ \"code\": \"invalid_type\", \"expected\": \"string\", \"received\": \"undefined\", \"path\": [\"{column}\"] }]"),
            Template.parseAll(
                    "{source_path}({line},{col}): error TS2339: Property '{method}' does not exist on type '{class}'.",
                    "{source_path}({line},{col}): error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.",
                    "{source_path}({line},{col}): error TS2532: Object is possibly 'undefined'."),
            Template.parseAll(
                    "{source_path}\n  {line}:{col}  error  'response' is assigned a value but never used  @typescript-eslint/no-unused-vars",
                    "{source_path}\n  {line}:{col}  error  Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any"),
            "npx tsc --noEmit", "npx jest {test_file_name}", "npx eslint {module_dir}",
            "Done in %ss.", "eslint: 0 problems"),

    JAVASCRIPT("javascript", Naming.CAMEL, "Node.js", "JSDoc comments", ToolOutputStyle.JEST,
            List.of("22", "20", "18"),
            ZipfChoice.zipf(1.0, "express", "react", "vue", "koa", "hapi", "electron"),
            ZipfChoice.zipf(1.0, "axios", "lodash", "moment", "express-validator", "Sequelize", "Mongoose", "winston",
                    "Knex", "jQuery", "Joi", "body-parser", "passport", "bull", "node-cron", "Mocha", "Chai", "Sinon",
                    "Jest", "dotenv", "ws"),
            ZipfChoice.zipf(1.0, "TypeError", "unhandled promise rejection", "RangeError", "ReferenceError",
                    "SyntaxError", "ECONNRESET error", "EADDRINUSE error"),
            Template.parseAll(
                    "TypeError: Cannot read properties of undefined (reading '{method}')\n    at {class}.{method} ({source_path}:{line}:{col})",
                    "ReferenceError: {noun_var} is not defined",
                    "Error: listen EADDRINUSE: address already in use :::3000",
                    "SyntaxError: Unexpected token u in JSON at position 0"),
            Template.parseAll(
                    "SyntaxError: {source_path}: Unexpected token ({line}:{col})",
                    "Module not found: Error: Can't resolve './{noun_var}' in '{module_dir}'"),
            Template.parseAll(
                    "{source_path}\n  {line}:{col}  error  'next' is defined but never used  no-unused-vars",
                    "{source_path}\n  {line}:{col}  error  Expected '===' and instead saw '=='  eqeqeq"),
            "npm run build", "npm test -- {test_file_name}", "npx eslint {module_dir}",
            "webpack 5.94.0 compiled successfully in %s s", "eslint: 0 problems"),

    GO("go", Naming.PASCAL, "Go", "godoc comments", ToolOutputStyle.GO,
            List.of("1.23", "1.22", "1.24"),
            ZipfChoice.zipf(1.0, "gin", "echo", "chi", "grpc", "cobra", "fiber", "controller-runtime"),
            ZipfChoice.zipf(1.0, "gorm", "sqlx", "zap", "logrus", "cobra", "viper", "testify", "gomock", "pgx",
                    "go-redis", "grpc-go", "client_golang", "chi", "sarama", "franz-go", "errgroup", "golang-migrate",
                    "aws-sdk-go-v2", "otel-go", "resty", "ristretto", "go-cmp"),
            ZipfChoice.zipf(1.0, "nil pointer dereference", "index out of range panic", "concurrent map writes",
                    "context deadline exceeded error", "sql: no rows in result set error", "data race",
                    "goroutine leak", "deadlock"),
            Template.parseAll(
                    "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b2f4d]\n\ngoroutine 1 [running]:\n{module_dir}.(*{class}).{method}(...)\n\t{source_path}:{line}",
                    "panic: runtime error: index out of range [3] with length 3",
                    "fatal error: concurrent map writes",
                    "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
                    "sql: no rows in result set"),
            Template.parseAll(
                    "{source_path}:{line}:{col}: undefined: {method}",
                    "{source_path}:{line}:{col}: cannot use {noun_var} (variable of type *{noun}) as {noun} value in argument to {method}",
                    "{source_path}:{line}:{col}: declared and not used: err"),
            Template.parseAll(
                    "{source_path}:{line}:{col}: Error return value of `rows.Close` is not checked (errcheck)",
                    "{source_path}:{line}:{col}: ineffectual assignment to err (ineffassign)"),
            "go build ./...", "go test ./{module_dir}/... -run {test_method}", "golangci-lint run ./...",
            "go build ./...: no errors (%ss)", "0 issues."),

    RUST("rust", Naming.SNAKE, "Rust", "rustdoc comments", ToolOutputStyle.CARGO,
            List.of("1.83", "1.80", "1.85"),
            ZipfChoice.zipf(1.0, "axum", "actix-web", "tokio", "tonic", "rocket", "warp", "bevy"),
            ZipfChoice.zipf(1.0, "serde", "tokio", "reqwest", "sqlx", "diesel", "tracing", "anyhow", "thiserror",
                    "clap", "hyper", "tonic", "rayon", "chrono", "time", "redis-rs", "crossbeam", "parking_lot", "moka",
                    "dashmap", "prost", "tower", "bytes", "proptest", "criterion"),
            ZipfChoice.zipf(1.0, "panic on unwrap of None", "index out of bounds panic", "BorrowMutError",
                    "deadlock", "integer overflow panic", "stack overflow", "use of a moved value"),
            Template.parseAll(
                    "thread 'main' panicked at {source_path}:{line}:{col}:\ncalled `Option::unwrap()` on a `None` value",
                    "thread 'tokio-runtime-worker' panicked at {source_path}:{line}:{col}:\nindex out of bounds: the len is 3 but the index is 3",
                    "thread 'main' panicked at {source_path}:{line}:{col}:\nalready mutably borrowed: BorrowError",
                    "Error: error returned from database: relation \"{table}\" does not exist"),
            Template.parseAll(
                    "error[E0502]: cannot borrow `{noun_snake}` as mutable because it is also borrowed as immutable\n --> {source_path}:{line}:{col}",
                    "error[E0308]: mismatched types\n --> {source_path}:{line}:{col}\n  expected `{noun}`, found `Option<{noun}>`",
                    "error[E0425]: cannot find function `{method}` in this scope\n --> {source_path}:{line}:{col}",
                    "error[E0382]: borrow of moved value: `{noun_snake}`\n --> {source_path}:{line}:{col}"),
            Template.parseAll(
                    "error: used `unwrap()` on an `Option` value\n --> {source_path}:{line}:{col}",
                    "error: this `if` has identical blocks\n --> {source_path}:{line}:{col}"),
            "cargo build", "cargo test {test_method}", "cargo clippy -- -D warnings",
            "    Finished `dev` profile [unoptimized + debuginfo] target(s) in %ss", "    Finished `dev` profile [unoptimized + debuginfo] target(s) (clippy: 0 warnings)"),

    CSHARP("csharp", Naming.PASCAL, ".NET", "XML doc comments", ToolOutputStyle.DOTNET,
            List.of("8", "9", "6"),
            ZipfChoice.zipf(1.0, "aspnet-core", "blazor", "orleans", "unity", "maui"),
            ZipfChoice.zipf(1.0, "Newtonsoft.Json", "System.Text.Json", "EF Core", "Dapper", "Polly", "Serilog",
                    "AutoMapper", "MediatR", "xUnit", "NUnit", "Moq", "FluentValidation", "Hangfire", "MassTransit",
                    "FluentAssertions", "Refit", "StackExchange.Redis", "NSubstitute"),
            ZipfChoice.zipf(1.0, "NullReferenceException", "InvalidOperationException", "ArgumentNullException",
                    "KeyNotFoundException", "TaskCanceledException", "DbUpdateConcurrencyException",
                    "ObjectDisposedException", "FormatException", "HttpRequestException"),
            Template.parseAll(
                    "System.NullReferenceException: Object reference not set to an instance of an object.\n   at {class}.{method}() in {source_path}:line {line}",
                    "System.InvalidOperationException: Sequence contains no elements",
                    "System.Collections.Generic.KeyNotFoundException: The given key '{column}' was not present in the dictionary.",
                    "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException: The database operation was expected to affect 1 row(s), but actually affected 0 row(s)"),
            Template.parseAll(
                    "{source_path}({line},{col}): error CS0103: The name '{method}' does not exist in the current context",
                    "{source_path}({line},{col}): error CS1061: '{class}' does not contain a definition for '{method}'",
                    "{source_path}({line},{col}): error CS8602: Dereference of a possibly null reference."),
            Template.parseAll(
                    "{source_path}({line},{col}): error WHITESPACE: Fix whitespace formatting.",
                    "{source_path}({line},{col}): error IDE0005: Using directive is unnecessary."),
            "dotnet build", "dotnet test --filter {test_class}", "dotnet format --verify-no-changes",
            "Build succeeded.\n    0 Warning(s)\n    0 Error(s)\n\nTime Elapsed 00:00:%s", "dotnet format: no changes needed"),

    RUBY("ruby", Naming.SNAKE, "Ruby", "YARD docs", ToolOutputStyle.RSPEC,
            List.of("3.3", "3.2", "3.4"),
            ZipfChoice.zipf(1.0, "rails", "sinatra", "hanami", "sidekiq"),
            ZipfChoice.zipf(1.0, "Sidekiq", "Devise", "RSpec", "FactoryBot", "Faraday", "RuboCop", "Pundit",
                    "Kaminari", "activerecord-import", "dry-rb", "Nokogiri", "Puma", "Redis", "Sorbet", "VCR",
                    "Capybara", "Shrine", "Paper Trail"),
            ZipfChoice.zipf(1.0, "NoMethodError", "ActiveRecord::RecordNotFound", "ArgumentError", "KeyError",
                    "ActiveRecord::StaleObjectError", "Timeout::Error", "NameError", "ActiveRecord::RecordInvalid"),
            Template.parseAll(
                    "NoMethodError: undefined method `{method}' for nil:NilClass",
                    "ActiveRecord::RecordNotFound: Couldn't find {noun} with 'id'={line}",
                    "KeyError: key not found: :{column}",
                    "ActiveRecord::RecordInvalid: Validation failed: {column} can't be blank"),
            Template.parseAll(
                    "{source_path}:{line}: syntax error, unexpected end-of-input, expecting `end'",
                    "{source_path}:{line}: warning: assigned but unused variable - {noun_snake}"),
            Template.parseAll(
                    "{source_path}:{line}:{col}: C: Style/StringLiterals: Prefer single-quoted strings when you don't need string interpolation.",
                    "{source_path}:{line}:{col}: W: Lint/UselessAssignment: Useless assignment to variable - {noun_snake}."),
            "ruby -wc {source_path}", "bundle exec rspec {test_path}", "bundle exec rubocop {module_dir}",
            "Syntax OK (%ss)", "no offenses detected"),

    SCALA("scala", Naming.CAMEL, "Scala", "Scaladoc", ToolOutputStyle.SBT,
            List.of("3.5", "2.13", "3.3"),
            ZipfChoice.zipf(1.0, "akka", "spark", "play", "zio-http", "http4s", "flink"),
            ZipfChoice.zipf(1.0, "cats-effect", "ZIO", "circe", "http4s", "Slick", "Doobie", "ScalaTest", "spark-sql",
                    "fs2", "play-json", "akka-streams", "sttp", "munit", "pureconfig", "tapir"),
            ZipfChoice.zipf(1.0, "MatchError", "NoSuchElementException", "NullPointerException", "ClassCastException",
                    "AskTimeoutException", "SparkException", "StackOverflowError"),
            Template.parseAll(
                    "scala.MatchError: {noun}(...) (of class {noun})",
                    "java.util.NoSuchElementException: None.get\n\tat {class}.{method}({file_name}:{line})",
                    "akka.pattern.AskTimeoutException: Ask timed out on [Actor[akka://{service}/user/{noun_var}]] after [5000 ms]",
                    "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times"),
            Template.parseAll(
                    "[error] {source_path}:{line}:{col}: not found: value {method}",
                    "[error] {source_path}:{line}:{col}: type mismatch;\n[error]  found   : Option[{noun}]\n[error]  required: {noun}"),
            Template.parseAll(
                    "[error] {source_path} isn't formatted properly!",
                    "[warn] {source_path}:{line}:{col}: Unused import"),
            "sbt compile", "sbt \"testOnly *{test_class}\"", "sbt scalafmtCheck",
            "[success] Total time: %s s", "[success] scalafmtCheck: all files formatted");

    final String id;
    final Naming naming;
    final String runtime;
    final List<String> runtimeVersions;
    final String docKind;
    final ToolOutputStyle outputStyle;
    final ZipfChoice<String> frameworks;
    final ZipfChoice<String> libraries;
    final ZipfChoice<String> exceptions;
    final List<Template> runtimeErrors;
    final List<Template> compileErrors;
    final List<Template> lintErrors;
    final Template compileCommand;
    final Template testCommand;
    final Template lintCommand;
    /** Build success text; {@code %s} is replaced by the elapsed seconds. */
    final String compileOk;
    final String lintOk;

    LanguageProfile(String id, Naming naming, String runtime, String docKind, ToolOutputStyle outputStyle,
                    List<String> runtimeVersions, ZipfChoice<String> frameworks, ZipfChoice<String> libraries,
                    ZipfChoice<String> exceptions, List<Template> runtimeErrors, List<Template> compileErrors,
                    List<Template> lintErrors, String compileCommand, String testCommand, String lintCommand,
                    String compileOk, String lintOk) {
        this.id = id;
        this.naming = naming;
        this.runtime = runtime;
        this.docKind = docKind;
        this.outputStyle = outputStyle;
        this.runtimeVersions = runtimeVersions;
        this.frameworks = frameworks;
        this.libraries = libraries;
        this.exceptions = exceptions;
        this.runtimeErrors = runtimeErrors;
        this.compileErrors = compileErrors;
        this.lintErrors = lintErrors;
        this.compileCommand = Template.parse(compileCommand);
        this.testCommand = Template.parse(testCommand);
        this.lintCommand = Template.parse(lintCommand);
        this.compileOk = compileOk;
        this.lintOk = lintOk;
    }

    /** Directory of the module's sources, e.g. {@code src/main/java/com/acme/billing}. */
    String moduleDir(String org, String module) {
        return switch (this) {
            case JAVA -> "src/main/java/com/" + org + '/' + module;
            case KOTLIN -> "src/main/kotlin/com/" + org + '/' + module;
            case SCALA -> "src/main/scala/com/" + org + '/' + module;
            case PYTHON -> org + '/' + module;
            case TYPESCRIPT, JAVASCRIPT, RUST -> "src/" + module;
            case GO -> "internal/" + module;
            case CSHARP -> "src/" + capitalise(org) + '.' + capitalise(module);
            case RUBY -> "app/services/" + module;
        };
    }

    String fileName(String className) {
        return switch (this) {
            case JAVA -> className + ".java";
            case KOTLIN -> className + ".kt";
            case SCALA -> className + ".scala";
            case CSHARP -> className + ".cs";
            case PYTHON -> Naming.snake(className) + ".py";
            case RUST -> Naming.snake(className) + ".rs";
            case RUBY -> Naming.snake(className) + ".rb";
            case GO -> Naming.snake(className) + ".go";
            case TYPESCRIPT -> Naming.decapitalise(className) + ".ts";
            case JAVASCRIPT -> Naming.decapitalise(className) + ".js";
        };
    }

    String testFileName(String className) {
        return switch (this) {
            case JAVA -> className + "Test.java";
            case KOTLIN -> className + "Test.kt";
            case SCALA -> className + "Spec.scala";
            case CSHARP -> className + "Tests.cs";
            case PYTHON -> "test_" + Naming.snake(className) + ".py";
            case RUST -> Naming.snake(className) + ".rs";
            case RUBY -> Naming.snake(className) + "_spec.rb";
            case GO -> Naming.snake(className) + "_test.go";
            case TYPESCRIPT -> Naming.decapitalise(className) + ".spec.ts";
            case JAVASCRIPT -> Naming.decapitalise(className) + ".test.js";
        };
    }

    String testDir(String org, String module) {
        return switch (this) {
            case JAVA -> "src/test/java/com/" + org + '/' + module;
            case KOTLIN -> "src/test/kotlin/com/" + org + '/' + module;
            case SCALA -> "src/test/scala/com/" + org + '/' + module;
            case PYTHON -> "tests/" + module;
            case TYPESCRIPT, JAVASCRIPT -> "src/" + module;
            case RUST -> "tests";
            case GO -> "internal/" + module;
            case CSHARP -> "tests/" + capitalise(org) + '.' + capitalise(module) + ".Tests";
            case RUBY -> "spec/services/" + module;
        };
    }

    /** How a test suite is named in prose: a class where tests are classes, else the test file. */
    String testClass(String className) {
        return switch (this) {
            case JAVA, KOTLIN -> className + "Test";
            case SCALA -> className + "Spec";
            case CSHARP -> className + "Tests";
            case GO -> "Test" + className;
            default -> testFileName(className);
        };
    }

    String testMethod(String className, String method, String suffixPascal) {
        return switch (this) {
            case GO -> "Test" + className + '_' + method;
            case PYTHON, RUST, RUBY -> "test_" + method + '_' + Naming.snake(suffixPascal);
            case CSHARP -> method + '_' + suffixPascal;
            default -> method + suffixPascal;
        };
    }

    /** The file that declares dependencies, which an upgrade task edits. */
    String buildFile() {
        return switch (this) {
            case JAVA -> "pom.xml";
            case KOTLIN -> "build.gradle.kts";
            case SCALA -> "build.sbt";
            case PYTHON -> "pyproject.toml";
            case TYPESCRIPT, JAVASCRIPT -> "package.json";
            case GO -> "go.mod";
            case RUST -> "Cargo.toml";
            case CSHARP -> "Directory.Packages.props";
            case RUBY -> "Gemfile";
        };
    }

    /** Glob of this language's source files, for grep's include filter. */
    String sourceGlob() {
        String name = fileName("X");
        return "*" + name.substring(name.lastIndexOf('.'));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
