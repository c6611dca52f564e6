package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskType;

import java.util.SplittableRandom;

/**
 * The JSON a tool call was made with, e.g. {@code {"path":"src/main/java/com/acme/billing/InvoiceService.java"}}:
 * small flat objects around the step's main argument (from its {@link StepRecipes.Recipe}), plus what the
 * tool usually takes besides (line ranges, timeouts, result limits).
 */
final class StepParameters {

    private StepParameters() {
    }

    /**
     * @param argument path, pattern, query, SQL, URL (path) or command; null for tools with fixed parameters
     */
    static String of(Tool tool, Purpose purpose, TaskType type, TaskSubject s, String argument, boolean afterTimeout,
                     String commitMessage, SplittableRandom rng) {
        LanguageProfile lang = s.language;
        JsonText json = new JsonText();
        switch (tool) {
            case READ_FILE -> {
                json.put("path", argument);
                if (rng.nextInt(10) < 3) {
                    json.put("offset", Math.max(1, Integer.parseInt(s.get(Slot.LINE)) - 20)).put("limit", 120);
                }
            }
            case GREP -> {
                boolean logs = purpose == Purpose.INVESTIGATE && argument.equals(s.get(Slot.EXCEPTION));
                json.put("pattern", argument).put("path", logs ? "logs/" + s.get(Slot.SERVICE) : s.get(Slot.MODULE_DIR));
                if (!logs) {
                    json.put("include", lang.sourceGlob());
                }
            }
            case SEARCH_CODE -> json.put("query", argument).put("max_results", 20);
            case LIST_DIR -> json.put("path", argument);
            case EDIT_FILE -> {
                int start = Integer.parseInt(s.get(Slot.LINE));
                json.put("path", argument).put("start_line", start).put("end_line", start + rng.nextInt(6))
                        .put("new_lines", 1 + rng.nextInt(12));
            }
            case WRITE_FILE -> json.put("path", argument).put("lines", 20 + rng.nextInt(180)).put("overwrite", false);
            case COMPILE -> json.put("command", lang.compileCommand.render(s));
            case RUN_TESTS -> json.put("command", lang.testCommand.render(s))
                    .put("timeout_ms", afterTimeout ? 2 * Tool.RUN_TESTS.timeoutMs : Tool.RUN_TESTS.timeoutMs);
            case RUN_LINTER -> json.put("command", type == TaskType.DOCUMENTATION
                    ? "markdownlint " + s.get(Slot.DOC_PATH) : lang.lintCommand.render(s));
            case GIT_DIFF -> json.put("base", "origin/main").put("stat", true);
            case GIT_COMMIT -> json.put("message", commitMessage).put("branch", s.get(Slot.BRANCH));
            case SEARCH_DOCS -> json.put("query", argument).put("source", s.get(Slot.FRAMEWORK));
            case HTTP_REQUEST -> {
                if (argument.startsWith("http")) {
                    json.put("method", "GET").put("url", argument);
                } else {
                    json.put("method", purpose == Purpose.EXPLORE ? "GET" : s.get(Slot.HTTP_METHOD))
                            .put("url", "http://localhost:8080" + argument.replace("{id}", s.get(Slot.LINE)));
                }
                json.put("timeout_ms", afterTimeout ? 30_000 : 5_000);
            }
            case QUERY_DB -> {
                json.put("database", s.get(Slot.MODULE)).put("sql", argument);
                if (afterTimeout) {
                    json.put("statement_timeout_ms", 60_000);
                }
            }
            case RUN_COMMAND -> json.put("command", argument)
                    .put("timeout_ms", afterTimeout ? 2 * Tool.RUN_COMMAND.timeoutMs : Tool.RUN_COMMAND.timeoutMs);
        }
        return json.build();
    }
}
