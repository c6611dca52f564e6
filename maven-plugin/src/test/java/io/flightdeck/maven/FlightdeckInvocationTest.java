package io.flightdeck.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flightdeck.harness.run.CompareOptions;
import io.flightdeck.harness.run.LeakCheckOptions;
import io.flightdeck.harness.run.RunOptions;

/** The goals' parameters as the run library receives them, and bad input as the build's one line. */
class FlightdeckInvocationTest {

    @TempDir
    Path dir;

    private MavenProject project;

    @BeforeEach
    void project() throws Exception {
        project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(Files.createDirectory(dir.resolve("classes")).toString());
        project.getBuild().setTestOutputDirectory(dir.resolve("test-classes").toString()); // not there: left out
    }

    private <M extends AbstractFlightdeckMojo> M mojo(M mojo) {
        mojo.project = project;
        mojo.classpathScope = "test";
        mojo.home = dir.resolve("home").toFile();
        mojo.outputDirectory = dir.resolve("flightdeck").toFile();
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    private static void child(AbstractWorkloadMojo m, String workloads) {
        m.workloads = List.of(workloads);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("capacity", "64");
        m.params = params;
        m.budgets = new File("budgets.json");
        m.sampler = "jfr";
        m.jvmArgs = "-Xss2m -Dk='a b'";
        m.heap = "512m";
        m.noHistory = true;
    }

    @Test
    void everyRunParameterReachesTheLibrary() {
        RunMojo m = mojo(new RunMojo());
        child(m, "lru-cache, other");
        m.suite = "standard";
        m.forks = 1;
        m.warmup = 2;
        m.iterations = 3;
        m.iterationMs = 200L;
        m.timeout = 60L;
        m.baseline = "main";
        m.saveBaseline = "next";
        m.regressionLimit = "5%";
        m.busyCores = "0.5";
        m.failOnInconclusive = true;
        m.noConfirm = true;

        RunOptions o = m.options().build();

        assertThat(o.suite()).isEqualTo("standard");
        assertThat(o.workloads()).containsExactly("lru-cache", "other");
        assertThat(o.parameters()).containsExactly(Map.entry("capacity", "64"));
        assertThat(o.budgetsFile()).isEqualTo(Path.of("budgets.json"));
        assertThat(o.heap()).isEqualTo("512m");
        assertThat(o.history()).isFalse();
        assertThat(List.of(o.forks(), o.warmupIterations(), o.measurementIterations())).containsExactly(1, 2, 3);
        assertThat(o.iterationMillis()).isEqualTo(200L);
        assertThat(o.timeoutSeconds()).isEqualTo(60L);
        assertThat(List.of(o.baseline(), o.saveBaseline(), o.regressionLimit())).containsExactly("main", "next", "5%");
        assertThat(o.confirm()).isFalse();
        assertThat(o.busyCores()).isEqualTo("0.5");
        assertThat(o.failOnInconclusive()).isTrue();
        assertThat(o.arguments()).containsExactly("flightdeck:run", "workloads=lru-cache,other", "params.capacity=64",
                "budgets=budgets.json", "sampler=jfr", "jvmArgs=-Xss2m -Dk='a b'", "heap=512m", "noHistory=true",
                "suite=standard", "forks=1", "warmup=2", "iterations=3", "iterationMs=200", "timeout=60",
                "baseline=main", "saveBaseline=next", "regressionLimit=5%", "busyCores=0.5", "failOnInconclusive=true",
                "noConfirm=true");
        assertThat(m.childJvm()).isNotNull();
    }

    @Test
    void aRunWithNoParametersTakesTheLibrarysDefaults() {
        RunOptions o = mojo(new RunMojo()).options().build();
        RunOptions defaults = RunOptions.builder().build();

        assertThat(o.suite()).isEqualTo(defaults.suite());
        assertThat(o.workloads()).isEmpty();
        assertThat(o.forks()).isNull();
        assertThat(o.heap()).isNull();
        assertThat(o.history()).isTrue();
        assertThat(o.confirm()).isTrue();
        assertThat(o.busyCores()).isNull();
        assertThat(o.failOnInconclusive()).isFalse();
        assertThat(o.arguments()).containsExactly("flightdeck:run");
    }

    @Test
    void leakCheckParametersAreReadAsTheCommandLineReadsThem() {
        LeakCheckMojo m = mojo(new LeakCheckMojo());
        child(m, "lru-cache");
        m.duration = "10s";
        m.checkpointMs = 500L;
        m.limitBytesPerOp = "16";
        m.limitBytesPerS = "64KiB";

        LeakCheckOptions o = m.options().build();

        assertThat(o.workloads()).containsExactly("lru-cache");
        assertThat(o.durationSeconds()).isEqualTo(10);
        assertThat(o.checkpointMillis()).isEqualTo(500);
        assertThat(o.limitBytesPerOperation()).isEqualTo(16.0);
        assertThat(o.limitBytesPerSecond()).isEqualTo(65_536.0);
        assertThat(o.heap()).isEqualTo("512m");
        assertThat(o.history()).isFalse();
        assertThat(mojo(new LeakCheckMojo()).options().build().heap()).isEqualTo("1g");
    }

    @Test
    void compareSidesAreTheProjectsFoldersOrBaselineNames() throws Exception {
        Files.createDirectories(dir.resolve("target/flightdeck/runs/r1"));
        CompareMojo m = mojo(new CompareMojo());
        m.baseline = "main";
        m.current = "target/flightdeck/runs/r1";
        m.regressionLimit = "10%";
        m.busyCores = "1.5";
        m.failOnInconclusive = true;

        CompareOptions o = m.options().build();

        assertThat(o.baseline()).isEqualTo("main");
        assertThat(o.current()).isEqualTo(dir.resolve("target/flightdeck/runs/r1").toString());
        assertThat(o.regressionLimit()).isEqualTo("10%");
        assertThat(o.busyCores()).isEqualTo("1.5");
        assertThat(o.failOnInconclusive()).isTrue();
    }

    @Test
    void profileJmhTakesTheComparisonGate() {
        ProfileJmhMojo m = mojo(new ProfileJmhMojo());
        m.busyCores = "0.75";
        m.failOnInconclusive = true;

        io.flightdeck.harness.run.JmhOptions o = m.options().build();

        assertThat(o.busyCores()).isEqualTo("0.75");
        assertThat(o.failOnInconclusive()).isTrue();
        assertThat(o.arguments()).contains("busyCores=0.75", "failOnInconclusive=true");
    }

    @Test
    void aBadBusyCoresIsOneLine() {
        CompareMojo compare = mojo(new CompareMojo());
        compare.baseline = "main";
        compare.current = "r1";
        compare.busyCores = "0";
        assertThatThrownBy(compare::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("flightdeck: --busy-cores '0': use a number of CPU cores above 0 and at most 4096");
        RunMojo run = mojo(new RunMojo());
        run.busyCores = "many";
        assertThatThrownBy(run::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("flightdeck: --busy-cores 'many': use a number of CPU cores such as 0.25");
    }

    @Test
    void anUnknownWorkloadFailsTheBuildWithOneLineAndLeavesNoFolder() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        RunMojo m = mojo(new RunMojo());
        m.workloads = List.of("no-such-workload");
        m.failOnCheck = false;

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessageStartingWith("flightdeck: ").hasMessageContaining("unknown workload 'no-such-workload'");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(dir.resolve("flightdeck/runs")).doesNotExist();
    }

    @Test
    void badChildOptionsAreOneLineBeforeAnythingRuns() {
        RunMojo run = mojo(new RunMojo());
        run.workloads = List.of("no-such-workload"); // refused later: these come first
        run.jvmArgs = "-Dx='open";
        assertThatThrownBy(run::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("flightdeck: --jvm-args '-Dx='open': ").hasMessageContaining("unbalanced");

        LeakCheckMojo leak = mojo(new LeakCheckMojo());
        leak.sampler = "perf";
        assertThatThrownBy(leak::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("flightdeck: --sampler 'perf': use auto, async-profiler, jfr-cpu-time or jfr");

        LeakCheckMojo soon = mojo(new LeakCheckMojo());
        soon.duration = "soon";
        assertThatThrownBy(soon::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("flightdeck: --duration 'soon': use a time such as 60s, 5m or 1h");
    }

    /** resultsUrl reaches the library as --results-url does: a URL with a password is refused, never echoed. */
    @Test
    void aResultsUrlIsTheCommandLinesAndItsSecretIsNeverEchoed() {
        assertThatThrownBy(compareWithStore("jdbc:postgresql://127.0.0.1:1/results?password=hunter2")::execute)
                .isInstanceOf(MojoExecutionException.class).hasMessageStartingWith("flightdeck: --results-url: ")
                .hasMessageContaining("password").hasMessageNotContaining("hunter2");
        assertThatThrownBy(compareWithStore("mysql://db/results")::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("flightdeck: --results-url: ");
        assertThat(dir.resolve("flightdeck")).doesNotExist();
    }

    private CompareMojo compareWithStore(String url) {
        CompareMojo compare = mojo(new CompareMojo());
        compare.baseline = "main";
        compare.current = "next";
        compare.resultsUrl = url;
        return compare;
    }

    /** Every parameter of every goal is one the library takes: what it refuses is the input, not an option. */
    @Test
    void everyParameterOfEveryGoalIsAcceptedAndTheInputRefused() throws Exception {
        Files.writeString(dir.resolve("budgets.json"), "{ \"schemaVersion\": 1, \"budgets\": [] }");
        RunMojo run = mojo(new RunMojo());
        child(run, "no-such-workload");
        run.budgets = dir.resolve("budgets.json").toFile();
        run.suite = "quick";
        run.forks = 1;
        run.baseline = "main";
        run.saveBaseline = "next";
        run.regressionLimit = "5%";
        LeakCheckMojo leak = mojo(new LeakCheckMojo());
        child(leak, "no-such-workload");
        leak.budgets = dir.resolve("budgets.json").toFile();
        leak.duration = "10s";
        leak.checkpointMs = 500L;
        leak.limitBytesPerOp = "16";
        leak.limitBytesPerS = "64KiB";
        CompareMojo compare = mojo(new CompareMojo());
        compare.baseline = "no-such-baseline";
        compare.current = "no-such-run";
        compare.regressionLimit = "5%";
        compare.budgets = dir.resolve("budgets.json").toFile();

        assertThatThrownBy(run::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown workload 'no-such-workload'");
        assertThatThrownBy(leak::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown workload 'no-such-workload'");
        assertThatThrownBy(compare::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("flightdeck: ").hasMessageContaining("no-such-baseline");
    }

    @Test
    void theAbGoalBuildsItsOwnModuleFromTheRepositorysTopAndRefusesAnUnknownBase() throws Exception {
        Process init = new ProcessBuilder("git", "init", "-q", dir.toString()).redirectErrorStream(true).start();
        assertThat(init.waitFor()).isZero();
        Path module = Files.createDirectories(dir.resolve("benchmarks"));
        MavenProject inModule = new MavenProject();
        inModule.setFile(module.resolve("pom.xml").toFile());
        AbMojo ab = mojo(new AbMojo());
        ab.project = inModule;
        ab.base = "no-such-branch";
        ab.suite = "quick";
        ab.maxTime = "5m";
        ab.maxRounds = 50;
        ab.alpha = 0.01;
        ab.cases = List.of("size=1000");

        io.flightdeck.harness.ab.AbOptions o = ab.options();
        assertThat(o.recipe().module()).isEqualTo("benchmarks");
        assertThat(o.recipe().effectiveCommand()).contains("package", "-pl benchmarks -am",
                "maven-dependency-plugin:3.8.1:build-classpath");
        assertThat(o.maxSeconds()).isEqualTo(300);
        assertThat(o.cases()).containsExactly("size=1000");
        assertThat(o.alpha()).isEqualTo(0.01);
        assertThatThrownBy(ab::execute).isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessageStartingWith("flightdeck: --base no-such-branch: no such commit in ");
        // ab keeps no results: a resultsUrl set for the whole plugin is left aside with a line, not refused
        ab.resultsUrl = "jdbc:postgresql://127.0.0.1/results";
        assertThatThrownBy(ab::execute).isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessageStartingWith("flightdeck: --base no-such-branch: no such commit in ");
        assertThat(((RecordingLog) ab.getLog()).lines).anyMatch(l -> l.contains("resultsUrl is not used: ab keeps"));
    }
}
