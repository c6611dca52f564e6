package io.flightdeck.harness.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The tests' helper processes print "child PID" once they have started a child JVM; this reads it. */
public final class AnnouncedChild {

    private AnnouncedChild() {
    }

    public static long pid(Process parent) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("child ")) {
                return Long.parseLong(line.substring("child ".length()).strip());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the process ended without starting a child:\n" + seen);
    }
}
