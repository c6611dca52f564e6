package io.flightdeck.harness.cli;

import java.util.Map;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import io.flightdeck.harness.run.ChildJvms;
import io.flightdeck.harness.run.LeakCheckOptions;
import io.flightdeck.harness.run.RunInputException;
import io.flightdeck.harness.run.RunOptions;
import io.flightdeck.harness.sampler.Sampler;

/**
 * What the options of every command accept, in one table, checked for the options a command line gives before its
 * command runs: so before any child JVM starts or any file is written. An option is known by its name, which
 * means the same kind of value in every command that has it. A value the rule refuses is a usage error (exit 2).
 * Values with syntax of their own (sizes, durations, percentages) are read, and their ranges checked, where they
 * are parsed; paths are checked by {@link PathConverter}.
 */
final class OptionRules {

    /** {@code --forks}: JVMs per workload; a baseline wants 4, and 64 already takes a day on a quick suite. */
    static final int MAX_FORKS = RunOptions.MAX_FORKS;
    /** {@code --warmup}: warm-up iterations per case (a case may run up to 7 times as many while still warming). */
    static final int MAX_WARMUP = RunOptions.MAX_WARMUP;
    /** {@code --iterations}: measured iterations per case. */
    static final int MAX_ITERATIONS = RunOptions.MAX_ITERATIONS;
    /** {@code --iteration-ms}: an hour. */
    static final long MAX_ITERATION_MILLIS = RunOptions.MAX_ITERATION_MILLIS;
    /** {@code --cold-start}: each operation's time is kept, in memory and in the result. */
    static final int MAX_COLD_START = RunOptions.MAX_COLD_START;
    /** {@code --timeout}: a week, in seconds. */
    static final long MAX_TIMEOUT_SECONDS = RunOptions.MAX_TIMEOUT_SECONDS;
    /** {@code env --sample}: an hour, in seconds. */
    static final int MAX_SAMPLE_SECONDS = 3_600;
    /** {@code analyze --top}: rows per ranking. */
    static final int MAX_TOP = 1_000;
    /** {@code leak-check --checkpoint-ms}: each checkpoint is a full collection; an hour apart at most. */
    static final long MAX_CHECKPOINT_MILLIS = LeakCheckOptions.MAX_CHECKPOINT_MILLIS;

    /** {@code leak-check --duration}: a day, in seconds. */
    static final long MAX_LEAK_DURATION_SECONDS = LeakCheckOptions.MAX_DURATION_SECONDS;
    /** {@code leak-check}: checkpoints a duration and a checkpoint interval give, a day of them a second apart. */
    static final int MAX_CHECKPOINTS = LeakCheckOptions.MAX_CHECKPOINTS;

    /** What one option's value must be; {@link #problem} says what is wrong with one, or null when it is fine. */
    interface Rule {
        String problem(Object value);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    record Range(long min, long max) implements Rule {
        @Override
        public String problem(Object value) {
            long n = ((Number) value).longValue();
            return n >= min && n <= max ? null : "must be from " + min + " to " + max + ", was " + value;
        }
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("--forks", new Range(1, MAX_FORKS)),
            Map.entry("--warmup", new Range(0, MAX_WARMUP)),
            Map.entry("--iterations", new Range(1, MAX_ITERATIONS)),
            Map.entry("--iteration-ms", new Range(1, MAX_ITERATION_MILLIS)),
            Map.entry("--cold-start", new Range(0, MAX_COLD_START)),
            Map.entry("--timeout", new Range(1, MAX_TIMEOUT_SECONDS)),
            Map.entry("--sample", new Range(0, MAX_SAMPLE_SECONDS)),
            Map.entry("--top", new Range(1, MAX_TOP)),
            Map.entry("--checkpoint-ms", new Range(1, MAX_CHECKPOINT_MILLIS)),
            Map.entry("--jfr-settings", JfrSettingsFile::problem),
            Map.entry("--sampler", Sampler::problem),
            Map.entry("--cpu-interval", value -> problem(() -> ChildJvms.cpuInterval((String) value))),
            Map.entry("--alloc-interval", value -> problem(() -> ChildJvms.allocInterval((String) value))),
            Map.entry("--wall-interval", value -> problem(() -> ChildJvms.wallInterval((String) value))));

    /** What a library's parser refuses, as a rule's problem: its message without the option's name. */
    private static String problem(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (RunInputException e) {
            String message = e.getMessage();
            return message.startsWith("--") && message.indexOf(' ') > 0 ? message.substring(message.indexOf(' ') + 1)
                    : message;
        }
    }

    private OptionRules() {
    }

    /** The rule of an option, by its longest name; null for an option without one. */
    static Rule of(String option) {
        return RULES.get(option);
    }

    /**
     * Checks every option given on the command line, of the top level and of each subcommand.
     *
     * @throws ParameterException naming the first option whose value its rule refuses
     */
    static void check(ParseResult parseResult) {
        for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
            for (OptionSpec option : command.matchedOptions()) {
                Rule rule = RULES.get(option.longestName());
                Object value = option.getValue();
                String problem = rule == null || value == null ? null : rule.problem(value);
                if (problem != null) {
                    throw new ParameterException(command.commandSpec().commandLine(),
                            option.longestName() + " " + problem);
                }
            }
        }
    }
}
