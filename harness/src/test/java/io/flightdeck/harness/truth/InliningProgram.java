package io.flightdeck.harness.truth;

import java.util.HashMap;
import java.util.Map;

import io.flightdeck.harness.testworkloads.InliningWorkload;

/**
 * {@link InliningWorkload}'s operation in a plain loop, without the harness, so that a test can record it with and
 * without {@code -XX:+DebugNonSafepoints}. A fixed number of operations, so that the sample count follows the work
 * done, not the machine's speed; prints the count (as JSON, like the other programs).
 */
public final class InliningProgram {

    static final int OPERATIONS = 5_000;

    public static void main(String[] args) throws java.io.IOException {
        Map<Integer, Integer> map = new HashMap<>();
        int s = 1;
        for (int i = 0; i < OPERATIONS; i++) {
            s = InliningWorkload.churn(map, s);
        }
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("program", "inlining", "operations", OPERATIONS, "last", s));
        if (args.length > 0) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), json);
        }
        System.out.println(json);
    }
}
