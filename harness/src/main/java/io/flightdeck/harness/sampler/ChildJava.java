package io.flightdeck.harness.sampler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The java executable the child JVMs run on, and what its flags depend on: its feature version (FootprintProbe's
 * flags, {@code --enable-native-access} from 22, {@code jdk.CPUTimeSample} from 25), version and vendor (the
 * environment's fingerprint: a baseline from another JDK is another environment).
 *
 * @param executable the java launcher
 * @param feature    e.g. 17 or 25
 * @param version    {@code java.version}, e.g. "25.0.1"
 * @param vendor     {@code java.vm.vendor}
 * @param javaHome   {@code java.home}
 * @param explicit   true when {@code --java} chose it, false for the command's own JDK
 */
public record ChildJava(Path executable, int feature, String version, String vendor, String javaHome,
                        boolean explicit) {

    /** A launcher that answers {@code -version} within this is not one a run can use. */
    private static final long PROBE_SECONDS = 60;

    /** The JDK this command runs on. */
    public static ChildJava current() {
        Path home = Path.of(System.getProperty("java.home"));
        return new ChildJava(home.resolve("bin").resolve("java"), Runtime.version().feature(),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"), home.toString(), false);
    }

    /**
     * The java that {@code --java} names: a java executable or a JDK home (its bin/java). It is run once with
     * {@code -XshowSettings:properties -version} to learn its version.
     *
     * @throws IllegalArgumentException with the one line a user sees when it is not a runnable java
     */
    public static ChildJava resolve(String given) {
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + given + "' is not a path: " + e.getMessage());
        }
        Path exe = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
        if (!Files.isRegularFile(exe)) {
            throw new IllegalArgumentException("'" + given + "': no such java executable"
                    + (Files.isDirectory(path) ? " (no bin/java in that folder)" : ""));
        }
        if (!Files.isExecutable(exe)) {
            throw new IllegalArgumentException("'" + exe + "' is not executable");
        }
        Map<String, String> props = properties(exe.toAbsolutePath());
        String spec = props.get("java.specification.version");
        String version = props.get("java.version");
        if (spec == null || version == null) {
            throw new IllegalArgumentException("'" + given + "' did not say its version: not a runnable java");
        }
        int feature;
        try {
            feature = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + given + "' gave version '" + spec + "': not a runnable java");
        }
        if (feature < 17) {
            throw new IllegalArgumentException("'" + given + "' is Java " + version + ": Flightdeck needs 17 or later");
        }
        return new ChildJava(exe.toAbsolutePath(), feature, version, props.get("java.vm.vendor"),
                props.get("java.home"), true);
    }

    /** The settings a java prints for {@code -XshowSettings:properties -version}, by name (on stderr). */
    static Map<String, String> properties(Path exe) {
        Process p;
        try {
            p = new ProcessBuilder(exe.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + exe + "' could not be run: " + e.getMessage());
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException("'" + exe + "' did not answer -version within " + PROBE_SECONDS
                        + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalArgumentException("'" + exe + "' -version exited with code " + p.exitValue()
                        + ": not a runnable java");
            }
            Map<String, String> props = new HashMap<>();
            for (String line : out.split("\\R")) {
                int eq = line.indexOf(" = ");
                if (eq > 0 && line.startsWith("    ") && !line.startsWith("        ")) {
                    props.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
                }
            }
            return props;
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalArgumentException("'" + exe + "' could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while asking '" + exe + "' its version");
        }
    }

    /** "25.0.1 (Eclipse Adoptium, /usr/lib/jvm/…/bin/java)". */
    public String describe() {
        return version + " (" + vendor + ", " + executable + ")";
    }
}
