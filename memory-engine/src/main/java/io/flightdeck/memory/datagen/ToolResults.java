package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a tool call returned: the output snippet of a success (the head of the file read, a compiler's
 * "BUILD SUCCESS", a test summary "Tests run: 42, Failures: 0") or the message of an error ("error: cannot
 * find symbol", "AssertionError: expected 3 but was 2"), in the form the tool and language really produce,
 * and about the step's own argument. Outputs are kept to a few hundred bytes, like the truncated snippets
 * agents keep.
 */
final class ToolResults {

    private ToolResults() {
    }

    private static final Map<LanguageProfile, Template> SOURCE_HEADS = new EnumMap<>(LanguageProfile.class);
    private static final Map<LanguageProfile, Template> SECOND_HEADS = new EnumMap<>(LanguageProfile.class);
    private static final Map<LanguageProfile, Template> TEST_HEADS = new EnumMap<>(LanguageProfile.class);
    private static final Template DOC_HEAD = Template.parse(
            "# {service}\n\nThe {service} service owns {nouns} in the {module} module.\n\n## Configuration\n\n| key | default | description |\n|-----|---------|-------------|");
    private static final ZipfChoice<Template> COMMIT_ERRORS = ZipfChoice.zipf(1, Template.parseAll(
            "pre-commit hook failed: formatting check would reformat {file_name}",
            "error: gpg failed to sign the data\nfatal: failed to write commit object",
            "nothing to commit, working tree clean"));
    private static final ZipfChoice<Template> SEARCH_ERRORS = ZipfChoice.zipf(1, Template.parseAll(
            "search index is stale: re-indexing {module_dir}, try again shortly",
            "query too broad: more than 1000 matches for '{noun_words}'"));
    private static final ZipfChoice<Template> HTTP_ERRORS = ZipfChoice.zipf(1, Template.parseAll(
            "connect ECONNREFUSED 127.0.0.1:8080",
            "HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer error=\"invalid_token\", error_description=\"The access token expired\"",
            "HTTP/1.1 503 Service Unavailable\nretry-after: 30",
            "HTTP/1.1 404 Not Found\n{\"error\":\"no route for {endpoint}\"}"));
    private static final ZipfChoice<Template> DB_ERRORS = ZipfChoice.zipf(1, Template.parseAll(
            "ERROR:  column \"{column}\" does not exist\nLINE 1: SELECT * FROM {table} WHERE {column} = $1",
            "ERROR:  relation \"{table}\" does not exist",
            "ERROR:  canceling statement due to statement timeout",
            "ERROR:  deadlock detected\nDETAIL:  Process 48211 waits for ShareLock on transaction 9120331"));
    private static final ZipfChoice<Template> COMMAND_ERRORS = ZipfChoice.zipf(1, Template.parseAll(
            "Error from server (Forbidden): pods is forbidden: User \"agent\" cannot list resource \"pods\" in API group \"\" in the namespace \"{module}\"",
            "bash: kubectl: command not found",
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
            "make: *** [Makefile:42] Error 1"));

    private static void heads(LanguageProfile lang, String source, String test) {
        SOURCE_HEADS.put(lang, Template.parse(source));
        SECOND_HEADS.put(lang, Template.parse(source.replace("{class}", "{class2}")));
        TEST_HEADS.put(lang, Template.parse(test));
    }

    static {
        heads(LanguageProfile.JAVA,
                "package com.{org}.{module};\n\nimport java.util.List;\nimport java.util.Optional;\n\npublic class {class} {\n\n    public {noun} {method}({noun} {noun_var}) {",
                "package com.{org}.{module};\n\nimport org.junit.jupiter.api.Test;\n\nclass {test_class} {\n\n    @Test\n    void {test_method}() {");
        heads(LanguageProfile.KOTLIN,
                "package com.{org}.{module}\n\nclass {class}(private val repository: {noun}Repository) {\n\n    fun {method}({noun_var}: {noun}): {noun} {",
                "package com.{org}.{module}\n\nimport org.junit.jupiter.api.Test\n\nclass {test_class} {\n\n    @Test\n    fun {test_method}() {");
        heads(LanguageProfile.SCALA,
                "package com.{org}.{module}\n\nfinal class {class}(repo: {noun}Repository) {\n  def {method}({noun_var}: {noun}): Either[AppError, {noun}] =",
                "package com.{org}.{module}\n\nclass {test_class} extends AnyFlatSpec with Matchers {\n  \"{class}\" should \"{method}\" in {");
        heads(LanguageProfile.PYTHON,
                "from __future__ import annotations\n\nimport logging\nfrom decimal import Decimal\n\nlog = logging.getLogger(__name__)\n\n\nclass {class}:\n    def {method}(self, {noun_var}: {noun}) -> {noun}:",
                "import pytest\n\nfrom {org}.{module} import {class}\n\n\ndef {test_method}():");
        heads(LanguageProfile.TYPESCRIPT,
                "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class {class} {\n  async {method}({noun_var}: {noun}): Promise<{noun}> {",
                "import { describe, it, expect } from '@jest/globals';\n\ndescribe('{class}', () => {\n  it('{test_method}', async () => {");
        heads(LanguageProfile.JAVASCRIPT,
                "'use strict';\n\nconst logger = require('../logger');\n\nclass {class} {\n  async {method}({noun_var}) {",
                "const { {class} } = require('./{noun_var}');\n\ndescribe('{class}', () => {\n  it('{test_method}', async () => {");
        heads(LanguageProfile.GO,
                "package {module}\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\ntype {class} struct {\n\trepo {noun}Repository\n}\n\nfunc (s *{class}) {method}(ctx context.Context, {noun_var} *{noun}) error {",
                "package {module}\n\nimport \"testing\"\n\nfunc {test_method}(t *testing.T) {\n\tt.Parallel()");
        heads(LanguageProfile.RUST,
                "use serde::{Deserialize, Serialize};\n\npub struct {class} {\n    repo: {noun}Repository,\n}\n\nimpl {class} {\n    pub fn {method}(&self, {noun_var}: &{noun}) -> Result<{noun}, Error> {",
                "use super::*;\n\n#[test]\nfn {test_method}() {");
        heads(LanguageProfile.CSHARP,
                "namespace {org}.{module};\n\npublic sealed class {class}\n{\n    public async Task<{noun}> {method}({noun} {noun_var})\n    {",
                "public class {test_class}\n{\n    [Fact]\n    public async Task {test_method}()\n    {");
        heads(LanguageProfile.RUBY,
                "# frozen_string_literal: true\n\nmodule {noun}s\n  class {class}\n    def {method}({noun_var})",
                "require 'rails_helper'\n\nRSpec.describe {class} do\n  describe '#{method}' do");
    }

    static String success(Tool tool, Purpose purpose, TaskType type, TaskSubject s, String argument, long latencyMs,
                          String commitMessage, SplittableRandom rng) {
        LanguageProfile lang = s.language;
        String secs = seconds(latencyMs);
        return switch (tool) {
            case READ_FILE -> fileContent(s, argument, rng);
            case GREP -> grepOutput(s, argument, rng);
            case SEARCH_CODE -> "Found " + (2 + rng.nextInt(30)) + " results for '" + argument + "' in 3 files:\n  "
                    + s.get(Slot.SOURCE_PATH) + "\n  " + s.get(Slot.TEST_PATH) + "\n  " + s.get(Slot.SECOND_PATH);
            case LIST_DIR -> s.get(Slot.FILE_NAME) + '\n' + s.get(Slot.SECOND_FILE_NAME) + '\n'
                    + lang.fileName(s.get(Slot.NOUN) + Vocabulary.ROLES.pick(rng)) + '\n'
                    + lang.fileName(s.get(Slot.NOUN2) + Vocabulary.ROLES.pick(rng));
            case EDIT_FILE -> "Applied 1 edit to " + argument + " (+" + (1 + rng.nextInt(12)) + " -" + rng.nextInt(6) + ')';
            case WRITE_FILE -> "Wrote " + (20 + rng.nextInt(180)) + " lines to " + argument;
            case COMPILE -> lang.compileOk.replace("%s", secs);
            case RUN_TESTS -> {
                int total = 4 + rng.nextInt(300);
                if (purpose == Purpose.REPRODUCE) {
                    yield testFailure(s, total, rng);
                }
                yield lang.outputStyle.testsPassed(total, rng.nextInt(4) == 0 ? 1 + rng.nextInt(3) : 0, secs);
            }
            case RUN_LINTER -> type == TaskType.DOCUMENTATION ? "markdownlint: 0 errors in 1 file" : lang.lintOk;
            case GIT_DIFF -> {
                int add = 2 + rng.nextInt(40);
                int del = rng.nextInt(12);
                yield ' ' + s.get(Slot.SOURCE_PATH) + " | " + (add + del) + "\n 1 file changed, " + add + " insertions(+), "
                        + del + " deletions(-)";
            }
            case GIT_COMMIT -> '[' + s.get(Slot.BRANCH) + ' ' + s.get(Slot.SHA) + "] " + commitMessage + "\n "
                    + (1 + rng.nextInt(5)) + " files changed, " + (3 + rng.nextInt(120)) + " insertions(+), "
                    + rng.nextInt(40) + " deletions(-)";
            case SEARCH_DOCS -> "3 results for '" + argument + "':\n1. " + s.get(Slot.FRAMEWORK) + " reference: "
                    + s.get(Slot.FEATURE) + "\n2. " + s.get(Slot.LIBRARY) + " guide: " + s.get(Slot.CONCERN)
                    + "\n3. Q&A: " + s.get(Slot.EXCEPTION) + " in " + s.get(Slot.FRAMEWORK);
            case HTTP_REQUEST -> httpOutput(purpose, s, argument, latencyMs, rng);
            case QUERY_DB -> queryOutput(s, argument, rng);
            case RUN_COMMAND -> commandOutput(s, argument, rng);
        };
    }

    static String error(Tool tool, TaskType type, TaskSubject s, String argument, SplittableRandom rng) {
        LanguageProfile lang = s.language;
        return switch (tool) {
            case READ_FILE -> rng.nextInt(4) == 0 ? "file is too large to read at once (2.4 MB); use offset and limit"
                    : "ENOENT: no such file or directory, open '" + argument + '\'';
            case GREP -> argument.contains("(") && !argument.contains("\\(") ? "grep: Unmatched ( or \\("
                    : "grep: " + s.get(Slot.MODULE_DIR) + "/generated: No such file or directory";
            case SEARCH_CODE -> SEARCH_ERRORS.pick(rng).render(s);
            case LIST_DIR -> "ls: cannot access '" + argument + "': No such file or directory";
            case EDIT_FILE -> rng.nextInt(4) == 0 ? "edit failed: " + argument + " is read-only in this checkout"
                    : "edit failed: lines " + s.get(Slot.LINE) + '-' + s.get(Slot.LINE) + " no longer match; " + argument
                    + " changed on disk since it was read";
            case WRITE_FILE -> rng.nextBoolean() ? "EACCES: permission denied, open '" + argument + '\''
                    : "ENOENT: no such file or directory, open '" + argument + "' (parent directory missing)";
            case COMPILE -> pick(lang.compileErrors, rng).render(s);
            case RUN_TESTS -> rng.nextBoolean() ? testFailure(s, 4 + rng.nextInt(300), rng)
                    : pick(lang.runtimeErrors, rng).render(s);
            case RUN_LINTER -> type == TaskType.DOCUMENTATION
                    ? s.get(Slot.DOC_PATH) + ":" + s.get(Slot.LINE) + " MD013/line-length Line length [Expected: 120; Actual: 187]"
                    : pick(lang.lintErrors, rng).render(s);
            case GIT_DIFF -> "fatal: bad revision 'origin/main'";
            case GIT_COMMIT -> COMMIT_ERRORS.pick(rng).render(s);
            case SEARCH_DOCS -> "429 Too Many Requests: docs search rate limit exceeded";
            case HTTP_REQUEST -> rng.nextInt(3) == 0
                    ? "HTTP/1.1 500 Internal Server Error\n" + pick(lang.runtimeErrors, rng).render(s)
                    : HTTP_ERRORS.pick(rng).render(s);
            case QUERY_DB -> DB_ERRORS.pick(rng).render(s);
            case RUN_COMMAND -> COMMAND_ERRORS.pick(rng).render(s);
        };
    }

    private static String fileContent(TaskSubject s, String path, SplittableRandom rng) {
        LanguageProfile lang = s.language;
        if (path.equals(s.get(Slot.SOURCE_PATH))) {
            return SOURCE_HEADS.get(lang).render(s);
        }
        if (path.equals(s.get(Slot.SECOND_PATH))) {
            return SECOND_HEADS.get(lang).render(s);
        }
        if (path.equals(s.get(Slot.TEST_PATH))) {
            return TEST_HEADS.get(lang).render(s);
        }
        if (path.endsWith(".md")) {
            return DOC_HEAD.render(s);
        }
        return path + " (" + (10 + rng.nextInt(200)) + " lines)";
    }

    private static String testFailure(TaskSubject s, int total, SplittableRandom rng) {
        ToolOutputStyle style = s.language.outputStyle;
        int expected = 1 + rng.nextInt(9);
        int actual = rng.nextInt(3) == 0 ? 0 : expected + (rng.nextBoolean() ? 1 : -1);
        return style.testsFailed(total, 1 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : 0),
                s.get(Slot.TEST_CLASS) + '.' + s.get(Slot.TEST_METHOD),
                style.assertion(Integer.toString(expected), Integer.toString(actual)));
    }

    private static String grepOutput(TaskSubject s, String pattern, SplittableRandom rng) {
        int matches = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
        if (matches == 0) {
            return "no matches";
        }
        String text = pattern.replace("\\", "");
        StringBuilder sb = new StringBuilder(200);
        int line = Integer.parseInt(s.get(Slot.LINE));
        for (int i = 0; i < matches; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(i == matches - 1 && matches > 1 ? s.get(Slot.TEST_PATH) : s.get(Slot.SOURCE_PATH))
                    .append(':').append(line + 23 * i).append(":        ").append(text);
            if (!text.endsWith("(")) {
                sb.append(' ');
            }
            sb.append(s.get(Slot.NOUN_VAR)).append(')');
        }
        return sb.toString();
    }

    private static String httpOutput(Purpose purpose, TaskSubject s, String url, long latencyMs, SplittableRandom rng) {
        if (purpose == Purpose.REPRODUCE) {
            return "HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n\n{\"error\":\"internal\",\"trace_id\":\""
                    + s.get(Slot.SHA) + Integer.toHexString(rng.nextInt(0x10000)) + "\"}";
        }
        if (url.startsWith("http")) {
            return "{\"status\":\"success\",\"data\":{\"result\":[{\"metric\":{\"service\":\"" + s.get(Slot.SERVICE)
                    + "\"},\"value\":[1767603600,\"" + (rng.nextInt(2000) / 1000.0) + "\"]}]}}";
        }
        boolean created = s.get(Slot.HTTP_METHOD).equals("POST") && purpose != Purpose.EXPLORE;
        return (created ? "HTTP/1.1 201 Created" : "HTTP/1.1 200 OK") + " (" + latencyMs
                + " ms)\ncontent-type: application/json\n\n{\"items\":[{\"id\":" + (1000 + rng.nextInt(9000)) + ",\""
                + s.get(Slot.COLUMN) + "\":\"...\"}],\"next_cursor\":null}";
    }

    private static String queryOutput(TaskSubject s, String sql, SplittableRandom rng) {
        String table = s.get(Slot.TABLE);
        String column = s.get(Slot.COLUMN);
        if (sql.startsWith("EXPLAIN")) {
            int rows = 1000 + rng.nextInt(5_000_000);
            double ms = (1 + rng.nextInt(900_000)) / 100.0;
            return (rng.nextBoolean() ? "Seq Scan on " + table : "Index Scan using " + table + '_' + column + "_idx on " + table)
                    + "  (cost=0.00.." + rows / 10 + ".00 rows=" + rows + " width=212) (actual time=0.031.." + ms
                    + " rows=" + rows / 3 + " loops=1)\n  Filter: (" + column + " = $1)\nExecution Time: " + ms + " ms";
        }
        if (sql.startsWith("SELECT pg_size")) {
            return " pg_size_pretty\n----------------\n " + (1 + rng.nextInt(400)) + " GB\n(1 row)";
        }
        if (sql.startsWith("SELECT date_trunc")) {
            return "    day     | count\n------------+--------\n 2026-01-04 | " + (1000 + rng.nextInt(900_000))
                    + "\n 2026-01-03 | " + (1000 + rng.nextInt(900_000)) + "\n(14 rows)";
        }
        if (sql.startsWith("SELECT column_name")) {
            return " column_name | data_type\n-------------+----------\n id | bigint\n " + column + " | text\n created_at | timestamptz\n(3 rows)";
        }
        if (sql.startsWith("SELECT count")) {
            return " count\n-------\n " + rng.nextInt(100_000) + "\n(1 row)";
        }
        return " id | " + column + " | status\n----+-----\n " + (10_000 + rng.nextInt(90_000)) + " | ... | active\n("
                + (1 + rng.nextInt(20)) + " rows)";
    }

    private static String commandOutput(TaskSubject s, String command, SplittableRandom rng) {
        String service = s.get(Slot.SERVICE);
        if (command.startsWith("make seed")) {
            return "reproduced:\n" + pick(s.language.runtimeErrors, rng).render(s);
        }
        if (command.startsWith("kubectl top")) {
            return "NAME                         CPU(cores)   MEMORY(bytes)\n" + service + "-7d9f8c6b5-x2k4q   "
                    + (100 + rng.nextInt(1900)) + "m        " + (200 + rng.nextInt(3800)) + "Mi";
        }
        if (command.contains("grep -c")) {
            return Integer.toString(rng.nextInt(5000));
        }
        if (command.startsWith("./profiler.sh")) {
            return "Profiling for 30 seconds\nDone: /tmp/" + service + ".html (" + (2000 + rng.nextInt(60_000)) + " samples)";
        }
        if (command.startsWith("kubectl rollout")) {
            return "deployment \"" + service + "\" successfully rolled out";
        }
        if (command.startsWith("docker compose")) {
            return "Container " + service + "-1  Started\n" + service + "-1  | INFO  started in " + seconds(800 + rng.nextInt(9000)) + " s";
        }
        if (command.startsWith("make format")) {
            return "formatted " + (1 + rng.nextInt(4)) + " files";
        }
        if (command.startsWith("git fetch")) {
            return "From github.com:" + s.get(Slot.ORG) + '/' + service + "\n * branch            main       -> FETCH_HEAD";
        }
        if (command.startsWith("make lock")) {
            return "lock file updated (" + (1 + rng.nextInt(30)) + " packages changed)";
        }
        if (command.startsWith("helm upgrade")) {
            return "Release \"" + service + "\" has been upgraded. Happy Helming!\nREVISION: " + (2 + rng.nextInt(200));
        }
        if (command.startsWith("kubectl get pods")) {
            return "NAME                         READY   STATUS    RESTARTS   AGE\n" + service
                    + "-7d9f8c6b5-x2k4q   1/1     Running   " + rng.nextInt(4) + "          " + (1 + rng.nextInt(30)) + "d";
        }
        return "INFO  " + s.get(Slot.CLASS) + " - processed " + (1 + rng.nextInt(500)) + ' ' + s.get(Slot.NOUNS) + " in "
                + (5 + rng.nextInt(900)) + " ms\nWARN  " + s.get(Slot.CLASS2) + " - retrying " + s.get(Slot.EXTERNAL_API)
                + " call (attempt 2/3)";
    }

    private static Template pick(List<Template> templates, SplittableRandom rng) {
        return templates.get(rng.nextInt(templates.size()));
    }

    /** "12.4" for 12_400 ms. */
    static String seconds(long ms) {
        long tenths = ms / 100;
        return (tenths / 10) + "." + (tenths % 10);
    }
}
