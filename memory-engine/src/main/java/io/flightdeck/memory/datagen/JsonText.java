package io.flightdeck.memory.datagen;

/**
 * Builds the small flat JSON objects that step parameters are ({@code {"path":"src/App.java","limit":200}}),
 * with correct string escaping. A full JSON library would be overkill and slower for a million tiny objects.
 */
final class JsonText {

    private final StringBuilder sb = new StringBuilder(96).append('{');

    JsonText put(String key, String value) {
        key(key);
        quote(value);
        return this;
    }

    JsonText put(String key, long value) {
        key(key);
        sb.append(value);
        return this;
    }

    JsonText put(String key, boolean value) {
        key(key);
        sb.append(value);
        return this;
    }

    String build() {
        return sb.append('}').toString();
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private void key(String key) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        quote(key);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        if (!needsEscape(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
