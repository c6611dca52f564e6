package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskType;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What an agent says a step does and the main argument it passes, chosen together so they agree:
 * "grep for callers of checkout" greps {@code checkout(}, "read the existing tests in OrderServiceTest.java"
 * reads that file. The argument is a path, pattern, query, SQL, URL path or command depending on the tool
 * (see {@link StepParameters}); tools with fixed parameters (compile, git) have none.
 * <p>Verification steps say check / verify / validate, which is how the engine spots decision points. Most
 * of those phrases are deliberately generic ("check that the build passes") so the same decision recurs
 * across episodes and can become a heuristic, as in real agent logs.
 */
final class StepRecipes {

    private StepRecipes() {
    }

    /** @param argument null for tools without one, or for "the failed step's argument" in recoveries */
    record Recipe(Template action, Template argument) {
    }

    private static final Map<Purpose, Map<Tool, ZipfChoice<Recipe>>> BY_PURPOSE = new EnumMap<>(Purpose.class);
    private static final Map<TaskType, Map<Tool, ZipfChoice<Recipe>>> CHANGE_BY_TYPE = new EnumMap<>(TaskType.class);
    /** Chores touch different files by kind (CI config, Dockerfile ...); keyed by intent name, looked up only. */
    private static final Map<String, ZipfChoice<Recipe>> CHORE_EDITS;
    private static final Map<Tool, Recipe> RETRY_AFTER_TIMEOUT = new EnumMap<>(Tool.class);

    static Recipe recipe(TaskType type, Intent intent, Purpose purpose, Tool tool, Tool failedTool,
                         boolean afterTimeout, SplittableRandom rng) {
        switch (purpose) {
            case RECOVER -> {
                return recovery(type, tool, failedTool);
            }
            case RETRY -> {
                Recipe r = afterTimeout ? RETRY_AFTER_TIMEOUT.get(tool) : null;
                if (r != null) {
                    return r;
                }
            }
            case CHANGE -> {
                if (type == TaskType.OTHER && tool == Tool.EDIT_FILE) {
                    ZipfChoice<Recipe> chore = CHORE_EDITS.get(intent.name());
                    if (chore != null) {
                        return chore.pick(rng);
                    }
                }
                ZipfChoice<Recipe> table = CHANGE_BY_TYPE.get(type).get(tool);
                if (table != null) {
                    return table.pick(rng);
                }
            }
            default -> {
            }
        }
        ZipfChoice<Recipe> table = BY_PURPOSE.get(purpose).get(tool);
        if (table == null) {
            table = BY_PURPOSE.get(Purpose.EXPLORE).get(tool);
        }
        return table.pick(rng);
    }

    private static Recipe r(String action, String argument) {
        return new Recipe(Template.parse(action), argument == null ? null : Template.parse(argument));
    }

    private static void put(Purpose purpose, Tool tool, Recipe... recipes) {
        BY_PURPOSE.get(purpose).put(tool, ZipfChoice.zipf(0.8, recipes));
    }

    private static void change(TaskType type, Tool tool, Recipe... recipes) {
        CHANGE_BY_TYPE.get(type).put(tool, ZipfChoice.zipf(0.8, recipes));
    }

    // recoveries: what an agent does about a failure depends on what failed
    private static final Recipe FIX_COMPILE = r("fix the compile error in {file_name}", "{source_path}");
    private static final Recipe FIX_LINT = r("fix the lint findings in {file_name}", "{source_path}");
    private static final Recipe FIX_CODE = r("fix the failing case in {class}.{method}", "{source_path}");
    private static final Recipe FIX_TEST = r("fix the assertion in {test_class}", "{test_path}");
    private static final Recipe FIX_DOC_LINT = r("fix the markdown lint findings in {doc_path}", "{doc_path}");
    private static final Recipe READ_ASSERTION = r("read the failing assertion in {test_file_name}", "{test_path}");
    private static final Recipe REREAD = r("re-read the file before editing again", null);
    private static final Recipe LOCATE = r("locate {class} in the repository", "{class}");
    private static final Recipe LIST_MODULE = r("list the module to find the right path", "{module_dir}");
    private static final Recipe CHECK_DIR = r("check the target directory exists", "{module_dir}");
    private static final Recipe GREP_INSTEAD = r("grep for {class} instead", "{class}");
    private static final Recipe RUN_FORMATTER = r("run the formatter the pre-commit hook asked for", "make format");
    private static final Recipe FETCH_BASE = r("fetch origin to get the base branch", "git fetch origin main");

    private static Recipe recovery(TaskType type, Tool tool, Tool failedTool) {
        return switch (tool) {
            case EDIT_FILE -> switch (failedTool) {
                case COMPILE -> FIX_COMPILE;
                case RUN_LINTER -> type == TaskType.DOCUMENTATION ? FIX_DOC_LINT : FIX_LINT;
                default -> type == TaskType.TESTING ? FIX_TEST : FIX_CODE;
            };
            case READ_FILE -> failedTool == Tool.RUN_TESTS ? READ_ASSERTION : REREAD;
            case SEARCH_CODE -> LOCATE;
            case GREP -> GREP_INSTEAD;
            case RUN_COMMAND -> failedTool == Tool.GIT_DIFF ? FETCH_BASE : RUN_FORMATTER;
            default -> failedTool == Tool.WRITE_FILE ? CHECK_DIR : LIST_MODULE;
        };
    }

    static {
        for (Purpose p : Purpose.values()) {
            BY_PURPOSE.put(p, new EnumMap<>(Tool.class));
        }
        for (TaskType t : TaskType.values()) {
            CHANGE_BY_TYPE.put(t, new EnumMap<>(Tool.class));
        }
        // exploring; every tool has a recipe here, the fallback for a purpose without its own
        put(Purpose.EXPLORE, Tool.READ_FILE,
                r("read {file_name} to find the {method} path", "{source_path}"),
                r("read {class} to understand how {concern} is done", "{source_path}"),
                r("read the existing tests in {test_file_name}", "{test_path}"),
                r("open {file_name} and look at {method}", "{source_path}"),
                r("read {class2} to see how it uses {class}", "{second_path}"));
        put(Purpose.EXPLORE, Tool.GREP,
                r("grep for callers of {method}", "{method}("),
                r("grep for usages of {class}", "{class}"),
                r("find where {column} is set", "{column}"),
                r("grep for {exception} in the module", "{exception}"));
        put(Purpose.EXPLORE, Tool.SEARCH_CODE,
                r("search the codebase for usages of {class}", "{class}"),
                r("search for other implementations of {concern}", "{concern} {noun_words}"),
                r("find where {endpoint} is routed", "{endpoint}"));
        put(Purpose.EXPLORE, Tool.LIST_DIR,
                r("list {module} to see the package layout", "{module_dir}"),
                r("list the files of the {service} module", "{module_dir}"));
        put(Purpose.EXPLORE, Tool.SEARCH_DOCS,
                r("search the {framework} docs for {feature}", "{framework} {feature}"),
                r("look up the {library} API for {concern}", "{library} {concern}"));
        put(Purpose.EXPLORE, Tool.QUERY_DB,
                r("look at a sample of rows in {table}", "SELECT * FROM {table} ORDER BY created_at DESC LIMIT 20"),
                r("count the {nouns} affected in {table}", "SELECT count(*) FROM {table} WHERE {column} IS NULL"));
        put(Purpose.EXPLORE, Tool.HTTP_REQUEST, r("call {endpoint} to see the current response", "{endpoint}"));
        put(Purpose.EXPLORE, Tool.RUN_COMMAND,
                r("tail the {service} logs", "kubectl logs deploy/{service} --since=1h | tail -n 200"),
                r("inspect the running {service} pods", "kubectl get pods -l app={service} -o wide"));
        put(Purpose.EXPLORE, Tool.EDIT_FILE, r("edit {file_name}", "{source_path}"));
        put(Purpose.EXPLORE, Tool.WRITE_FILE, r("create {class2}", "{second_path}"));
        put(Purpose.EXPLORE, Tool.COMPILE, r("check that the build passes", null));
        put(Purpose.EXPLORE, Tool.RUN_TESTS, r("run the test suite", null));
        put(Purpose.EXPLORE, Tool.RUN_LINTER, r("check code style with the linter", null));
        put(Purpose.EXPLORE, Tool.GIT_DIFF, r("review the diff before committing", null));
        put(Purpose.EXPLORE, Tool.GIT_COMMIT, r("commit the change on {branch}", null));

        put(Purpose.REPRODUCE, Tool.RUN_TESTS,
                r("reproduce the failure with {test_class}", null),
                r("run {test_class} to reproduce the bug", null));
        put(Purpose.REPRODUCE, Tool.HTTP_REQUEST, r("reproduce the error with a request to {endpoint}", "{endpoint}"));
        put(Purpose.REPRODUCE, Tool.RUN_COMMAND,
                r("reproduce the problem locally with the seed data", "make seed && ./scripts/repro.sh {ticket}"));

        put(Purpose.BUILD, Tool.COMPILE,
                r("check that the build passes", null),
                r("compile the module to check for type errors", null),
                r("verify the project still compiles", null));

        put(Purpose.VERIFY, Tool.COMPILE,
                r("check that the build passes", null),
                r("verify the project still compiles", null));
        put(Purpose.VERIFY, Tool.RUN_TESTS,
                r("verify the fix with the failing test", null),
                r("run {test_class} to verify the change", null),
                r("run the full test suite to check for regressions", null),
                r("verify the new tests pass", null));
        put(Purpose.VERIFY, Tool.RUN_LINTER,
                r("check code style with the linter", null),
                r("validate formatting before committing", null));
        put(Purpose.VERIFY, Tool.HTTP_REQUEST,
                r("check that {endpoint} returns 200 now", "{endpoint}"),
                r("verify the response of {endpoint} against the spec", "{endpoint}"));
        put(Purpose.VERIFY, Tool.QUERY_DB, r("validate the migration on a copy of the schema",
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}'"));
        put(Purpose.VERIFY, Tool.RUN_COMMAND,
                r("verify the rollout in {env}", "kubectl rollout status deploy/{service} -n {module}"),
                r("check the service starts cleanly", "docker compose up -d {service} && docker compose logs --tail=50 {service}"));

        put(Purpose.INVESTIGATE, Tool.QUERY_DB,
                r("run EXPLAIN ANALYZE on the slow query against {table}",
                        "EXPLAIN ANALYZE SELECT * FROM {table} WHERE {column} = $1 ORDER BY created_at DESC LIMIT 50"),
                r("count rows per day in {table}",
                        "SELECT date_trunc('day', created_at) AS day, count(*) FROM {table} GROUP BY 1 ORDER BY 1 DESC LIMIT 14"),
                r("measure the size of {table}", "SELECT pg_size_pretty(pg_total_relation_size('{table}'))"));
        put(Purpose.INVESTIGATE, Tool.HTTP_REQUEST,
                r("fetch {metric} of {service} from the metrics API",
                        "http://metrics.internal/api/v1/query?service={service}&metric={metric_key}"),
                r("pull the traces of slow {endpoint} requests",
                        "http://tracing.internal/api/traces?service={service}&minDuration=1s"));
        put(Purpose.INVESTIGATE, Tool.RUN_COMMAND,
                r("collect a CPU profile of {service} under load", "./profiler.sh -d 30 -e cpu -f /tmp/{service}.html $(pgrep -f {service})"),
                r("grep the {env} logs for {exception}", "kubectl logs deploy/{service} --since=24h | grep -c \"{exception}\""),
                r("check resource usage of the {service} pods", "kubectl top pods -l app={service}"));
        put(Purpose.INVESTIGATE, Tool.GREP,
                r("grep the logs for {exception}", "{exception}"),
                r("grep for {method} in the slow paths", "{method}"));

        put(Purpose.REPORT, Tool.WRITE_FILE,
                r("write up the findings with numbers", "{report_path}"),
                r("write the analysis report for {ticket}", "{report_path}"));

        put(Purpose.WRAP, Tool.GIT_DIFF, r("review the diff before committing", null));
        put(Purpose.WRAP, Tool.GIT_COMMIT,
                r("commit the change on {branch}", null),
                r("commit with a message referencing {ticket}", null));

        put(Purpose.RETRY, Tool.COMPILE, r("compile again to check the fix", null));
        put(Purpose.RETRY, Tool.RUN_TESTS, r("re-run the tests to verify the fix", null));
        put(Purpose.RETRY, Tool.RUN_LINTER, r("re-run the linter to check the fix", null));
        put(Purpose.RETRY, Tool.READ_FILE, r("read the file again at the located path", null));
        put(Purpose.RETRY, Tool.EDIT_FILE, r("apply the edit again against the current file", null));
        put(Purpose.RETRY, Tool.WRITE_FILE, r("write the file again", null));
        put(Purpose.RETRY, Tool.GIT_COMMIT, r("commit again after formatting", null));
        put(Purpose.RETRY, Tool.GIT_DIFF, r("show the diff against the fetched base", null));
        put(Purpose.RETRY, Tool.GREP, r("grep again with a corrected pattern", null));
        put(Purpose.RETRY, Tool.HTTP_REQUEST, r("retry the request with fresh credentials", null));
        put(Purpose.RETRY, Tool.QUERY_DB, r("fix the query and run it again", null));
        put(Purpose.RETRY, Tool.RUN_COMMAND, r("retry the command", null));
        put(Purpose.RETRY, Tool.SEARCH_DOCS, r("retry the docs search", null));
        put(Purpose.RETRY, Tool.SEARCH_CODE, r("retry the code search", null));
        put(Purpose.RETRY, Tool.LIST_DIR, r("list the directory again", null));
        RETRY_AFTER_TIMEOUT.put(Tool.HTTP_REQUEST, r("retry the request with a longer timeout", null));
        RETRY_AFTER_TIMEOUT.put(Tool.QUERY_DB, r("retry the query with a higher statement timeout", null));
        RETRY_AFTER_TIMEOUT.put(Tool.RUN_TESTS, r("re-run only {test_class} to verify it finishes", null));
        RETRY_AFTER_TIMEOUT.put(Tool.RUN_COMMAND, r("retry the command with a longer timeout", null));

        change(TaskType.CODE_GENERATION, Tool.EDIT_FILE,
                r("add {feature} to {class}", "{source_path}"),
                r("wire {class2} into {class}", "{source_path}"),
                r("add the {http_method} {endpoint} route", "{source_path}"),
                r("update {method} in {file_name}", "{source_path}"));
        change(TaskType.CODE_GENERATION, Tool.WRITE_FILE,
                r("create {class2} for the new {concern} logic", "{second_path}"),
                r("add {test_file_name} with the first cases", "{test_path}"));
        change(TaskType.DEBUGGING, Tool.EDIT_FILE,
                r("fix the {concern} handling in {class}.{method}", "{source_path}"),
                r("guard {method} against a missing {noun_words}", "{source_path}"),
                r("make {class}.{method} handle {edge_case}", "{source_path}"));
        change(TaskType.REFACTORING, Tool.EDIT_FILE,
                r("move {concern} from {class} into {class2}", "{source_path}"),
                r("update the callers of {method} in {class2}", "{second_path}"),
                r("apply the {pattern} in {class}", "{source_path}"));
        change(TaskType.REFACTORING, Tool.WRITE_FILE,
                r("create {class2}", "{second_path}"),
                r("extract {concern} into {class2}", "{second_path}"));
        change(TaskType.TESTING, Tool.WRITE_FILE,
                r("write {test_class} with cases for {edge_case}", "{test_path}"),
                r("add {test_kind} tests for {method}", "{test_path}"));
        change(TaskType.TESTING, Tool.EDIT_FILE,
                r("add a test for {edge_case} to {test_class}", "{test_path}"),
                r("replace the sleep in {test_class} with polling", "{test_path}"));
        change(TaskType.DOCUMENTATION, Tool.WRITE_FILE,
                r("write the new section in {doc_path}", "{doc_path}"),
                r("draft {doc_path} for {service}", "{doc_path}"));
        change(TaskType.DOCUMENTATION, Tool.EDIT_FILE,
                r("update {doc_path} with the {config} options", "{doc_path}"),
                r("add {doc_kind} to {class}", "{source_path}"));
        change(TaskType.OTHER, Tool.EDIT_FILE, r("update {library} to {version2} in the build file", "{build_file}"));
        change(TaskType.OTHER, Tool.RUN_COMMAND,
                r("regenerate the lock file", "make lock"),
                r("apply the change to {env}", "helm upgrade {service} charts/{service} -f values-{module}.yaml"));

        CHORE_EDITS = Map.of(
                "upgrade-library", ZipfChoice.zipf(1, r("bump {library} to {version2} in the build file", "{build_file}")),
                "ci", ZipfChoice.zipf(1, r("add build and test jobs to the {ci} config", "{ci_file}")),
                "runtime-upgrade", ZipfChoice.zipf(1,
                        r("set the {runtime} version to {runtime_version} in the build file", "{build_file}"),
                        r("update the base image to {runtime} {runtime_version}", "Dockerfile")),
                "alerting", ZipfChoice.zipf(1, r("add the {metric} alert rule for {service}", "monitoring/alerts/{service}.yaml")),
                "rotate-secrets", ZipfChoice.zipf(1, r("point the deployment at the new {external_api} secret", "deploy/{service}/secrets.yaml")),
                "flag-cleanup", ZipfChoice.zipf(1, r("remove the rolled-out flag checks from {class}", "{source_path}")),
                "docker", ZipfChoice.zipf(1, r("write the multi-stage build in the Dockerfile", "Dockerfile")),
                "triage", ZipfChoice.zipf(1, r("add labels to the bug report template", ".github/ISSUE_TEMPLATE/bug.md")));
    }
}
