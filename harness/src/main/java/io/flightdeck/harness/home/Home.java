package io.flightdeck.harness.home;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flightdeck's home folder: what outlives a run folder and {@code mvn clean} — saved baselines and the run history.
 * By default {@value #FOLDER} at the project root (the nearest folder up from the working directory that holds
 * {@code .git}, else the working directory); {@code --home DIR} or {@code FLIGHTDECK_HOME} put it elsewhere.
 */
public record Home(Path directory) {

    public static final String FOLDER = ".flightdeck";
    public static final String ENVIRONMENT_VARIABLE = "FLIGHTDECK_HOME";

    /** The home the options and environment ask for: {@code explicit} if given, else the variable, else the default. */
    public static Home resolve(Path explicit) {
        if (explicit != null) {
            return new Home(explicit.toAbsolutePath().normalize());
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Home(Path.of(fromEnvironment).toAbsolutePath().normalize());
        }
        return new Home(projectRoot(Path.of("").toAbsolutePath()).resolve(FOLDER));
    }

    /** The nearest folder from {@code start} up that holds {@code .git}; {@code start} itself when none does. */
    static Path projectRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return start;
    }

    public Path baselines() {
        return directory.resolve("baselines");
    }

    public Path history() {
        return directory.resolve("history.jsonl");
    }
}
