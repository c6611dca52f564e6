package io.flightdeck.flamegraphs.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.FoldedFormat;
import io.flightdeck.flamegraphs.FrameCategory;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;

/** The page as a file: what it embeds. Its behaviour in a browser is FlameGraphPageTest's. */
class HtmlFlameGraphTest {

    static String page(CallTree tree) throws IOException {
        StringWriter out = new StringWriter();
        HtmlFlameGraph.write(tree, GraphInfo.of("t", "CPU", WeightUnit.SAMPLES), out);
        return out.toString();
    }

    static String data(String page) throws IOException {
        return HtmlFlameGraph.embeddedJson(page);
    }

    /** The nodes array of the embedded data, as numbers. */
    static List<Long> nodes(String json) throws IOException {
        List<Long> nodes = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("nodes")) {
                    parser.nextToken();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        nodes.add(parser.getLongValue());
                    }
                }
            }
        }
        return nodes;
    }

    @Test
    void harnessFramesHaveTheirOwnCategoryAndLegendEntry() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of("io.flightdeck.child.CaseRunner$WorkerPool.work(Session)", "com.acme.Op.run()"), 3);
        String json = data(page(tree));
        // the palette the legend is drawn from names every category, the harness's included, in ordinal order
        List<String> labels = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("label")) {
                    labels.add(parser.nextTextValue());
                }
            }
        }
        assertThat(labels).containsExactly(java.util.Arrays.stream(FrameCategory.values()).map(FrameCategory::label)
                .toArray(String[]::new)).contains("harness");
        // one category digit per name: the harness frame's and the application's differ
        assertThat(json).contains("\"categories\":\"");
        String digits = json.substring(json.indexOf("\"categories\":\"") + 14);
        digits = digits.substring(0, digits.indexOf('"'));
        assertThat(digits).contains(String.valueOf(FrameCategory.HARNESS.ordinal()))
                .contains(String.valueOf(FrameCategory.APPLICATION.ordinal()));
    }

    @Test
    void theEmbeddedSelfWeightsSumToTheInput() throws IOException {
        CallTree tree = FoldedFormat.read(new StringReader("main;a 3\nmain;b;c 5\nmain 2\nx 9007199254740\n"));
        List<Long> nodes = nodes(data(page(tree)));
        long sum = 0;
        for (int i = 2; i < nodes.size(); i += 3) {
            sum += nodes.get(i);
        }
        assertThat(sum).isEqualTo(3 + 5 + 2 + 9007199254740L);
        assertThat(nodes).hasSize(3 * (tree.nodeCount() + 1));
    }

    @Test
    void eachNameIsStoredOnceFrontCodedAndThePageIsPacked() throws IOException {
        CallTree tree = new CallTree();
        for (int i = 0; i < 500; i++) {
            tree.add(List.of("java.lang.Thread.run()", "com.acme.VeryLongServiceName.handleRequest(Request)", "leaf" + i), 1);
        }
        String page = page(tree);
        String json = data(page);
        assertThat(json.split("VeryLongServiceName", -1)).hasSize(2);
        assertThat(json).contains("\"namePrefixes\":[");
        assertThat(page).doesNotContain("VeryLongServiceName"); // gzipped in Base64
    }

    @Test
    void frontCodingNeverSplitsASurrogatePair() {
        String a = "x\uD83D\uDE00a";
        String b = "x\uD83D\uDE01b"; // the same high surrogate, another low one
        assertThat(PageData.sharedPrefix(a, b)).isEqualTo(1);
        assertThat(PageData.sharedPrefix("abc", "abd")).isEqualTo(2);
        assertThat(PageData.sharedPrefix("", "abd")).isZero();
    }

    @Test
    void markupInNamesIsEscapedInsideTheDataBlock() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of("</script><script>alert(1)</script>", "a & b", "<!--"), 1);
        String json = data(page(tree));
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(json).contains("\\u003C/script\\u003E");
    }

    @Test
    void onlyThePagesOwnScriptMayRun() throws IOException {
        String page = page(new CallTree());
        assertThat(page).containsPattern("script-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=';");
        assertThat(page).doesNotContain("text/x-flamegraph-main").doesNotContain("/*FLAMEGRAPH-CODE*/");
        assertThat(page).doesNotContain("unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n<meta name=\"x")
                .doesNotContain("{{SCRIPT-HASH}}").doesNotContain("/*FLAMEGRAPH-DATA*/");
        assertThat(page).doesNotContainPattern("(?i)(src|href)=\"https?:");
    }
}
