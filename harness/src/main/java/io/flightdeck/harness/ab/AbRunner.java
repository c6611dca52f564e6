package io.flightdeck.harness.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.flightdeck.api.Workload;
import io.flightdeck.child.files.AtomicFile;
import io.flightdeck.child.files.Json;
import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.compare.ChangeThresholds;
import io.flightdeck.harness.compare.ChangeVerdict;
import io.flightdeck.harness.env.NoiseMonitor;
import io.flightdeck.harness.env.NoiseReport;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.home.RunIds;
import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.ExitCode;
import io.flightdeck.harness.run.HomeFolders;
import io.flightdeck.harness.run.InputChecks;
import io.flightdeck.harness.run.ProfilingRun;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.runner.ForkOutcome;
import io.flightdeck.harness.runner.ForkedRunner;
import io.flightdeck.harness.runner.RunListener;
import io.flightdeck.harness.runner.RunPlan;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.suite.Suite;

/**
 * {@code flightdeck ab}: the base and head builds compared on this machine, now. Both are built (the base in a
 * cached git worktree), then forks of each run interleaved, round after round in random order, each its own JVM,
 * until every metric is decided or the time is up ({@link AbRounds}). A slow spell of a shared machine then slows
 * both sides of the rounds it falls in, and a comparison of the pairs cancels it; a baseline measured by another
 * machine, or this one at another time, cannot be corrected that way.
 *
 * <p>The forks run without a recording: the comparison's answer is whether it regressed; a run of each side says
 * where the time went.
 */
public final class AbRunner {

    public static final String AB_JSON = "ab.json";
    public static final String AB_MD = "ab.md";
    /** Where the builds of commits are kept, in the home folder. */
    public static final String BUILDS = "ab-builds";

    private AbRunner() {
    }

    /** Runs the comparison and writes ab.json and ab.md into its folder. */
    public static AbResult run(AbOptions o, AbProgress progress) throws IOException {
        if (!(o.alpha() > 0 && o.alpha() < 1)) {
            throw new RunInputException("--alpha " + o.alpha() + ": use a level between 0 and 1, such as 0.05");
        }
        if (o.maxRounds() < 1 || o.maxSeconds() < 1) {
            throw new RunInputException("--max-rounds and --max-time must allow one round at least, were "
                    + o.maxRounds() + " and " + o.maxSeconds() + " s");
        }
        String id = RunIds.askedNow("ab");
        Path out = (o.outputFolder() != null ? o.outputFolder() : Path.of("target", "flightdeck", "ab", id))
                .toAbsolutePath();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new RunInputException("--out " + out + " is a file, not a folder");
        }
        if (Files.isRegularFile(out.resolve(AB_JSON))) {
            throw new RunInputException("--out " + out + " already holds a comparison (" + AB_JSON + "); name "
                    + "another folder");
        }
        ChangeThresholds thresholds = InputChecks.thresholds(o.regressionLimit(), null);
        Home home = HomeFolders.writable(o.home(), "the builds are kept there");
        Path root = RevisionBuilds.repositoryRoot(o.repository().toAbsolutePath());
        RevisionBuilds builds = new RevisionBuilds(root, home.directory().resolve(BUILDS), o.recipe(),
                progress::say);
        RevisionBuilds.Revision baseRev = builds.revision(o.base(), "--base");
        RevisionBuilds.Revision headRev = builds.revision(o.head(), "--head");
        RevisionBuilds.Built base = builds.build(baseRev);
        RevisionBuilds.Built head = builds.build(headRev);

        WorkloadRegistry headRegistry = head.classPath().workloads();
        WorkloadRegistry baseRegistry = base.classPath().workloads();
        Suite suiteBase = InputChecks.suite(o.suite(), headRegistry);
        List<Workload> headWorkloads = o.workloads().isEmpty()
                ? InputChecks.defaults(InputChecks.workloads(headRegistry, suiteBase.workloads()), "runs in a suite")
                : InputChecks.workloads(headRegistry, o.workloads());
        List<String> names = headWorkloads.stream().map(Workload::name).toList();
        List<Workload> baseWorkloads;
        try {
            baseWorkloads = InputChecks.workloads(baseRegistry, names);
        } catch (RunInputException e) {
            throw new RunInputException("the base build " + baseRev.label() + ": " + e.getMessage());
        }
        Map<String, String> parameters = InputChecks.parameters(o.parameters(), headWorkloads);
        try {
            InputChecks.parameters(o.parameters(), baseWorkloads);
        } catch (RunInputException e) {
            throw new RunInputException("the base build " + baseRev.label() + ": " + e.getMessage());
        }
        String gcFlag = InputChecks.gcFlag(o.gc() == null ? "G1" : o.gc());
        Suite suite = settings(o, suiteBase, names);
        Map<String, Integer> cases = InputChecks.cases(o.cases(), headWorkloads, suite.scale());
        try {
            InputChecks.cases(o.cases(), baseWorkloads, suite.scale()); // a label only the head has would run every case of the base
        } catch (RunInputException e) {
            throw new RunInputException("the base build " + baseRev.label() + ": " + e.getMessage());
        }

