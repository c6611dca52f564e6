package io.flightdeck.memory.datagen;

import java.util.SplittableRandom;

/**
 * The tools an agent calls, with how long a call plausibly takes and how many tokens it costs. Latencies
 * are drawn log-uniformly between the bounds: most greps are quick, a few are slow, as in real traces.
 * A call that times out took the tool's whole timeout.
 */
enum Tool {
    READ_FILE("read_file", 4, 80, 150, 2_500, 10_000),
    GREP("grep", 20, 300, 40, 600, 30_000),
    SEARCH_CODE("search_code", 80, 1_200, 80, 900, 30_000),
    LIST_DIR("list_dir", 3, 40, 30, 300, 10_000),
    EDIT_FILE("edit_file", 10, 120, 200, 1_800, 10_000),
    WRITE_FILE("write_file", 10, 150, 300, 3_000, 10_000),
    COMPILE("compile", 2_000, 20_000, 60, 600, 120_000),
    RUN_TESTS("run_tests", 1_500, 90_000, 80, 900, 300_000),
    RUN_LINTER("run_linter", 500, 8_000, 50, 500, 60_000),
    GIT_DIFF("git_diff", 20, 400, 100, 1_200, 10_000),
    GIT_COMMIT("git_commit", 80, 1_500, 60, 300, 30_000),
    SEARCH_DOCS("search_docs", 300, 2_500, 150, 1_500, 20_000),
    HTTP_REQUEST("http_request", 40, 3_000, 80, 900, 30_000),
    QUERY_DB("query_db", 5, 5_000, 60, 1_000, 60_000),
    RUN_COMMAND("run_command", 100, 30_000, 60, 800, 120_000);

    final String id;
    private final double logMinMs;
    private final double logSpan;
    private final int minTokens;
    private final int maxTokens;
    final long timeoutMs;

    Tool(String id, long minMs, long maxMs, int minTokens, int maxTokens, long timeoutMs) {
        this.id = id;
        this.logMinMs = Math.log(minMs);
        this.logSpan = Math.log(maxMs) - Math.log(minMs);
        this.minTokens = minTokens;
        this.maxTokens = maxTokens;
        this.timeoutMs = timeoutMs;
    }

    long latencyMs(SplittableRandom rng) {
        return Math.round(Math.exp(logMinMs + rng.nextDouble() * logSpan));
    }

    int tokens(SplittableRandom rng) {
        return minTokens + rng.nextInt(maxTokens - minTokens + 1);
    }
}
