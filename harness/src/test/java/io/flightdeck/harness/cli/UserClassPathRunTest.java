package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.api.Workload;
import io.flightdeck.child.files.Json;
import io.flightdeck.harness.report.ForkReport;
import io.flightdeck.harness.report.RunReport;
import io.flightdeck.harness.runner.ChildRuntime;

/**
 * A user's project with its own versions of Jackson, SLF4J and logback (other than Flightdeck's; harness/pom.xml
 * copies them into target/user-project-libs) runs through {@code --classpath}: its session fails unless it sees
 * exactly the versions it was built against, in the child, while Flightdeck's child code keeps its own.
 */
class UserClassPathRunTest {

    private static final String WORKLOAD = "user-jackson";

    @TempDir
    static Path project;

    static String classPath;

    @BeforeAll
    static void buildTheUserProject() throws Exception {
        Path libs = Path.of(System.getProperty("user-project.libs"));
        List<Path> jars = libraries();
        assertThat(jars).hasSize(6);
        Path src = project.resolve("src/userproject/JacksonWorkload.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source(System.getProperty("user-project.jackson.version"),
                System.getProperty("user-project.slf4j.version"), System.getProperty("user-project.logback.version")));
        Path classes = project.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/" + Workload.class.getName()), "userproject.JacksonWorkload\n");
        String compileClassPath = Stream.concat(Stream.of(codeSource(Workload.class)), jars.stream())
                .map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-classpath", compileClassPath,
                "-d", classes.toString(), src.toString());
        assertThat(compiled).isZero();
        // the user's classes as a folder, their libraries as a folder of jars: both forms of --classpath
        classPath = classes + File.pathSeparator + libs + File.separator + "*";
    }

    @Test
    void aWorkloadUsingItsOwnJacksonAndLogbackRunsOnItsClassPath(@TempDir Path out) throws Exception {
        CommandLineRunner r = CommandLineRunner.run("run", "-w", WORKLOAD, "--classpath", classPath, "--forks", "1",
                "--warmup", "0", "--iterations", "2", "--iteration-ms", "50", "--heap", "128m", "--no-jfr",
                "--no-history", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        ForkReport fork = Json.mapper().readValue(out.resolve("report.json").toFile(), RunReport.class)
                .workloads().get(0).forks().get(0);
        String childClassPath = fork.command().get(fork.command().indexOf("-cp") + 1);
        List<String> entries = List.of(childClassPath.split(File.pathSeparator));
        List<String> users = Stream.concat(Stream.of(project.resolve("classes")), libraries().stream())
                .map(Path::toString).toList();
        assertThat(entries.subList(0, users.size())).isEqualTo(users); // the user's entries first, in their order
        assertThat(entries).noneMatch(e -> e.endsWith(Path.of("harness", "target", "classes").toString()));
        String built = System.getProperty(ChildRuntime.BUILD_PROPERTY);
        if (built != null && Files.isRegularFile(Path.of(built))) { // mvn verify: then the relocated runtime jar only
            assertThat(entries.subList(users.size(), entries.size()))
                    .containsExactly(Path.of(built).toAbsolutePath().toString());
            try (JarFile jar = new JarFile(built)) {
                assertThat(jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("com/fasterxml/") || n.startsWith("org/slf4j/")
                                || n.startsWith("org/HdrHistogram/") || n.startsWith("org/openjdk/jol/")
                                || n.startsWith("ch/qos/logback/")))
                        .as("unrelocated classes a user's class path could clash with").isEmpty();
            }
        }
    }

    @Test
    void listShowsTheUsersWorkloadsOnly() {
        CommandLineRunner r = CommandLineRunner.run("list", "--classpath", classPath);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(WORKLOAD).contains("uses its own Jackson").doesNotContain("test-sum");
    }

    @Test
    void aMissingClassPathEntryIsAUsageError() {
        String missing = project.resolve("no-such.jar").toString();
        CommandLineRunner.run("list", "--classpath", classPath + File.pathSeparator + missing)
                .assertUsage("--classpath: no such jar or folder: " + missing);
        CommandLineRunner.run("run", "-w", WORKLOAD, "--classpath", missing, "--no-history")
                .assertUsage("--classpath: no such jar or folder: " + missing);
        CommandLineRunner.run("leak-check", "-w", WORKLOAD, "--classpath", project.resolve("nowhere") + "/*",
                "--no-history").assertUsage("--classpath: no such folder: ");
    }

    /** The user project's libraries, as the JVM lists {@code dir/*}: every jar in the folder. */
    private static List<Path> libraries() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("user-project.libs")))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String source(String jackson, String slf4j, String logback) {
        return """
                package userproject;

                import java.util.List;
                import java.util.Map;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.cfg.PackageVersion;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                import io.flightdeck.api.Scale;
                import io.flightdeck.api.Session;
                import io.flightdeck.api.Workload;
                import io.flightdeck.api.WorkloadCase;
                import io.flightdeck.api.WorkloadContext;

                /** Fails unless the Jackson, SLF4J and logback it runs with are the ones it was built against. */
                public final class JacksonWorkload implements Workload {
                    public String name() { return "%s"; }
                    public String description() { return "uses its own Jackson %s and logback %s"; }
                    public String operationUnit() { return "document"; }
                    public List<WorkloadCase> cases(Scale scale) { return List.of(WorkloadCase.ofSize(10)); }

                    public Session open(WorkloadContext context, WorkloadCase workloadCase) {
                        expect("Jackson", PackageVersion.VERSION.toString(), "%s");
                        expect("SLF4J", jarOf(LoggerFactory.class), "slf4j-api-%s.jar");
                        Logger log = LoggerFactory.getLogger(JacksonWorkload.class);
                        expect("SLF4J's provider", LoggerFactory.getILoggerFactory().getClass().getName(),
                                "ch.qos.logback.classic.LoggerContext");
                        expect("logback", jarOf(LoggerFactory.getILoggerFactory().getClass()), "logback-classic-%s.jar");
                        log.debug("session opened");
                        ObjectMapper json = new ObjectMapper();
                        return thread -> json.writeValueAsString(Map.of("size", workloadCase.size()));
                    }

                    private static String jarOf(Class<?> c) {
                        String path = c.getProtectionDomain().getCodeSource().getLocation().getPath();
                        return path.substring(path.lastIndexOf('/') + 1);
                    }

                    private static void expect(String what, String actual, String expected) {
                        if (!actual.equals(expected)) {
                            throw new IllegalStateException(what + " is " + actual + ", not " + expected);
                        }
                    }
                }
                """.formatted(WORKLOAD, jackson, logback, jackson, slf4j, logback);
    }
}
