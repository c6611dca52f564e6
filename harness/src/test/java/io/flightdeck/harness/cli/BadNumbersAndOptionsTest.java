package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import io.flightdeck.child.workload.WorkloadRegistry;

/**
 * Numbers out of range, empty paths, unusable JFR settings, workload parameters and budgets naming what does not
 * exist: each is a usage error (exit 2, one line) before any JVM starts or any run folder is made. The sweeps over
 * every command go by the command line's model, so an option added later is covered too.
 */
class BadNumbersAndOptionsTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("run");
    }

    private void assertNothingRan() {
        assertThat(out()).doesNotExist();
    }

    @Test
    void hugeCountsThatRanUntilKilledAreRefused() {
        CommandLineRunner.run("run", "--forks", "2147483647", "-o", out().toString())
                .assertUsage("--forks must be from 1 to " + OptionRules.MAX_FORKS + ", was 2147483647");
        CommandLineRunner.run("env", "--sample", "2147483647")
                .assertUsage("--sample must be from 0 to " + OptionRules.MAX_SAMPLE_SECONDS);
        CommandLineRunner.run("run", "--cold-start", "2147483647", "-o", out().toString()).assertUsage("--cold-start");
        CommandLineRunner.run("run", "--warmup", "500000000", "-o", out().toString()).assertUsage("--warmup");
        CommandLineRunner.run("run", "--iteration-ms", "9223372036854775807", "-o", out().toString())
                .assertUsage("--iteration-ms");
        CommandLineRunner.run("run", "--timeout", "-1", "-o", out().toString()).assertUsage("--timeout");
        assertNothingRan();
    }

    @Test
    void everyRangedOptionOfEveryCommandRefusesValuesJustOutsideIt() {
        int checked = 0;
        for (CommandLine command : Flightdeck.commandLine().getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (OptionRules.of(option.longestName()) instanceof OptionRules.Range range) {
                    for (long bad : new long[] {range.min() - 1, range.max() + 1}) {
                        List<String> args = withRequired(command);
                        args.add(option.longestName());
                        args.add(Long.toString(bad));
                        CommandLineRunner r = CommandLineRunner.run(args.toArray(String[]::new));
                        r.assertUsage(option.longestName() + " must be from " + range.min() + " to " + range.max());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(18); // run's six, env, analyze, leak-check: each both ways
    }

    @Test
    void everyPathOfEveryCommandRefusesAnEmptyOne() {
        int checked = 0;
        for (CommandLine command : Flightdeck.commandLine().getSubcommands().values()) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (arg.type() != Path.class) {
                    continue;
                }
                for (String empty : new String[] {"", "  "}) {
                    List<String> args = withRequired(command, arg);
                    if (arg instanceof OptionSpec option) {
                        args.add(option.longestName());
                        args.add(empty);
                    } else {
                        args.add(((PositionalParamSpec) arg).index().min() + 1, empty);
                    }
                    CommandLineRunner r = CommandLineRunner.run(args.toArray(String[]::new));
                    r.assertUsage("an empty path");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2 * 10);
        assertThat(Files.exists(Path.of("report.json"))).isFalse();
    }

    @Test
    void anOutputFolderNamedEmptyIsRefusedByEveryCommandThatWrites() {
        for (String command : List.of("run", "leak-check")) {
            CommandLineRunner.run(command, "-o", "").assertUsage("Invalid value for option '--out': an empty path");
        }
    }

    @Test
    void aRepeatedOptionIsRefused() {
        CommandLineRunner.run("run", "--forks", "2", "--forks", "3").assertUsage("should be specified only once");
        CommandLineRunner.run("run", "-o", out().toString(), "--out", dir.resolve("b").toString())
                .assertUsage("only once");
        assertNothingRan();
    }

    @Test
    void aJfrSettingsFileJfrCannotReadIsRefusedBeforeAnyJvmStarts() throws Exception {
        Path settings = dir.resolve("broken.jfc");
        Files.writeString(settings, "<configuration version=\"2.0\"><event name=\"jdk.CPULoad\">");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--jfr-settings", settings.toString(),
                "-o", out().toString());
        r.assertUsage("--jfr-settings " + settings + " is not a JFR settings file JFR can read");
        CommandLineRunner.run("run", "--jfr-settings", dir.toString(), "-o", out().toString())
                .assertUsage("(this is a folder)");
        CommandLineRunner.run("run", "--jfr-settings", "", "-o", out().toString()).assertUsage("--jfr-settings");
        assertNothingRan();
    }

    @Test
    void theJdksOwnSettingsFilesAreAccepted() {
        assertThat(JfrSettingsFile.problem("profile")).isNull();
        Path jdkDefault = Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc");
        assertThat(JfrSettingsFile.problem(jdkDefault.toString())).isNull();
    }

    @Test
    void aWorkloadParameterItCannotReadIsRefusedBeforeAnyJvmStarts() {
        CommandLineRunner.run("leak-check", "-w", "test-knob", "--param", "slow=abc",
                "-o", out().toString()).assertUsage("--param slow 'abc': use true or false (workload test-knob)");
        CommandLineRunner.run("run", "-w", "test-knob", "--param", "slow=",
                "-o", out().toString()).assertUsage("slow ''");
        CommandLineRunner.run("run", "-w", "test-knob", "--param", "=5", "-o", out().toString())
                .assertUsage("--param =5: name the parameter");
        assertNothingRan();
    }

    @Test
    void aBudgetNamingACaseThatDoesNotExistIsRefused() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [
                  { "workload": "test-sum", "case": "size=1000", "metric": "p95", "max": "10s" },
                  { "workload": "test-sum", "case": "size=10000", "metric": "p95", "max": "10s" } ] }""");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--budgets", budgets.toString(),
                "-o", out().toString());
        r.assertUsage("workload 'test-sum' has no case 'size=10000' (known: size=1000, size=8000)");
        assertNothingRan();
    }

    @Test
    void aBudgetNamingAMetricThatDoesNotExistIsRefused() throws Exception {
        Path budgets = dir.resolve("budgets.json");
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [
                  { "workload": "test-sum", "metric": "p59", "max": 5 } ] }""");
        CommandLineRunner r = CommandLineRunner.run("run", "-w", "test-sum", "--budgets", budgets.toString(),
                "-o", out().toString());
        r.assertUsage("workload 'test-sum' has no metric 'p59'");
        assertThat(r.err()).contains("p95", "throughput", "array-bytes");
        // a workload's own figure and a leak check's are known
        Files.writeString(budgets, """
                { "schemaVersion": 1, "budgets": [
                  { "workload": "test-sum", "metric": "array-bytes", "max": "1MiB" },
                  { "workload": "test-steady", "metric": "leak-bytes-per-op", "max": "16B" } ] }""");
        assertThat(io.flightdeck.harness.run.InputChecks.budgets(budgets, WorkloadRegistry.load()).budgets()).hasSize(2);
        assertNothingRan();
    }

    @Test
    void aLeakCheckLongerThanADayOrWithTooManyCheckpointsIsRefused() {
        CommandLineRunner.run("leak-check", "--duration", "25h", "-o", out().toString())
                .assertUsage("longer than a day");
        CommandLineRunner.run("leak-check", "--duration", "9999999h", "-o", out().toString())
                .assertUsage("longer than a day");
        CommandLineRunner.run("leak-check", "--duration", "24h", "--checkpoint-ms", "1", "-o", out().toString())
                .assertUsage("at most " + OptionRules.MAX_CHECKPOINTS);
        assertNothingRan();
    }

    /** The command's name and what it requires, so that its parsing gets as far as the option under test. */
    private static List<String> withRequired(CommandLine command, ArgSpec... except) {
        List<String> args = new ArrayList<>(List.of(command.getCommandName()));
        List<ArgSpec> skipped = List.of(except);
        for (PositionalParamSpec p : command.getCommandSpec().positionalParameters()) {
            if (p.required() && !skipped.contains(p)) {
                args.add("x");
            }
        }
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.required() && !skipped.contains(o)) {
                args.addAll(List.of(o.longestName(), "x"));
            }
        }
        return args;
    }
}
