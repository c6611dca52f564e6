package io.flightdeck.profiling.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * Runs every rule of JDK Mission Control's automated analysis ({@code flightrecorder.rules.jdk}) on a recording.
 * JMC's parser holds the whole recording in memory, unlike the streaming pass, so recordings above
 * {@link #DEFAULT_MAX_BYTES} are not given to it (the analysis says so); a rule that throws or hangs is a finding
 * of its own, never the end of the analysis.
 */
public final class JmcRules {

    /** JMC's model takes several times the file's size in heap; above this, rules would break a 512 MB budget. */
    public static final long DEFAULT_MAX_BYTES = 48L << 20;
    static final long RULE_TIMEOUT_SECONDS = 60;

    /**
     * JMC logs through java.util.logging (e.g. "Could not find field with name 'virtual'" on JDK 21+ recordings); that
     * is not our output. Held in a field: java.util.logging keeps loggers weakly, and a collected logger forgets its
     * level.
     */
    private static final Logger JMC_LOG = Logger.getLogger("org.openjdk.jmc");

    static {
        JMC_LOG.setLevel(Level.SEVERE);
    }

    private JmcRules() {
    }

    public static RuleAnalysis evaluate(Path file, long maxBytes) {
        return evaluate(file, maxBytes, RuleRegistry.getRules());
    }

    /** The same with the given rules instead of every registered one (tests plant a failing rule this way). */
    static RuleAnalysis evaluate(Path file, long maxBytes, Collection<IRule> ruleSet) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return RuleAnalysis.skipped(String.format("the recording (%,d MB) is larger than the %,d MB JMC's "
                        + "in-memory rules are given", size >> 20, maxBytes >> 20));
            }
        } catch (IOException e) {
            return RuleAnalysis.skipped("cannot read the file: " + e.getMessage());
        }
        IItemCollection items;
        try {
            items = JfrLoaderToolkit.loadEvents(file.toFile());
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            return RuleAnalysis.skipped("JMC could not load the recording: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ')));
        }
        List<IRule> rules = new ArrayList<>(ruleSet);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(rules, items,
                IPreferenceValueProvider.DEFAULT_VALUES, threads);
        List<RuleFinding> findings = new ArrayList<>();
        for (Map.Entry<IRule, Future<IResult>> e : futures.entrySet()) {
            findings.add(finding(e.getKey(), e.getValue()));
        }
        findings.sort(Comparator.comparing((RuleFinding f) -> f.score() == null ? -1 : f.score()).reversed()
                .thenComparing(RuleFinding::id));
        return new RuleAnalysis(true, null, List.copyOf(findings));
    }

    private static RuleFinding finding(IRule rule, Future<IResult> future) {
        try {
            IResult result = future.get(RULE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            IQuantity score = result.getResult(TypedResult.SCORE);
            String message = result.getSummary() == null ? null
                    : ResultToolkit.populateMessage(result, result.getSummary(), false);
            return new RuleFinding(rule.getId(), rule.getName(), rule.getTopic(), result.getSeverity().name(),
                    score == null ? null : score.doubleValue(), message == null ? null : plain(message));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(rule, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replace('\n', ' ')));
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(rule, "did not finish within " + RULE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(rule, "interrupted");
        } catch (RuntimeException e) { // a rule's result that cannot be read is that rule's failure only
            return failed(rule, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** JMC's messages keep MessageFormat's doubled quotes ('' for '); a report wants the text. */
    static String plain(String message) {
        return message.replace("''", "'").strip();
    }

    private static RuleFinding failed(IRule rule, String why) {
        return new RuleFinding(rule.getId(), rule.getName(), rule.getTopic(), RuleFinding.ERROR, null,
                "the rule failed: " + why);
    }
}