        Files.createDirectories(out);
        ChildJvm baseJvm = child(o, base, progress);
        ChildJvm headJvm = child(o, head, progress);
        RunPlan basePlan = new RunPlan(id + "-base", out.resolve(Side.BASE.id()), suite, baseWorkloads, parameters,
                o.seed(), gcFlag, false, "profile", false, baseJvm, o.cases());
        RunPlan headPlan = new RunPlan(id + "-head", out.resolve(Side.HEAD.id()), suite, headWorkloads, parameters,
                o.seed(), gcFlag, false, "profile", false, headJvm, o.cases());
        AbRounds.Settings roundSettings = new AbRounds.Settings(o.alpha(), thresholds.limit(), thresholds.noise(),
                o.maxRounds(), Duration.ofSeconds(o.maxSeconds()).toNanos(), o.duet());
        List<List<String>> launchers = o.duet() ? DuetCpus.launchers() : List.of(List.of(), List.of());
        progress.say("comparing " + headRev.label() + " against " + baseRev.label() + ": " + String.join(", ", names)
                + String.format(Locale.ROOT, "; false-alarm level %.3g, regression limit %s, at most %d s; order "
                + "seed %d", o.alpha(), pct(thresholds.limit()), o.maxSeconds(), o.orderSeed())
                + (o.duet() ? "; duet: both forks of a round at once, on " + String.join(" and ",
                launchers.stream().map(l -> "CPUs " + l.get(l.size() - 1)).toList()) : ""));

        Instant started = Instant.now();
        AbRounds.Outcome outcome;
        NoiseReport noise;
        AbRounds rounds;
        try (NoiseMonitor monitor = NoiseMonitor.start(Duration.ofSeconds(1))) {
            RunListener listener = new RunListener() {
                @Override
                public void childStarted(Workload workload, int fork, long pid) {
                    monitor.measure(pid); // the children's CPU is the work, not noise
                }
            };
            // one runner per CPU set: in a duet each pins its forks there; otherwise neither pins anything
            List<ForkedRunner> runners = launchers.stream().map(l -> new ForkedRunner(listener, l)).toList();
            ForkSource forks = (side, workload, round, slot) -> {
                ForkedRunner runner = runners.get(o.duet() ? slot : 0);
                return side == Side.BASE ? runner.runOne(basePlan, find(baseWorkloads, workload), round)
                        : runner.runOne(headPlan, find(headWorkloads, workload), round);
            };
            rounds = new AbRounds(cases, roundSettings, forks, new Random(o.orderSeed()), System::nanoTime,
                    progress);
            outcome = rounds.run();
            noise = monitor.stop();
        }

        ChangeVerdict verdict = verdict(outcome);
        int exit = outcome.regressed() || outcome.failed() ? ExitCode.CHECK_FAILED
                : verdict == ChangeVerdict.INCONCLUSIVE && o.failOnInconclusive() ? ExitCode.CHECK_FAILED
                : ExitCode.OK;
        AbReport report = new AbReport(AbReport.SCHEMA_VERSION, ProfilingRun.TOOL, started, outcome.seconds(),
                revision(base), revision(head), verdict, exit, o.alpha(), rounds.metricAlpha(), thresholds.limit(),
                outcome.rounds(), outcome.stopReason(), outcome.stopReason().text(), o.orderSeed(),
                new AbReport.Settings(suite.name(), suite.scale().name().toLowerCase(Locale.ROOT),
                        suite.warmupIterations(), suite.measurementIterations(), suite.iterationMillis(),
                        suite.heap(), gcFlag, o.seed(), o.jvmArgs(), o.recipe().effectiveCommand(),
                        o.recipe().module(), o.maxSeconds(), o.maxRounds(), o.duet()),
                noise, outcome.workloads());
        String text = AbText.render(report);
        AtomicFile.writeString(out.resolve(AB_MD), text);
        Json.writeAtomically(Json.mapper(), out.resolve(AB_JSON), report); // last: a CI job reads it
        return new AbResult(report, text, out);
    }

    /** What came of a comparison: its report, as text, and its folder. */
    public record AbResult(AbReport report, String text, Path folder) {
        public int exitCode() {
            return report.exitCode();
        }
    }

    static ChangeVerdict verdict(AbRounds.Outcome outcome) {
        List<ChangeVerdict> all = outcome.workloads().stream().map(AbRounds.WorkloadOutcome::verdict).toList();
        if (all.contains(ChangeVerdict.REGRESSED)) {
            return ChangeVerdict.REGRESSED;
        }
        if (all.isEmpty() || all.contains(ChangeVerdict.INCONCLUSIVE)) {
            return ChangeVerdict.INCONCLUSIVE;
        }
        return all.contains(ChangeVerdict.IMPROVED) ? ChangeVerdict.IMPROVED : ChangeVerdict.NO_CHANGE;
    }

    private static AbReport.Revision revision(RevisionBuilds.Built b) {
        return new AbReport.Revision(b.revision().ref(), b.revision().commit(), b.revision().workingTree(),
                b.cached());
    }

    private static Workload find(List<Workload> workloads, String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static ChildJvm child(AbOptions o, RevisionBuilds.Built built, AbProgress progress) {
        return ChildJvms.builder().recording(false).jvmArgs(o.jvmArgs()).userClassPath(built.classPath())
                .home(o.home()).resolve(progress);
    }

    private static Suite settings(AbOptions o, Suite s, List<String> names) {
        String heap = o.heap() != null ? InputChecks.heap(o.heap()) : s.heap();
        return new Suite(s.name(), s.description(), s.scale(), s.coldStartOperations(),
                o.warmup() != null ? o.warmup() : s.warmupIterations(),
                o.iterations() != null ? o.iterations() : s.measurementIterations(),
                o.iterationMillis() != null ? o.iterationMillis() : s.iterationMillis(), 1, heap,
                o.timeoutSeconds() != null ? o.timeoutSeconds() : s.timeoutSeconds(), names, List.of());
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
