package io.flightdeck.memory.model;

import io.flightdeck.memory.error.InvalidInputException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a task happens: domain, language, framework, complexity and tags.
 * Tags are normalised on construction (trimmed, lower-case, de-duplicated, order kept) and must be
 * 2–100 characters of {@code [a-z0-9_-]}; anything else is rejected rather than silently dropped.
 * Domain, language and framework are trimmed and lower-cased here; the engine then checks them as names (valid
 * Unicode, no control characters, at most {@code InputLimits.maxNameBytes}), and every field counts toward the
 * whole-episode limit.
 */
public record TaskContext(String domain, String language, String framework, Complexity complexity, List<String> tags) {

    public static final String DEFAULT_DOMAIN = "general";
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{2,100}");

    public TaskContext {
        domain = domain == null || domain.isBlank() ? DEFAULT_DOMAIN : domain.trim().toLowerCase(Locale.ROOT);
        language = blankToNull(language);
        framework = blankToNull(framework);
        complexity = complexity == null ? Complexity.MODERATE : complexity;
        tags = normaliseTags(tags);
    }

    public static TaskContext general() {
        return new TaskContext(DEFAULT_DOMAIN, null, null, Complexity.MODERATE, List.of());
    }

    public static TaskContext of(String domain, String language, String framework, Complexity complexity, String... tags) {
        return new TaskContext(domain, language, framework, complexity, tags == null ? null : Arrays.asList(tags));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> normaliseTags(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String tag : raw) {
            NullChecks.nonNull(tag, "tag");
            String t = tag.trim().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidInputException("tag '" + abbreviate(tag) + "' must be 2-100 characters of [a-z0-9_-] after trimming and lower-casing");
            }
            normalised.add(t);
        }
        return List.copyOf(normalised);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
