package io.flightdeck.memory.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into index terms: lower-case runs of letters and digits, with identifiers also split at
 * camel-case humps ({@code OrderService.checkout} gives {@code orderservice, order, service, checkout}) so that
 * "order service" finds {@code OrderService}. English stop words and one-character runs are dropped.
 */
public final class Tokenizer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "do", "for", "from", "has", "have", "in", "into", "is",
            "it", "its", "of", "on", "or", "so", "that", "the", "their", "then", "there", "this", "to", "was", "we",
            "were", "when", "where", "which", "while", "with", "why", "how", "what", "after", "before", "all", "any",
            "but", "if", "not", "no", "our", "can", "should", "would", "will", "up", "out", "via");

    private Tokenizer() {
    }

    /** The terms of {@code text} in order, repeats kept (their count is the term frequency). */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>(16);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                addRun(text, start, i, out);
            }
        }
        return out;
    }

    private static void addRun(String text, int start, int end, List<String> out) {
        addTerm(text.substring(start, end).toLowerCase(Locale.ROOT), out);
        // camel-case parts, only when the run has an inner upper-case letter after a lower-case one
        int partStart = start;
        boolean split = false;
        for (int i = start + 1; i < end; i++) {
            if (Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1))) {
                addTerm(text.substring(partStart, i).toLowerCase(Locale.ROOT), out);
                partStart = i;
                split = true;
            }
        }
        if (split) {
            addTerm(text.substring(partStart, end).toLowerCase(Locale.ROOT), out);
        }
    }

    private static void addTerm(String term, List<String> out) {
        if (term.length() >= 2 && !STOP_WORDS.contains(term)) {
            out.add(term);
        }
    }
}
