package io.flightdeck.memory.validation;

import io.flightdeck.memory.error.InputLimitExceededException;
import io.flightdeck.memory.error.InvalidInputException;

/**
 * What any text the engine keeps must be. Every text is valid Unicode: an unpaired UTF-16 surrogate has no UTF-8
 * form, so a durable store would keep it as '?' and give back something other than what it acknowledged.
 * A <em>name</em> (tool, domain, language, framework, metadata key) is also short, not blank and free of control
 * characters: names become index terms and pattern keys and are printed on one line. Free text (outputs,
 * messages, actions) may hold newlines, tabs and escape sequences: tools print them.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Rejects text holding an unpaired surrogate; {@code what} names the field in the message. */
    public static void requireWellFormed(String what, CharSequence text) {
        measure(what, text);
    }

    /**
     * The UTF-8 length of valid Unicode text, in one pass.
     *
     * @throws InvalidInputException when the text holds an unpaired surrogate
     */
    public static long measure(String what, CharSequence text) {
        int n = text.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // the pair is 2 chars and 4 bytes
                i++;
            } else {
                throw new InvalidInputException(what + " holds an unpaired UTF-16 surrogate (U+" + hex(c)
                        + " at index " + i + "); text must be valid Unicode");
            }
        }
        return bytes;
    }

    /**
     * Checks a name: not blank, valid Unicode, at most {@code maxBytes} UTF-8 bytes, no control characters.
     *
     * @return its UTF-8 length
     */
    public static long requireName(String what, String name, long maxBytes) {
        if (name.isBlank()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        long bytes = measure(what, name);
        if (bytes > maxBytes) {
            throw new InputLimitExceededException(what, bytes, maxBytes, "bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(what + " must not hold control characters (U+" + hex(c)
                        + " at index " + i + ")");
            }
        }
        return bytes;
    }

    /**
     * Checks free text: valid Unicode, at most {@code maxBytes} UTF-8 bytes.
     *
     * @return its UTF-8 length
     */
    public static long requireText(String what, String text, long maxBytes) {
        long bytes = measure(what, text);
        if (bytes > maxBytes) {
            throw new InputLimitExceededException(what, bytes, maxBytes, "bytes");
        }
        return bytes;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
