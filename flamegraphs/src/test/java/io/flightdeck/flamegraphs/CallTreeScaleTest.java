package io.flightdeck.flamegraphs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sanity check that big profiles coalesce and stay bounded; no timing is asserted. */
class CallTreeScaleTest {

    private static final int DISTINCT = 10_000;
    private static final int DEPTH = 30;

    @Test
    void aMillionDeepStacksFromTenThousandDistinctOnesStayBounded() {
        String[][] stacks = distinctStacks();
        CallTree tree = new CallTree();

        for (int i = 0; i < 1_000_000; i++) {
            tree.add(stacks[(int) ((i * 7919L) % DISTINCT)], DEPTH, 1);
        }

        assertThat(tree.totalWeight()).isEqualTo(1_000_000);
        assertThat(tree.stacks()).hasSize(DISTINCT).allSatisfy(s -> assertThat(s.weight()).isEqualTo(100));
        assertThat(tree.nodeCount()).isLessThanOrEqualTo(DISTINCT * DEPTH).isGreaterThan(DISTINCT);
        assertThat(tree.truncatedWeight()).isZero();
        int nodesAfterFirstMillion = tree.nodeCount();

        for (int i = 0; i < 1_000_000; i++) {
            tree.add(stacks[i % DISTINCT], DEPTH, 1);
        }
        assertThat(tree.nodeCount()).as("repeating stacks adds no nodes").isEqualTo(nodesAfterFirstMillion);
        assertThat(tree.totalWeight()).isEqualTo(2_000_000);
    }

    /** Stacks that share their shallow frames and diverge with depth, as real profiles do. */
    private static String[][] distinctStacks() {
        String[][] stacks = new String[DISTINCT][DEPTH];
        for (int i = 0; i < DISTINCT; i++) {
            for (int d = 0; d < DEPTH; d++) {
                int branch = i >> Math.max(0, 14 - d / 2);
                stacks[i][d] = "com.example.Layer" + d + ".method" + branch + "(int, java.lang.String)";
            }
        }
        return stacks;
    }
}
