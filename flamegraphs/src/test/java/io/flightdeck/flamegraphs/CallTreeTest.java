package io.flightdeck.flamegraphs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTreeTest {

    private static WeightedStack stack(long weight, String... frames) {
        return new WeightedStack(List.of(frames), weight);
    }

    @Test
    void stacksSharingAPrefixShareItsNodes() {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "a", "b"), 3);
        tree.add(List.of("main", "a", "c"), 5);

        CallTree.Node main = tree.root().child("main");
        CallTree.Node a = main.child("a");
        assertThat(tree.root().children()).extracting(CallTree.Node::name).containsExactly("main");
        assertThat(main.children()).extracting(CallTree.Node::name).containsExactly("a");
        assertThat(a.total()).isEqualTo(8);
        assertThat(main.total()).isEqualTo(8);
        assertThat(a.children()).extracting(CallTree.Node::name).containsExactly("b", "c");
        assertThat(tree.nodeCount()).isEqualTo(4);
        assertThat(tree.totalWeight()).isEqualTo(8);
    }

    @Test
    void selfIsWhereStacksEndAndTotalIsEverythingThrough() {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "work"), 7);
        tree.add(List.of("main"), 2);
        tree.add(List.of("main", "work", "io"), 1);

        CallTree.Node main = tree.root().child("main");
        CallTree.Node work = main.child("work");
        assertThat(main.self()).isEqualTo(2);
        assertThat(main.total()).isEqualTo(10);
        assertThat(work.self()).isEqualTo(7);
        assertThat(work.total()).isEqualTo(8);
        assertThat(work.child("io").self()).isEqualTo(1);
        assertThat(work.child("io").total()).isEqualTo(1);
        assertThat(work.child("absent")).isNull();
        assertThat(tree.root().self()).isZero();
        assertThat(tree.root().total()).isEqualTo(10);
    }

    @Test
    void anEmptyStackCountsUnderTheRoot() {
        CallTree tree = new CallTree();
        tree.add(List.of(), 4);
        tree.add(new String[] {"x", "unused"}, 1, 6);

        assertThat(tree.root().self()).isEqualTo(4);
        assertThat(tree.totalWeight()).isEqualTo(10);
        assertThat(tree.stacks()).containsExactly(stack(4), stack(6, "x"));
        assertThat(tree.nodeCount()).isEqualTo(1);
    }

    @Test
    void stacksListsEveryPathWithSelfWeightInNameOrderParentsFirst() {
        CallTree tree = new CallTree();
        tree.add(List.of("m", "z"), 1);
        tree.add(List.of("m", "b", "c"), 2);
        tree.add(List.of("m"), 3);
        tree.add(List.of("a"), 4);
        tree.add(List.of("m", "b", "c"), 5);

        assertThat(tree.stacks()).containsExactly(
                stack(4, "a"),
                stack(3, "m"),
                stack(7, "m", "b", "c"),
                stack(1, "m", "z"));
        assertThat(tree.stacks().get(0).frames()).isUnmodifiable();
    }

    @Test
    void childrenStayOrderedByNameWhenANodeGrowsWide() {
        CallTree tree = new CallTree();
        List<String> names = new ArrayList<>();
        IntStream.range(0, 500).forEach(i -> names.add("frame" + i));
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new java.util.Random(7));
        for (String name : shuffled) {
            tree.add(List.of("root", name), 1);
            tree.add(List.of("root", name), 1);
        }

        CallTree.Node root = tree.root().child("root");
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        assertThat(root.children()).extracting(CallTree.Node::name).containsExactlyElementsOf(sorted);
        assertThat(root.childCount()).isEqualTo(500);
        assertThat(root.child("frame123").total()).isEqualTo(2);
        assertThat(tree.nodeCount()).isEqualTo(501);
        assertThat(tree.stacks()).hasSize(500).allSatisfy(s -> assertThat(s.weight()).isEqualTo(2));
    }

    @Test
    void theNodeCapCutsStacksButKeepsTheirWeight() {
        CallTree tree = new CallTree(3);
        tree.add(List.of("main", "a", "b"), 5);
        tree.add(List.of("main", "a", "c", "d"), 7);
        tree.add(List.of("other"), 2);
        tree.add(List.of("main", "a", "b"), 1);

        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(tree.totalWeight()).isEqualTo(15);
        assertThat(tree.truncatedWeight()).isEqualTo(9);
        CallTree.Node a = tree.root().child("main").child("a");
        assertThat(a.self()).isEqualTo(7);
        assertThat(a.total()).isEqualTo(13);
        assertThat(a.child("b").self()).isEqualTo(6);
        assertThat(tree.root().self()).isEqualTo(2);
        assertThat(tree.stacks()).extracting(WeightedStack::weight).containsExactly(2L, 7L, 6L);
    }

    @Test
    void aZeroCapPutsEverythingOnTheRoot() {
        CallTree tree = new CallTree(0);
        tree.add(List.of("a"), 3);

        assertThat(tree.nodeCount()).isZero();
        assertThat(tree.root().self()).isEqualTo(3);
        assertThat(tree.truncatedWeight()).isEqualTo(3);
    }

    @Test
    void invertedMergesStacksByTheirLeaf() {
        CallTree tree = new CallTree();
        tree.add(List.of("main", "parse", "alloc"), 3);
        tree.add(List.of("main", "render", "alloc"), 4);
        tree.add(List.of("main", "render"), 2);

        CallTree inverted = tree.inverted();

        assertThat(inverted.root().children()).extracting(CallTree.Node::name).containsExactly("alloc", "render");
        CallTree.Node alloc = inverted.root().child("alloc");
        assertThat(alloc.total()).isEqualTo(7);
        assertThat(alloc.self()).isZero();
        assertThat(alloc.children()).extracting(CallTree.Node::name).containsExactly("parse", "render");
        assertThat(alloc.child("parse").child("main").self()).isEqualTo(3);
        assertThat(alloc.child("render").child("main").self()).isEqualTo(4);
        assertThat(inverted.root().child("render").total()).isEqualTo(2);
        assertThat(inverted.totalWeight()).isEqualTo(tree.totalWeight());
        assertThat(tree.root().child("main").total()).as("the original is untouched").isEqualTo(9);
    }

    @Test
    void invertingTwiceGivesTheSameStacks() {
        CallTree tree = new CallTree();
        tree.add(List.of("a", "b", "c"), 1);
        tree.add(List.of("a", "d"), 2);
        tree.add(List.of(), 3);

        assertThat(tree.inverted().inverted().stacks()).isEqualTo(tree.stacks());
    }

    @Test
    void mergeAddsTheOtherTreesStacks() {
        CallTree left = new CallTree();
        left.add(List.of("main", "a"), 2);
        CallTree right = new CallTree();
        right.add(List.of("main", "a"), 3);
        right.add(List.of("main", "b"), 4);

        left.merge(right);

        assertThat(left.stacks()).containsExactly(stack(5, "main", "a"), stack(4, "main", "b"));
        assertThat(left.totalWeight()).isEqualTo(9);
        assertThat(right.totalWeight()).as("the other is untouched").isEqualTo(7);
        assertThat(left.nodeCount()).isEqualTo(3);
    }

    @Test
    void mergingATreeIntoItselfDoublesIt() {
        CallTree tree = new CallTree();
        tree.add(List.of("a", "b"), 2);
        tree.add(List.of("a"), 1);

        tree.merge(tree);

        assertThat(tree.stacks()).containsExactly(stack(2, "a"), stack(4, "a", "b"));
    }

    @Test
    void mergeRespectsTheCapAndCarriesTruncatedWeight() {
        CallTree capped = new CallTree(1);
        capped.add(List.of("a", "b"), 5);
        CallTree target = new CallTree(2);
        target.add(List.of("x"), 1);

        target.merge(capped);

        assertThat(capped.truncatedWeight()).isEqualTo(5);
        assertThat(target.nodeCount()).isEqualTo(2);
        assertThat(target.totalWeight()).isEqualTo(6);
        assertThat(target.truncatedWeight()).isEqualTo(5);
    }

    @Test
    void frameNamesAreSharedWithinATree() {
        CallTree tree = new CallTree();
        tree.add(List.of(new String("shared"), "x"), 1);
        tree.add(List.of("y", new String("shared")), 1);

        assertThat(tree.root().child("y").child("shared").name())
                .isSameAs(tree.root().child("shared").name());
    }

    @Test
    void veryDeepStacksNeedNoRecursion() {
        String[] deep = IntStream.range(0, 50_000).mapToObj(i -> "f" + (i % 7)).toArray(String[]::new);
        CallTree tree = new CallTree();
        tree.add(deep, deep.length, 1);

        assertThat(tree.stacks()).singleElement().satisfies(s -> assertThat(s.frames()).hasSize(50_000));
        assertThat(tree.inverted().nodeCount()).isEqualTo(50_000);
    }

    @Test
    void invalidInputIsRefusedWithoutChangingTheTree() {
        CallTree tree = new CallTree();
        assertThatThrownBy(() -> tree.add(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.add(List.of("a"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.add(new String[] {"a", null}, 2, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> tree.add(new String[] {"a"}, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new CallTree(-1)).isInstanceOf(IllegalArgumentException.class);
        tree.add(List.of("a"), Long.MAX_VALUE);
        assertThatThrownBy(() -> tree.add(List.of("b"), 1)).isInstanceOf(ArithmeticException.class);
        assertThat(tree.nodeCount()).isEqualTo(1);
        assertThat(tree.totalWeight()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void weightedStackIsImmutableAndPositive() {
        List<String> frames = new ArrayList<>(List.of("a"));
        WeightedStack stack = new WeightedStack(frames, 1);
        frames.add("b");

        assertThat(stack.frames()).containsExactly("a").isUnmodifiable();
        assertThatThrownBy(() -> new WeightedStack(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void sharedStacksCountExactlyAsCopiedOnes() {
        java.util.Random random = new java.util.Random(3);
        String[][] distinct = new String[300][];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = new String[random.nextInt(8)];
            for (int d = 0; d < distinct[i].length; d++) {
                distinct[i][d] = "f" + random.nextInt(5);
            }
        }
        for (int cap : new int[] {Integer.MAX_VALUE, 40}) {
            CallTree shared = new CallTree(cap);
            CallTree copied = new CallTree(cap);
            for (int n = 0; n < 5_000; n++) {
                String[] stack = distinct[random.nextInt(distinct.length)];
                long weight = 1 + random.nextInt(9);
                shared.addShared(stack, weight);
                copied.add(stack.clone(), stack.length, weight);
            }
            org.assertj.core.api.Assertions.assertThat(shared.stacks()).as("cap " + cap).isEqualTo(copied.stacks());
            org.assertj.core.api.Assertions.assertThat(shared.totalWeight()).isEqualTo(copied.totalWeight());
            org.assertj.core.api.Assertions.assertThat(shared.truncatedWeight()).isEqualTo(copied.truncatedWeight());
            org.assertj.core.api.Assertions.assertThat(shared.nodeCount()).isEqualTo(copied.nodeCount()).isLessThanOrEqualTo(cap);
            assertNoEmptyNodes(shared.root());
        }
    }

    private static void assertNoEmptyNodes(CallTree.Node node) {
        for (CallTree.Node child : node.children()) {
            org.assertj.core.api.Assertions.assertThat(child.total()).as(child.name()).isPositive();
            assertNoEmptyNodes(child);
        }
    }
}
