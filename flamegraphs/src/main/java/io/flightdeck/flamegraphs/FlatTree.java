package io.flightdeck.flamegraphs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call tree laid out flat in preorder (a node, then its children by name, each with its subtree), the form
 * the renderers draw from: parallel arrays instead of objects, and each frame name stored once in a table.
 *
 * <p>Node 0 is the root. The name table is sorted, so neighbours share prefixes (a page stores each name as what
 * differs from the one before) and a name's index is its rank.
 *
 * <p>A differential tree also carries, for each node of the current tree, the total of the same path (the
 * same frames from the root) in a baseline tree, or {@link #ABSENT} when the baseline never ran that path.
 */
public final class FlatTree {

    /** The baseline total of a path the baseline does not have. */
    public static final long ABSENT = -1;

    private final List<String> names;
    private final FrameCategory[] categories;
    private final int[] nameIndex;
    private final int[] childCount;
    private final int[] depth;
    private final long[] self;
    private final long[] total;
    private final long[] baseline;
    private final long baselineTotal;
    private final long truncatedWeight;
    private int maxDepth;

    private FlatTree(int size, boolean diff, List<String> names, FrameCategory[] categories, long baselineTotal,
                     long truncatedWeight) {
        this.names = names;
        this.categories = categories;
        this.nameIndex = new int[size];
        this.childCount = new int[size];
        this.depth = new int[size];
        this.self = new long[size];
        this.total = new long[size];
        this.baseline = diff ? new long[size] : null;
        this.baselineTotal = baselineTotal;
        this.truncatedWeight = truncatedWeight;
    }

    /** The tree flattened. */
    public static FlatTree of(CallTree tree) {
        return build(Objects.requireNonNull(tree, "tree"), null);
    }

    /** The current tree flattened, each node paired with the same path's total in the baseline. */
    public static FlatTree diff(CallTree baseline, CallTree current) {
        return build(Objects.requireNonNull(current, "current"), Objects.requireNonNull(baseline, "baseline"));
    }

    private static FlatTree build(CallTree tree, CallTree baseline) {
        List<String> names = sortedNames(tree);
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        FrameCategory[] categories = new FrameCategory[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            index.put(name, i);
            FrameKind kind = tree.kindOf(name);
            if (kind == FrameKind.UNKNOWN && baseline != null) {
                kind = baseline.kindOf(name);
            }
            categories[i] = FrameCategory.of(name, kind);
        }
        FlatTree flat = new FlatTree(tree.nodeCount() + 1, baseline != null, List.copyOf(names), categories,
                baseline == null ? 0 : baseline.totalWeight(), tree.truncatedWeight());
        flat.fill(tree.root(), baseline == null ? null : baseline.root(), index);
        return flat;
    }

    /** Distinct frame names in {@link String#compareTo} order. */
    private static List<String> sortedNames(CallTree tree) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Deque<CallTree.Node> pending = new ArrayDeque<>();
        pending.push(tree.root());
        while (!pending.isEmpty()) {
            for (CallTree.Node child : pending.pop().children()) {
                names.add(child.name());
                pending.push(child);
            }
        }
        return new ArrayList<>(names);
    }

    /** Preorder without recursion, so a stack thousands of frames deep is fine. */
    private void fill(CallTree.Node root, CallTree.Node baselineRoot, Map<String, Integer> index) {
        record Level(Iterator<CallTree.Node> children, CallTree.Node baseline) {
        }
        int next = 0;
        put(next++, root, -1, 0, baselineRoot);
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level(root.children().iterator(), baselineRoot));
        while (!levels.isEmpty()) {
            Level level = levels.peek();
            if (!level.children().hasNext()) {
                levels.pop();
                continue;
            }
            CallTree.Node node = level.children().next();
            CallTree.Node inBaseline = level.baseline() == null ? null : level.baseline().child(node.name());
            put(next++, node, index.get(node.name()), levels.size(), inBaseline);
            if (node.childCount() > 0) {
                levels.push(new Level(node.children().iterator(), inBaseline));
            }
        }
    }

    private void put(int at, CallTree.Node node, int name, int nodeDepth, CallTree.Node inBaseline) {
        nameIndex[at] = name;
        childCount[at] = node.childCount();
        depth[at] = nodeDepth;
        self[at] = node.self();
        total[at] = node.total();
        if (baseline != null) {
            baseline[at] = inBaseline == null ? ABSENT : inBaseline.total();
        }
        maxDepth = Math.max(maxDepth, nodeDepth);
    }

    /** Nodes, the root included. */
    public int size() {
        return nameIndex.length;
    }

    /** The deepest node's depth; the root's is 0. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The distinct frame names, sorted ({@link String#compareTo}). */
    public List<String> names() {
        return names;
    }

    /** The category of the name at this index of {@link #names()}. */
    public FrameCategory category(int name) {
        return categories[name];
    }

    /** Index into {@link #names()} of a node's name; -1 for the root. */
    public int nameIndex(int node) {
        return nameIndex[node];
    }

    /** A node's name; "" for the root. */
    public String name(int node) {
        return node == 0 ? "" : names.get(nameIndex[node]);
    }

    public int childCount(int node) {
        return childCount[node];
    }

    public int depth(int node) {
        return depth[node];
    }

    public long self(int node) {
        return self[node];
    }

    public long total(int node) {
        return total[node];
    }

    /** Whether this is a differential tree. */
    public boolean isDiff() {
        return baseline != null;
    }

    /** The baseline total of a node's path, or {@link #ABSENT}; only in a differential tree. */
    public long baseline(int node) {
        if (baseline == null) {
            throw new IllegalStateException("not a differential tree");
        }
        return baseline[node];
    }

    /** The baseline's total weight; 0 unless differential. */
    public long baselineTotal() {
        return baselineTotal;
    }

    /** The root's total: the weight of every stack. */
    public long totalWeight() {
        return total[0];
    }

    /** Weight the source tree placed on shallower nodes because it hit its node cap. */
    public long truncatedWeight() {
        return truncatedWeight;
    }

    @Override
    public String toString() {
        return "FlatTree[nodes=" + size() + ", names=" + names.size() + ", maxDepth=" + maxDepth
                + (baseline != null ? ", diff" : "") + "]";
    }
}
