package io.flightdeck.harness.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a terminal would obey is shown, not sent; long text is cut or wrapped to the columns it may take. */
class TerminalTextTest {

    /** Clears the screen, sets the window title, then a line break and a right-to-left override. */
    static final String HOSTILE = "evil\u001b[2J\u001b]0;pwned\u0007\nnext\r\u202Edrow\u009b\u007f\ttab";

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        String safe = TerminalText.safe(HOSTILE);
        assertThat(safe).isEqualTo("evil\\e[2J\\e]0;pwned\\x07\\nnext\\r\\u202edrow\\x9b\\x7f\\ttab");
        assertThat(safe.chars()).allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0));
        assertThat(TerminalText.safe("plain µs ✅ − naïve")).isEqualTo("plain µs ✅ − naïve");
        assertThat(TerminalText.safe(null)).isEqualTo("null");
        assertThat(TerminalText.safe(TerminalText.safe(HOSTILE))).isEqualTo(TerminalText.safe(HOSTILE));
    }

    @Test
    void truncationKeepsTheColumnsAndSaysSo() {
        assertThat(TerminalText.truncate("retrieval-scaling", 9)).isEqualTo("retrieva…");
        assertThat(TerminalText.truncate("short", 9)).isEqualTo("short");
        assertThat(TerminalText.width(TerminalText.truncate("✅✅✅✅✅", 6))).isLessThanOrEqualTo(6);
        assertThat(TerminalText.truncate("a\u001b[2Jb", 40)).isEqualTo("a\\e[2Jb");
    }

    @Test
    void wrappingBreaksAtSpacesAndIndentsTheRest() {
        String text = "the JIT compiled for 120 ms during the 400 ms measured: the code was still changing";
        var lines = TerminalText.wrap(text, 30, "  ");
        assertThat(lines).allMatch(l -> TerminalText.width(l) <= 30);
        assertThat(lines.get(1)).startsWith("  ");
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).isEqualTo(text);
        assertThat(TerminalText.wrap("x".repeat(50), 30, "  ")).containsExactly("x".repeat(29) + "…");
        assertThat(TerminalText.wrap("   label  value", 30, "  ")).containsExactly("   label  value");
    }

    @Test
    void emojiTakeTwoColumns() {
        assertThat(TerminalText.width("✅")).isEqualTo(2);
        assertThat(TerminalText.width("⚠️")).isEqualTo(2);
        assertThat(TerminalText.width("−1 ≤ 2 µs")).isEqualTo(9);
    }
}
