package io.flightdeck.flamegraphs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Weighted stacks coalesced into a tree (a trie over frame names): stacks that share a prefix share
 * its nodes, so a node's {@linkplain Node#total() total} is the weight of every stack through it and
 * its {@linkplain Node#self() self} the weight of the stacks that end there.
 *
 * <p>The root stands for all stacks: its name is "", its total is {@link #totalWeight()}, and its self
 * is the weight of empty stacks. {@link #nodeCount()} does not count it.
 *
 * <p>The number of nodes is capped so that a huge profile stays bounded in memory: a stack that would
 * need a node beyond the cap is cut at the deepest node that exists, which takes its weight as self;
 * {@link #truncatedWeight()} tells how much weight was placed that way. Totals are never lost.
 *
 * <p>Not thread-safe. Nodes are live views of this tree.
 */
public final class CallTree {

    /** The default cap on distinct nodes. */
    public static final int DEFAULT_MAX_NODES = 1_000_000;

    private static final String[] NO_FRAMES = new String[0];

    private final int maxNodes;
    private final Node root = new Node("");
    // Why: a profile repeats a few thousand frame names millions of times; every node holds the same String per name.
    private final Map<String, String> names = new HashMap<>();
    // Why a map per name and not a field per node: few frames carry a kind, and nodes are what fills the heap.
    private final Map<String, FrameKind> kinds = new HashMap<>();
    // Why bounded, and small: a JFR reader hands out new arrays for each chunk, and each entry keeps its array and a
    // path of up to a few hundred nodes alive; past this many the memo starts over (the tree itself is unaffected).
    private static final int MAX_REMEMBERED_PATHS = 16_384;
    private final Map<String[], Node[]> paths = new IdentityHashMap<>();
    private int nodeCount;
    private long truncatedWeight;

    /** A tree capped at {@link #DEFAULT_MAX_NODES} nodes. */
    public CallTree() {
        this(DEFAULT_MAX_NODES);
    }

    /** A tree capped at {@code maxNodes} nodes (the root not counted); 0 puts all weight on the root. */
    public CallTree(int maxNodes) {
        if (maxNodes < 0) {
            throw new IllegalArgumentException("maxNodes must be >= 0, was " + maxNodes);
        }
        this.maxNodes = maxNodes;
    }

    /** Adds one stack, root first; an empty stack counts under the root. */
    public void add(List<String> framesRootFirst, long weight) {
        Objects.requireNonNull(framesRootFirst, "framesRootFirst");
        String[] frames = framesRootFirst.toArray(NO_FRAMES);
        add(frames, frames.length, weight);
    }

    /**
     * Adds the stack {@code framesRootFirst[0 .. length)}, root first. The array is not kept, so a caller
     * may reuse one buffer for every stack.
     */
    public void add(String[] framesRootFirst, int length, long weight) {
        Objects.requireNonNull(framesRootFirst, "framesRootFirst");
        Objects.checkFromIndexSize(0, length, framesRootFirst.length);
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
        for (int i = 0; i < length; i++) {
            if (framesRootFirst[i] == null) {
                throw new NullPointerException("frame " + i + " is null");
            }
        }
        // Why only the root: every other total is at most the root's, so if it does not overflow none does,
        // and the check happens before anything changes.
        root.total = Math.addExact(root.total, weight);
        Node node = root;
        for (int i = 0; i < length; i++) {
            String frame = framesRootFirst[i];
            Node next = node.child(frame);
            if (next == null) {
                if (nodeCount >= maxNodes) {
                    truncatedWeight += weight;
                    break;
                }
                next = node.addChild(names.computeIfAbsent(frame, name -> name));
                nodeCount++;
            }
            next.total += weight;
            node = next;
        }
        node.self += weight;
    }

    /**
     * Adds a stack that the caller shares and never changes, root first: a JFR reader names each distinct stack
     * trace once and hands the same array for every event that refers to it. The tree remembers the nodes of such
     * an array's path, so a stack met again costs a walk over its nodes instead of a search at every level.
     * Identity, not content, is the key: an array changed after this call would be counted on its old path.
     */
    public void addShared(String[] framesRootFirst, long weight) {
        Objects.requireNonNull(framesRootFirst, "framesRootFirst");
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
        Math.addExact(root.total, weight); // before anything changes, as add() does
        Node[] path = paths.get(framesRootFirst);
        if (path == null) {
            path = pathOf(framesRootFirst);
            if (path == null) { // cut at the node cap: no path to remember
                add(framesRootFirst, framesRootFirst.length, weight);
                return;
            }
            if (paths.size() >= MAX_REMEMBERED_PATHS) {
                paths.clear();
            }
            paths.put(framesRootFirst, path);
        }
        root.total = Math.addExact(root.total, weight);
        for (Node node : path) {
            node.total += weight;
        }
        (path.length == 0 ? root : path[path.length - 1]).self += weight;
    }

    /** The nodes of a stack's path, created as needed with no weight yet; null when the node cap would cut it. */
    private Node[] pathOf(String[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i] == null) {
                throw new NullPointerException("frame " + i + " is null");
            }
        }
        Node[] path = new Node[frames.length];
        Node node = root;
        int known = 0;
        while (known < frames.length && (path[known] = node.child(frames[known])) != null) {
            node = path[known++];
        }
        if (frames.length - known > maxNodes - nodeCount) {
            return null; // nothing created: add() cuts the stack and counts the weight it places
        }
        for (int i = known; i < frames.length; i++) {
            node = node.addChild(names.computeIfAbsent(frames[i], name -> name));
            nodeCount++;
            path[i] = node;
        }
        return path;
    }

    /** The node that stands for all stacks. */
    public Node root() {
        return root;
    }

    /** The weight of every stack added. */
    public long totalWeight() {
        return root.total;
    }

    /** Distinct nodes, the root not counted; never more than the cap. */
    public int nodeCount() {
        return nodeCount;
    }

    /** The cap on {@link #nodeCount()}. */
    public int maxNodes() {
        return maxNodes;
    }

    /** Weight placed on a shallower node than its stack because the node cap was reached. */
    public long truncatedWeight() {
        return truncatedWeight;
    }

    /**
     * The kind a frame name was read with (from a folded suffix), or UNKNOWN. Per name, not per node:
     * when one name was read with several kinds, the first wins.
     */
    public FrameKind kindOf(String frameName) {
        return kinds.getOrDefault(frameName, FrameKind.UNKNOWN);
    }

    /** Adds every stack of {@code other} to this tree, under this tree's cap; {@code other} is unchanged. */
    public void merge(CallTree other) {
        Objects.requireNonNull(other, "other");
        // Why a copy: merging a tree into itself would walk nodes while they change.
        CallTree source = other == this ? copy() : other;
        Math.addExact(root.total, source.root.total);
        source.forEachStack(this::add);
        truncatedWeight += source.truncatedWeight;
        source.kinds.forEach(this::recordKind);
    }

    /**
     * Every distinct root-to-node path whose node has self weight, with that weight; depth first, children
     * by name, a node before its descendants; weight of empty stacks comes first, as an empty stack.
     */
    public List<WeightedStack> stacks() {
        List<WeightedStack> stacks = new ArrayList<>();
        forEachStack((frames, length, self) -> stacks.add(new WeightedStack(List.of(Arrays.copyOf(frames, length)), self)));
        return stacks;
    }

    /**
     * The same stacks with every frame renamed (frames that come to share a name merge, as siblings and in the
     * name table); same cap, same truncated weight, kinds carried over. For names written before a naming rule
     * changed: a differential graph must name both sides alike.
     */
    public CallTree renamed(java.util.function.UnaryOperator<String> rename) {
        Objects.requireNonNull(rename, "rename");
        CallTree renamed = new CallTree(maxNodes);
        Map<String, String> cache = new HashMap<>();
        forEachStack((frames, length, self) -> {
            String[] mapped = new String[length];
            for (int i = 0; i < length; i++) {
                mapped[i] = cache.computeIfAbsent(frames[i], rename);
            }
            renamed.add(mapped, length, self);
        });
        renamed.truncatedWeight += truncatedWeight;
        kinds.forEach((name, kind) -> renamed.recordKind(cache.getOrDefault(name, name), kind));
        return renamed;
    }

    /**
     * The "callers of" view: every stack reversed (leaf first) and coalesced again, so a frame that ends
     * stacks under several callers becomes one root with those callers below it. Same cap as this tree;
     * weight this tree had already truncated stays counted in the result's {@link #truncatedWeight()}.
     */
    public CallTree inverted() {
        CallTree inverted = new CallTree(maxNodes);
        forEachStack((frames, length, self) -> {
            String[] leafFirst = new String[length];
            for (int i = 0; i < length; i++) {
                leafFirst[i] = frames[length - 1 - i];
            }
            inverted.add(leafFirst, length, self);
        });
        inverted.truncatedWeight += truncatedWeight;
        kinds.forEach(inverted::recordKind);
        return inverted;
    }

    /** Remembers the kind of a frame name that is in this tree; the first kind recorded wins. */
    void recordKind(String frameName, FrameKind kind) {
        if (kind == FrameKind.UNKNOWN) {
            return;
        }
        String interned = names.get(frameName);
        if (interned != null) {
            kinds.putIfAbsent(interned, kind);
        }
    }

    /** Receives each stack with self weight; the frames array is reused between calls. */
    @FunctionalInterface
    interface StackVisitor<X extends Exception> {
        void visit(String[] frames, int length, long self) throws X;
    }

    /** Visits the stacks in {@link #stacks()} order without building them; iterative, so deep stacks are fine. */
    <X extends Exception> void forEachStack(StackVisitor<X> visitor) throws X {
        if (root.self > 0) {
            visitor.visit(NO_FRAMES, 0, root.self);
        }
        String[] path = new String[16];
        Node[][] levels = new Node[16][];
        int[] sizes = new int[16];
        int[] next = new int[16];
        levels[0] = root.childArray();
        sizes[0] = root.childCount();
        int depth = 0;
        while (depth >= 0) {
            if (next[depth] == sizes[depth]) {
                levels[depth] = null;
                depth--;
                continue;
            }
            Node node = levels[depth][next[depth]++];
            path[depth] = node.name;
            if (node.self > 0) {
                visitor.visit(path, depth + 1, node.self);
            }
            if (node.childCount() > 0) {
                depth++;
                if (depth == path.length) {
                    int grown = path.length * 2;
                    path = Arrays.copyOf(path, grown);
                    levels = Arrays.copyOf(levels, grown);
                    sizes = Arrays.copyOf(sizes, grown);
                    next = Arrays.copyOf(next, grown);
                }
                levels[depth] = node.childArray();
                sizes[depth] = node.childCount();
                next[depth] = 0;
            }
        }
    }

    private CallTree copy() {
        CallTree copy = new CallTree(Integer.MAX_VALUE);
        copy.merge(this);
        return copy;
    }

    @Override
    public String toString() {
        return "CallTree[nodes=" + nodeCount + ", totalWeight=" + root.total + ", truncatedWeight=" + truncatedWeight + "]";
    }

    /** One frame in its calling context. */
    public static final class Node {

        // Why two shapes: most nodes have a handful of children, where a sorted array is smallest and
        // fastest; a few (thread roots, inverted leaves) have thousands, where array inserts would be quadratic.
        private static final int WIDE = 64;
        private static final Node[] NO_CHILDREN = new Node[0];

        private final String name;
        private long self;
        private long total;
        private Node[] children = NO_CHILDREN;
        private int childCount;
        private TreeMap<String, Node> wide;

        private Node(String name) {
            this.name = name;
        }

        /** The frame name; "" for the root. */
        public String name() {
            return name;
        }

        /** Weight of the stacks that end at this node. */
        public long self() {
            return self;
        }

        /** Weight of the stacks through this node: its self plus its children's totals. */
        public long total() {
            return total;
        }

        /** How many children this node has. */
        public int childCount() {
            return wide != null ? wide.size() : childCount;
        }

        /** The children ordered by name ({@link String#compareTo}); an unmodifiable snapshot. */
        public List<Node> children() {
            if (childCount() == 0) {
                return List.of();
            }
            return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(childArray(), childCount())));
        }

        /** The child with this name, or null. */
        public Node child(String name) {
            if (wide != null) {
                return wide.get(name);
            }
            int i = indexOf(name);
            return i >= 0 ? children[i] : null;
        }

        /** The children by name; may be longer than {@link #childCount()}. */
        private Node[] childArray() {
            return wide != null ? wide.values().toArray(NO_CHILDREN) : children;
        }

        private Node addChild(String name) {
            Node child = new Node(name);
            if (wide != null) {
                wide.put(name, child);
                return child;
            }
            if (childCount == WIDE) {
                wide = new TreeMap<>();
                for (int i = 0; i < childCount; i++) {
                    wide.put(children[i].name, children[i]);
                }
                wide.put(name, child);
                children = NO_CHILDREN;
                childCount = 0;
                return child;
            }
            int at = -indexOf(name) - 1;
            if (childCount == children.length) {
                children = Arrays.copyOf(children, Math.max(2, childCount * 2));
            }
            System.arraycopy(children, at, children, at + 1, childCount - at);
            children[at] = child;
            childCount++;
            return child;
        }

        private int indexOf(String name) {
            int low = 0;
            int high = childCount - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                String candidate = children[mid].name;
                // Why the identity test: callers that reuse frame strings skip the character compare.
                int order = candidate == name ? 0 : candidate.compareTo(name);
                if (order < 0) {
                    low = mid + 1;
                } else if (order > 0) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        @Override
        public String toString() {
            return "Node[" + name + ", self=" + self + ", total=" + total + "]";
        }
    }
}
