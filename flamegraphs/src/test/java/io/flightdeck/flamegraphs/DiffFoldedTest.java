package io.flightdeck.flamegraphs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class DiffFoldedTest {

    static CallTree tree(String folded) throws IOException {
        return FoldedFormat.read(new StringReader(folded));
    }

    static String diff(CallTree baseline, CallTree current) throws IOException {
        StringWriter out = new StringWriter();
        DiffFolded.write(baseline, current, out);
        return out.toString();
    }

    @Test
    void writesEveryStackOfEitherProfileWithBothWeights() throws IOException {
        String out = diff(tree("main;a 4\nmain;b 6\n"), tree("main;a 1\nmain;c;d 9\n"));
        assertThat(out).isEqualTo("main;a 4 1\nmain;b 6 0\nmain;c;d 0 9\n");
    }

    @Test
    void aProfileAgainstItselfHasEqualColumns() throws IOException {
        CallTree tree = tree("main;a 4\nmain;b;c 6\nx 2\n");
        for (String line : diff(tree, tree).split("\n")) {
            String[] parts = line.split(" ");
            assertThat(parts[parts.length - 2]).as(line).isEqualTo(parts[parts.length - 1]);
        }
    }

    @Test
    void readingTheDiffTakesTheCurrentColumnAsFlamegraphPlDoes() throws IOException {
        CallTree current = tree("main;a 1\nmain;c;d 9\n");
        CallTree back = tree(diff(tree("main;a 4\nmain;b 6\n"), current));
        assertThat(back.stacks()).isEqualTo(current.stacks());
    }
}
