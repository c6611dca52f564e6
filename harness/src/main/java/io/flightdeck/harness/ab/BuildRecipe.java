package io.flightdeck.harness.ab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a checkout of the project is built and which class path its workloads then run on. The default builds a Maven
 * module with everything it needs ({@code -pl MODULE -am package}) and asks Maven for the module's runtime class
 * path in the same reactor, so a sibling module's classes come from this checkout, never from the local repository.
 * Any other build (Gradle, a script) is a command and a class path of the user's.
 *
 * @param command   run with {@code sh -c} in the checkout; null for Maven's
 * @param classPath entries separated by {@link File#pathSeparator}, relative to the checkout ({@code dir/*} for
 *                  every jar in dir); null for the module's classes and Maven's class path file
 * @param module    the Maven module that holds the workloads, relative to the checkout; "." for the root
 * @param maven     the mvn executable for Maven's command
 */
public record BuildRecipe(String command, String classPath, String module, String maven) {

    /** Where Maven's build leaves the module's runtime class path, relative to the module. */
    static final String CLASS_PATH_FILE = "target/flightdeck-ab.classpath";
    /** Pinned so every project gets the same goal, whatever its own pom says. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    public BuildRecipe {
        module = module == null || module.isBlank() ? "." : module;
        if (command != null && classPath == null) {
            throw new io.flightdeck.harness.run.RunInputException("--build-command needs --classpath: where in the "
                    + "built checkout the workloads and their libraries are");
        }
    }

    /** Deletes the class path file Maven's build writes, before a build: an old one must not pass for a new one's. */
    void clearClassPathFile(Path checkout) throws java.io.IOException {
        if (classPath == null) {
            Files.deleteIfExists(checkout.resolve(module).normalize().resolve(CLASS_PATH_FILE));
        }
    }

    /** The mvn this program was started by when it was (exec:java, a plugin goal), else the PATH's. */
    public static String currentMaven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    /** The command as it will run. */
    public String effectiveCommand() {
        if (command != null) {
            return command;
        }
        List<String> words = new ArrayList<>(List.of(quote(maven), "-B", "-q", "-ntp", "-DskipTests", "package",
                DEPENDENCY_PLUGIN + ":build-classpath", "-Dmdep.outputFile=" + CLASS_PATH_FILE,
                "-Dmdep.includeScope=runtime"));
        if (!".".equals(module)) {
            words.addAll(List.of("-pl", quote(module), "-am"));
        }
        return String.join(" ", words);
    }

    /** The class path text in a built checkout, before it is parsed: Maven's, or the user's. */
    String classPathIn(Path checkout) throws java.io.IOException {
        if (classPath != null) {
            List<String> entries = new ArrayList<>();
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    Path p = Path.of(entry);
                    entries.add(p.isAbsolute() ? entry : checkout.resolve(entry).toString());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        Path moduleDir = checkout.resolve(module).normalize();
        Path file = moduleDir.resolve(CLASS_PATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new java.io.IOException("the build left no class path file " + file);
        }
        String deps = Files.readString(file).strip();
        String classes = moduleDir.resolve("target/classes").toString();
        return deps.isEmpty() ? classes : classes + File.pathSeparator + deps;
    }

    /** What makes one build of a commit differ from another: part of the cache's key. */
    String key(String javaHome) {
        return effectiveCommand() + "\n" + classPath + "\n" + module + "\n" + javaHome;
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
