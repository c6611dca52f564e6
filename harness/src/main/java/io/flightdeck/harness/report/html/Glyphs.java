package io.flightdeck.harness.report.html;

/**
 * The terminal and report.md mark verdicts with emoji (✅ ⚠️ ❌); a browser without an emoji font (a server, a CI
 * runner, many Linux desktops) draws those as empty boxes. The page uses the plain dingbats every common font has.
 */
final class Glyphs {

    private Glyphs() {
    }

    /** {@code text} with the verdict emoji replaced by ✔ ⚠ ✘ ?. */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("✅", "✔").replace("⚠️", "⚠").replace("❌", "✘").replace("❔", "?");
    }
}
