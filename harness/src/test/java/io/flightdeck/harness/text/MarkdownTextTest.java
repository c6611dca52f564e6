package io.flightdeck.harness.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Names in Markdown stay names: no markup, no entity, no broken table row. */
class MarkdownTextTest {

    @Test
    void punctuationEntitiesAndLineBreaksAreEscaped() {
        assertThat(MarkdownText.escape("a & b <i>x</i> | *bold* _it_ [l](u) `c` \\ #1 ~s~"))
                .isEqualTo("a &amp; b &lt;i&gt;x&lt;/i&gt; \\| \\*bold\\* \\_it\\_ \\[l\\](u) \\`c\\` \\\\ \\#1 \\~s\\~");
        assertThat(MarkdownText.escape("&lt;script&gt; &#x202E;")).isEqualTo("&amp;lt;script&amp;gt; &amp;\\#x202E;");
        assertThat(MarkdownText.escape("one\ntwo\r\nthree")).isEqualTo("one two three");
        assertThat(MarkdownText.escape("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.escape("12. item")).isEqualTo("12\\. item");
        assertThat(MarkdownText.escape("esc\u001b[2J")).isEqualTo("esc\\\\e\\[2J");
        assertThat(MarkdownText.escape(null)).isEmpty();
    }

    @Test
    void codeSpansOutlastTheBackticksInside() {
        assertThat(MarkdownText.code("default")).isEqualTo("`default`");
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("`x``")).isEqualTo("``` `x`` ```");
        assertThat(MarkdownText.code("a\nb")).isEqualTo("`a b`");
    }

    @Test
    void codeBlocksCannotBeClosedFromInside() {
        String block = MarkdownText.codeBlock("text", List.of("line", "```", "````x", "a\nb"));
        assertThat(block).startsWith("`````text\n").endsWith("\n`````\n");
        assertThat(block.lines()).hasSize(6);
        assertThat(block).contains("a\\nb");
    }

    @Test
    void linkTargetsStayInsideTheLink() {
        assertThat(MarkdownText.link("cpu [graph]", "a b/c)d<e>.html"))
                .isEqualTo("[cpu \\[graph\\]](a%20b/c%29d%3Ce%3E.html)");
    }
}
