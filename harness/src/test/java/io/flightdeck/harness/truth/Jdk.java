package io.flightdeck.harness.truth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A JDK to run a truth program on: the tests' own (17 by default) or the Temurin 25 of this machine kind. */
record Jdk(String label, Path java, int feature) {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /** The JDK running the tests. */
    static Jdk current() {
        return new Jdk("JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature());
    }

    /** JDK 25 if it is installed where this machine kind keeps it. */
    static Optional<Jdk> jdk25() {
        return Files.isExecutable(TEMURIN_25) ? Optional.of(new Jdk("JDK 25", TEMURIN_25, 25)) : Optional.empty();
    }
}
