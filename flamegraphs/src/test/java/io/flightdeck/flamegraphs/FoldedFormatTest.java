package io.flightdeck.flamegraphs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldedFormatTest {

    private static CallTree read(String text) throws IOException {
        return FoldedFormat.read(new StringReader(text));
    }

    private static String write(CallTree tree) throws IOException {
        StringWriter out = new StringWriter();
        FoldedFormat.write(tree, out);
        return out.toString();
    }

    private static WeightedStack stack(long weight, String... frames) {
        return new WeightedStack(List.of(frames), weight);
    }

    @Test
    void writesOneLinePerStackWithSelfWeightInNameOrder() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "work"), 7);
        tree.add(List.of("main"), 2);
        tree.add(List.of("aux", "x"), 1);

        assertThat(write(tree)).isEqualTo("aux;x 1\nmain 2\nmain;work 7\n");
    }

    @Test
    void writeThenReadGivesTheSameStacks() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of("java.lang.Thread.run()", "com.acme.Server.handle(Request, Response)", "java.lang.Integer.getChars(int, int, byte[])"), 11);
        tree.add(List.of("java.lang.Thread.run()", "com.acme.Server.handle(Request, Response)"), 3);
        tree.add(List.of("java.lang.Thread.run()", "Ünïcödé.méthod"), 5);
        tree.add(List.of("[thread main tid=1]", "a.b$Lambda$12/0x0000000800c01234.apply(Object)"), 2);

        CallTree back = read(write(tree));

        assertThat(back.stacks()).isEqualTo(tree.stacks());
        assertThat(back.totalWeight()).isEqualTo(tree.totalWeight());
        assertThat(back.nodeCount()).isEqualTo(tree.nodeCount());
    }

    @Test
    void weightOnNoFrameIsWrittenOnAFrameThatSaysSo() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of(), 4);
        tree.add(List.of("main"), 1);

        assertThat(write(tree)).isEqualTo("[no frames] 4\nmain 1\n");
        assertThat(read(write(tree)).totalWeight()).isEqualTo(5);
    }

    @Test
    void foldedToModelToFoldedIsByteIdenticalAfterSorting() throws IOException {
        java.util.Random random = new java.util.Random(42);
        String[] frames = {"java.lang.Thread.run()", "a.B.c(int, String[])", "a.B.c", "a.b", "x$1.lambda$0()",
            "libc.so.6", "G1ParScanThreadState::trim_queue", "Ünïcödé", "[unknown]", "a b (c)"};
        java.util.Set<String> lines = new java.util.TreeSet<>();
        while (lines.size() < 2_000) {
            StringBuilder line = new StringBuilder();
            for (int depth = 1 + random.nextInt(12); depth > 0; depth--) {
                line.append(frames[random.nextInt(frames.length)]).append(depth > 1 ? ";" : "");
            }
            lines.add(line + " " + (1 + random.nextInt(1_000_000)));
        }
        // one line per distinct stack: a stack listed twice would be summed, which no writer undoes
        java.util.Map<String, String> byStack = new java.util.TreeMap<>();
        lines.forEach(l -> byStack.putIfAbsent(l.substring(0, l.lastIndexOf(' ')), l));
        List<String> input = new java.util.ArrayList<>(byStack.values());
        java.util.Collections.shuffle(input, random);

        String output = write(read(String.join("\n", input) + "\n"));

        List<String> sortedIn = input.stream().sorted().toList();
        List<String> sortedOut = output.lines().sorted().toList();
        assertThat(String.join("\n", sortedOut)).isEqualTo(String.join("\n", sortedIn));
        assertThat(read(output).totalWeight())
                .isEqualTo(input.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum());
    }

    @Test
    void readsFlamegraphPlInput() throws IOException {
        String perf = """
                bash;main;execute_command;execute_simple_command 12
                bash;main;execute_command 3
                bash;main;execute_command;execute_simple_command 8
                swapper;[unknown];cpu_startup_entry;do_idle\t40
                """;

        CallTree tree = read(perf);

        assertThat(tree.stacks()).containsExactly(
                stack(3, "bash", "main", "execute_command"),
                stack(20, "bash", "main", "execute_command", "execute_simple_command"),
                stack(40, "swapper", "[unknown]", "cpu_startup_entry", "do_idle"));
        assertThat(tree.totalWeight()).isEqualTo(63);
    }

    @Test
    void stripsAsyncProfilerSuffixesAndKeepsTheKind() throws IOException {
        CallTree tree = read("""
                [main tid=7];java/lang/Thread.run_[j];com/acme/Loop.spin_[i];Interp.slow_[0];C1.quick_[1];JVM_Sleep;do_nanosleep_[k] 9
                [main tid=7];java/lang/Thread.run_[j];odd_[2] 1
                """);

        assertThat(tree.stacks()).containsExactly(
                stack(9, "[main tid=7]", "java/lang/Thread.run", "com/acme/Loop.spin", "Interp.slow", "C1.quick", "JVM_Sleep", "do_nanosleep"),
                stack(1, "[main tid=7]", "java/lang/Thread.run", "odd_[2]"));
        assertThat(tree.kindOf("java/lang/Thread.run")).isEqualTo(FrameKind.JAVA);
        assertThat(tree.kindOf("com/acme/Loop.spin")).isEqualTo(FrameKind.INLINED);
        assertThat(tree.kindOf("Interp.slow")).isEqualTo(FrameKind.INTERPRETED);
        assertThat(tree.kindOf("C1.quick")).isEqualTo(FrameKind.C1);
        assertThat(tree.kindOf("do_nanosleep")).isEqualTo(FrameKind.KERNEL);
        assertThat(tree.kindOf("JVM_Sleep")).isEqualTo(FrameKind.UNKNOWN);
        assertThat(tree.inverted().kindOf("do_nanosleep")).isEqualTo(FrameKind.KERNEL);
    }

    @Test
    void parseFrameSplitsTheSuffixOff() {
        assertThat(FoldedFormat.parseFrame("java/util/HashMap.get_[j]")).isEqualTo(new Frame("java/util/HashMap.get", FrameKind.JAVA));
        assertThat(FoldedFormat.parseFrame("memcpy_[k]")).isEqualTo(new Frame("memcpy", FrameKind.KERNEL));
        assertThat(FoldedFormat.parseFrame("f_[i]")).isEqualTo(new Frame("f", FrameKind.INLINED));
        assertThat(FoldedFormat.parseFrame("plain")).isEqualTo(new Frame("plain", FrameKind.UNKNOWN));
        assertThat(FoldedFormat.parseFrame("_[j]")).as("nothing but a suffix stays as it is").isEqualTo(new Frame("_[j]", FrameKind.UNKNOWN));
        assertThat(FoldedFormat.parseFrame("arr_[x]")).isEqualTo(new Frame("arr_[x]", FrameKind.UNKNOWN));
        assertThat(FrameKind.JAVA.suffix()).isEqualTo("_[j]");
    }

    @Test
    void framesMayHoldSpacesAndParentheses() throws IOException {
        CallTree tree = read("Thread.run();Foo.bar(java.lang.String, int);java.lang.Integer.getChars(int, int, byte[]) 17\n");

        assertThat(tree.stacks()).containsExactly(
                stack(17, "Thread.run()", "Foo.bar(java.lang.String, int)", "java.lang.Integer.getChars(int, int, byte[])"));
    }

    @Test
    void aLineWithTwoNumbersTakesTheLastAsTheWeight() throws IOException {
        CallTree tree = read("""
                main;parse 10 25
                main;render(int, int) 30 4
                main;gone 7 0
                """);

        assertThat(tree.stacks()).containsExactly(stack(25, "main", "parse"), stack(4, "main", "render(int, int)"));
        assertThat(tree.root().child("main").child("gone")).isNull();
    }

    @Test
    void blankLinesCommentsWindowsEndingsAndAByteOrderMarkAreIgnored() throws IOException {
        CallTree tree = read("\uFEFF# produced by a test\r\n\r\nmain;a 1\r\n   \r\n# another\r\nmain;b 2\rmain;a 3");

        assertThat(tree.stacks()).containsExactly(stack(4, "main", "a"), stack(2, "main", "b"));
    }

    @Test
    void decimalWeightsAreRoundedAndZeroWeightsAddNothing() throws IOException {
        CallTree tree = read("a 2.5\nb 0.4\nc 0\nd 7.\n");

        assertThat(tree.stacks()).containsExactly(stack(3, "a"), stack(7, "d"));
    }

    @Test
    void emptyFramesAreDropped() throws IOException {
        assertThat(read("a;;b; 5\n").stacks()).containsExactly(stack(5, "a", "b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'main;a 1\nmain;b\n'              | line 2: no weight after the frames",
        "'main;a 1\n\nmain;b -3\n'         | line 3: negative weight '-3'",
        "'main;foo(int, int)\n'            | line 1: weight 'int)' is not a number",
        "'# header\nmain;a 1e3\n'          | line 2: weight '1e3' is not a number",
        "'main;a 99999999999999999999\n'   | line 1: weight '99999999999999999999' does not fit a long",
        "'main;a 1\n 5\n'                  | line 2: no frames before the weight",
        "'main;a 1\n;;; 5\n'               | line 2: no frames before the weight",
        "'main;a x\n'                      | line 1: weight 'x' is not a number",
    })
    void malformedLinesFailWithOneLineNamingTheLine(String input, String expectedStart) {
        assertThatThrownBy(() -> read(input))
                .isInstanceOf(FoldedFormatException.class)
                .hasMessageStartingWith(expectedStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aLineOverOneMegabyteIsRefused() {
        String huge = "a;".repeat(FoldedFormat.MAX_LINE_CHARS / 2) + "b 1\n";

        assertThatThrownBy(() -> read("ok 1\n" + huge + "ok 2\n"))
                .isInstanceOf(FoldedFormatException.class)
                .hasMessage("line 2: longer than 1048576 characters")
                .extracting(e -> ((FoldedFormatException) e).lineNumber()).isEqualTo(2L);
    }

    @Test
    void aLineJustUnderTheLimitIsRead() throws IOException {
        String frame = "x".repeat(FoldedFormat.MAX_LINE_CHARS - 2);

        assertThat(read(frame + " 1").stacks()).containsExactly(stack(1, frame));
    }

    @Test
    void aLongLineSpanningManyReadsIsAssembledWhole() throws IOException {
        String frames = String.join(";", java.util.Collections.nCopies(20_000, "frame"));
        Reader trickle = new Reader() {
            private final StringReader source = new StringReader(frames + " 3\r\nnext 1\n");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return source.read(buffer, offset, Math.min(length, 7));
            }

            @Override
            public void close() {
            }
        };

        CallTree tree = FoldedFormat.read(trickle);

        assertThat(tree.stacks()).hasSize(2);
        assertThat(tree.stacks().get(0).frames()).hasSize(20_000);
        assertThat(tree.root().child("next").self()).isEqualTo(1);
    }

    @Test
    void anOverflowingTotalIsAFormatError() {
        assertThatThrownBy(() -> read("a 9223372036854775807\nb 1\n"))
                .isInstanceOf(FoldedFormatException.class)
                .hasMessage("line 2: total weight overflows a long");
    }

    @Test
    void writeKeepsTheFormatIntactForAwkwardNames() throws IOException {
        CallTree tree = new CallTree();
        tree.add(List.of("Ljava/lang/String;", "two\nlines"), 1);

        assertThat(write(tree)).isEqualTo("Ljava/lang/String:;two lines 1\n");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cpu.collapsed");
        Files.writeString(file, "main;ünïcode_[j] 5\n", StandardCharsets.UTF_8);

        CallTree tree = FoldedFormat.read(file);

        assertThat(tree.stacks()).containsExactly(stack(5, "main", "ünïcode"));
        assertThat(tree.kindOf("ünïcode")).isEqualTo(FrameKind.JAVA);
    }
}
