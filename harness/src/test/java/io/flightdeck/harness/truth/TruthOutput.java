package io.flightdeck.harness.truth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** How a truth program tells what it did: one JSON line, last on stdout, and into the file its first argument names. */
final class TruthOutput {

    private TruthOutput() {
    }

    static void print(Map<String, Object> truth, String[] args) throws IOException {
        String json = new ObjectMapper().writeValueAsString(truth);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
        System.out.println(json);
    }
}
