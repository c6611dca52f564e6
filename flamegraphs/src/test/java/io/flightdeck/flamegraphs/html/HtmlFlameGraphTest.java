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
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;

/** The page as a file: what it embeds. Its behaviour in a browser is FlameGraphPageTest's. */
class HtmlFlameGraphTest {

    static String page(CallTree tree) throws IOException {
        StringWriter out = new StringWriter();
        HtmlFlameGraph.write(tree, GraphInfo.of("t", "CPU", WeightUnit.SAMPLES), out);
        return out.toString();
    }

    static String data(String page) {
        String open = "<script type=\"application/json\" id=\"flamegraph-data\">";
        int start = page.indexOf(open) + open.length();
        return page.substring(start, page.indexOf("</script>", start));
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
    void eachNameIsStoredOnce() throws IOException {
        CallTree tree = new CallTree();
        for (int i = 0; i < 500; i++) {
            tree.add(List.of("java.lang.Thread.run()", "com.acme.VeryLongServiceName.handleRequest(Request)", "leaf" + i), 1);
        }
        String page = page(tree);
        assertThat(page.split("VeryLongServiceName", -1)).hasSize(2);
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
        assertThat(page).containsPattern("script-src 'sha256-[A-Za-z0-9+/]{43}='");
        assertThat(page).doesNotContain("unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n<meta name=\"x")
                .doesNotContain("{{SCRIPT-HASH}}").doesNotContain("/*FLAMEGRAPH-DATA*/");
        assertThat(page).doesNotContainPattern("(?i)(src|href)=\"https?:");
    }
}
