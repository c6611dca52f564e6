package io.flightdeck.flamegraphs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FlatTreeTest {

    static CallTree tree(String folded) throws IOException {
        return FoldedFormat.read(new StringReader(folded));
    }

    @Test
    void nodesComeInPreorderWithChildrenByNameAndExactTotals() throws IOException {
        FlatTree flat = FlatTree.of(tree("""
                main;b;x 3
                main;a 2
                main 1
                other 4
                """));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            order.add(flat.depth(i) + ":" + flat.name(i) + ":" + flat.self(i) + "/" + flat.total(i));
        }
        assertThat(order).containsExactly("0::0/10", "1:main:1/6", "2:a:2/2", "2:b:0/3", "3:x:3/3", "1:other:4/4");
        assertThat(flat.totalWeight()).isEqualTo(10);
        assertThat(flat.maxDepth()).isEqualTo(3);
        assertThat(flat.childCount(0)).isEqualTo(2);
        assertThat(flat.nameIndex(0)).isEqualTo(-1);
        assertThat(flat.isDiff()).isFalse();
    }

    @Test
    void theNameTableHoldsEachNameOnceSorted() throws IOException {
        FlatTree flat = FlatTree.of(tree("""
                a;hot 1
                b;hot 1
                c;hot 1
                c;d 1
                """));
        assertThat(flat.names()).containsExactly("a", "b", "c", "d", "hot");
        for (int i = 1; i < flat.size(); i++) {
            assertThat(flat.names().get(flat.nameIndex(i))).isEqualTo(flat.name(i));
        }
    }

    @Test
    void categoriesComeFromNamesAndFoldedSuffixes() throws IOException {
        FlatTree flat = FlatTree.of(tree("start_thread;do_syscall_64_[k];app.Main.run_[j];java.util.List.add_[i] 1\n"));
        assertThat(flat.category(flat.names().indexOf("do_syscall_64"))).isEqualTo(FrameCategory.KERNEL);
        assertThat(flat.category(flat.names().indexOf("start_thread"))).isEqualTo(FrameCategory.NATIVE);
        assertThat(flat.category(flat.names().indexOf("app.Main.run"))).isEqualTo(FrameCategory.APPLICATION);
        assertThat(flat.category(flat.names().indexOf("java.util.List.add"))).isEqualTo(FrameCategory.JDK);
    }

    @Test
    void aDiffAgainstItselfPairsEveryNodeWithItsOwnTotal() throws IOException {
        CallTree tree = tree("main;a;b 5\nmain;c 7\nx 1\n");
        FlatTree diff = FlatTree.diff(tree, tree);
        assertThat(diff.isDiff()).isTrue();
        assertThat(diff.baselineTotal()).isEqualTo(diff.totalWeight());
        for (int i = 0; i < diff.size(); i++) {
            assertThat(diff.baseline(i)).as(diff.name(i)).isEqualTo(diff.total(i));
        }
    }

    @Test
    void aDiffMarksPathsTheBaselineLacksAndMatchesByPathNotByName() throws IOException {
        FlatTree diff = FlatTree.diff(tree("main;a 4\nmain;b 6\n"), tree("main;a 1\nmain;c;a 9\n"));
        for (int i = 0; i < diff.size(); i++) {
            String path = diff.depth(i) + ":" + diff.name(i);
            switch (path) {
                case "0:" -> assertThat(diff.baseline(i)).isEqualTo(10);
                case "1:main" -> assertThat(diff.baseline(i)).isEqualTo(10);
                case "2:a" -> assertThat(diff.baseline(i)).isEqualTo(4);
                case "2:c", "3:a" -> assertThat(diff.baseline(i)).as(path).isEqualTo(FlatTree.ABSENT);
                default -> throw new AssertionError(path);
            }
        }
    }

    @Test
    void aVeryDeepStackFlattensWithoutRecursion() {
        CallTree tree = new CallTree();
        String[] frames = new String[50_000];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = "f" + (i % 7);
        }
        tree.add(frames, frames.length, 3);
        FlatTree flat = FlatTree.of(tree);
        assertThat(flat.size()).isEqualTo(50_001);
        assertThat(flat.maxDepth()).isEqualTo(50_000);
        assertThat(flat.total(flat.size() - 1)).isEqualTo(3);
    }
}
