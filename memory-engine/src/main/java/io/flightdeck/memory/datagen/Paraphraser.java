package io.flightdeck.memory.datagen;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rewrites a description the way a person asking about the same task later would: another leading verb
 * ("Fix" becomes "Resolve"), a few synonyms ("endpoint" becomes "route"), no ticket number or follow-up
 * sentence, sometimes terse ("fix NullPointerException in OrderService.checkout"), sometimes a question
 * ("how did we ..."). The names that identify the task (classes, endpoints, exceptions) are kept, which is
 * what makes it a near-duplicate rather than a new query.
 */
final class Paraphraser {

    private Paraphraser() {
    }

    // Looked up only, never iterated: the output cannot depend on map order.
    private static final Map<String, List<String>> LEADING_VERBS = Map.ofEntries(
            Map.entry("fix", List.of("resolve", "repair", "patch")),
            Map.entry("add", List.of("implement", "introduce")),
            Map.entry("implement", List.of("add", "build")),
            Map.entry("investigate", List.of("look into", "dig into")),
            Map.entry("refactor", List.of("restructure", "clean up")),
            Map.entry("write", List.of("create", "add")),
            Map.entry("document", List.of("write docs for", "describe")),
            Map.entry("create", List.of("add", "set up")),
            Map.entry("find", List.of("figure out", "determine")),
            Map.entry("resolve", List.of("fix")),
            Map.entry("debug", List.of("investigate", "troubleshoot")),
            Map.entry("remove", List.of("delete", "drop")),
            Map.entry("upgrade", List.of("bump", "update")),
            Map.entry("replace", List.of("swap out")),
            Map.entry("make", List.of("change")),
            Map.entry("analyse", List.of("investigate", "examine")),
            Map.entry("profile", List.of("benchmark")),
            Map.entry("audit", List.of("review")),
            Map.entry("review", List.of("go over", "inspect")),
            Map.entry("explain", List.of("describe")),
            Map.entry("migrate", List.of("move", "port")),
            Map.entry("split", List.of("break up")),
            Map.entry("increase", List.of("raise")),
            Map.entry("stabilise", List.of("fix", "deflake")),
            Map.entry("estimate", List.of("assess")),
            Map.entry("measure", List.of("quantify")),
            Map.entry("compare", List.of("evaluate")),
            Map.entry("update", List.of("refresh", "revise")),
            Map.entry("configure", List.of("set up")),
            Map.entry("rotate", List.of("renew")),
            Map.entry("move", List.of("migrate")),
            Map.entry("extend", List.of("enhance")),
            Map.entry("support", List.of("add support for")),
            Map.entry("build", List.of("create")),
            Map.entry("set", List.of("configure")),
            Map.entry("track", List.of("hunt")),
            Map.entry("clean", List.of("tidy")),
            Map.entry("delete", List.of("remove")),
            Map.entry("deduplicate", List.of("merge")),
            Map.entry("consolidate", List.of("merge")),
            Map.entry("put", List.of("place")),
            Map.entry("gate", List.of("guard")));

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("endpoint", "route"),
            Map.entry("tests", "test cases"),
            Map.entry("bug", "issue"),
            Map.entry("latency", "response time"),
            Map.entry("errors", "failures"),
            Map.entry("error", "failure"),
            Map.entry("crash", "failure"),
            Map.entry("job", "task"),
            Map.entry("flaky", "unstable"),
            Map.entry("intermittently", "sometimes"),
            Map.entry("concurrent", "parallel"),
            Map.entry("incorrect", "wrong"),
            Map.entry("deprecated", "obsolete"),
            Map.entry("docs", "documentation"),
            Map.entry("service", "microservice"),
            Map.entry("codebase", "repository"),
            Map.entry("throws", "raises"),
            Map.entry("skips", "misses"),
            Map.entry("fails", "breaks"),
            Map.entry("returns", "gives"),
            Map.entry("logic", "code"),
            Map.entry("alerts", "alarms"));

    /** A near-duplicate of {@code description}: always different text, same identifying names. */
    static String nearDuplicate(String description, SplittableRandom rng) {
        String text = rewrite(description, rng);
        if (text.equalsIgnoreCase(description)) {
            text = "how did we " + lowerFirst(dropArticles(firstSentence(description)));
        }
        return text;
    }

    /** A light rewrite of an already rephrased description: query style, not necessarily different. */
    static String asQuery(String description, SplittableRandom rng) {
        String text = stripTicket(firstSentence(description));
        if (rng.nextInt(3) == 0) {
            text = dropArticles(text);
        }
        if (rng.nextInt(8) == 0) {
            text = "how did we " + lowerFirst(text);
        }
        return text;
    }

    private static String rewrite(String description, SplittableRandom rng) {
        String text = rng.nextInt(10) < 8 ? firstSentence(description) : description;
        text = stripTicket(text);
        String[] words = text.split(" ");
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String lower = w.toLowerCase(Locale.ROOT);
            String replacement = null;
            if (i == 0) {
                List<String> verbs = LEADING_VERBS.get(lower);
                if (verbs != null && rng.nextInt(10) < 8) {
                    replacement = verbs.get(rng.nextInt(verbs.size()));
                    if (Character.isUpperCase(w.charAt(0))) {
                        replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
                    }
                }
            } else {
                String synonym = SYNONYMS.get(lower);
                if (synonym != null && rng.nextBoolean()) {
                    replacement = synonym;
                }
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(replacement != null ? replacement : w);
        }
        text = sb.toString();
        if (rng.nextBoolean()) {
            text = dropArticles(text);
        }
        int style = rng.nextInt(10);
        if (style == 0) {
            text = "how did we " + lowerFirst(text);
        } else if (style == 1) {
            text = "similar to: " + lowerFirst(text);
        } else if (style < 5) {
            text = lowerFirst(text);
        }
        return text;
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end);
    }

    private static String stripTicket(String text) {
        int open = text.lastIndexOf(" (");
        return open > 0 && text.endsWith(")") && text.indexOf('-', open) > 0 ? text.substring(0, open) : text;
    }

    private static String dropArticles(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String w : text.split(" ")) {
            if (w.equalsIgnoreCase("the") || w.equalsIgnoreCase("a") || w.equalsIgnoreCase("an")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.length() == 0 ? text : sb.toString();
    }

    private static String lowerFirst(String text) {
        if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
            return text;
        }
        // keep identifiers such as "OrderService" or "GET" intact
        int firstSpace = text.indexOf(' ');
        String firstWord = firstSpace < 0 ? text : text.substring(0, firstSpace);
        for (int i = 1; i < firstWord.length(); i++) {
            if (Character.isUpperCase(firstWord.charAt(i))) {
                return text;
            }
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
