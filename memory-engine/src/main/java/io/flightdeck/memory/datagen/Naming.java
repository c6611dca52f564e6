package io.flightdeck.memory.datagen;

import java.util.Locale;

/**
 * Identifier casing conventions, so a Python task talks about {@code apply_discount} and a Go task about
 * {@code ApplyDiscount}. Inputs are PascalCase parts ("Apply", "Discount") or a PascalCase word.
 */
enum Naming {
    /** Java, Kotlin, TypeScript, JavaScript, Scala methods. */
    CAMEL,
    /** Python, Rust, Ruby functions. */
    SNAKE,
    /** Go exported functions, C# methods. */
    PASCAL;

    /** Method-style identifier from PascalCase parts. */
    String method(String... pascalParts) {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < pascalParts.length; i++) {
            String p = pascalParts[i];
            if (p.isEmpty()) {
                continue;
            }
            switch (this) {
                case CAMEL -> sb.append(sb.length() == 0 ? decapitalise(p) : p);
                case PASCAL -> sb.append(p);
                case SNAKE -> {
                    if (sb.length() > 0) {
                        sb.append('_');
                    }
                    sb.append(snake(p));
                }
            }
        }
        return sb.toString();
    }

    /** "LineItem" -> "line_item". */
    static String snake(String pascal) {
        return separated(pascal, '_');
    }

    /** "LineItem" -> "line-item". */
    static String kebab(String pascal) {
        return separated(pascal, '-');
    }

    /** "LineItem" -> "line item", as the word reads in a sentence. */
    static String words(String pascal) {
        return separated(pascal, ' ');
    }

    /** "LineItem" -> "lineItem". */
    static String decapitalise(String pascal) {
        if (pascal.isEmpty() || Character.isLowerCase(pascal.charAt(0))) {
            return pascal;
        }
        // keep acronyms readable: "SMS" -> "sms", "Sms" -> "sms"
        int upperRun = 0;
        while (upperRun < pascal.length() && Character.isUpperCase(pascal.charAt(upperRun))) {
            upperRun++;
        }
        if (upperRun > 1 && upperRun < pascal.length()) {
            upperRun--; // "URLParser" -> "urlParser"
        }
        return pascal.substring(0, upperRun).toLowerCase(Locale.ROOT) + pascal.substring(upperRun);
    }

    /** English plural of a lower-case phrase; only the last word changes ("line item" -> "line items"). */
    static String plural(String phrase) {
        int n = phrase.length();
        if (n == 0) {
            return phrase;
        }
        char last = phrase.charAt(n - 1);
        if (last == 'y' && n > 1 && "aeiou".indexOf(phrase.charAt(n - 2)) < 0) {
            return phrase.substring(0, n - 1) + "ies";
        }
        if (last == 's' || last == 'x' || phrase.endsWith("ch") || phrase.endsWith("sh")) {
            return phrase + "es";
        }
        return phrase + 's';
    }

    private static String separated(String pascal, char sep) {
        StringBuilder sb = new StringBuilder(pascal.length() + 4);
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean boundary = i > 0 && (Character.isLowerCase(pascal.charAt(i - 1))
                        || (i + 1 < pascal.length() && Character.isLowerCase(pascal.charAt(i + 1))
                        && Character.isUpperCase(pascal.charAt(i - 1))));
                if (boundary) {
                    sb.append(sep);
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
