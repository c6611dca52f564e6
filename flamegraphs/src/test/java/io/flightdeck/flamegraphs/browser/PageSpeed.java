package io.flightdeck.flamegraphs.browser;

import io.flightdeck.browsertesting.Browser;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.flightdeck.flamegraphs.CallTree;
import io.flightdeck.flamegraphs.GraphInfo;
import io.flightdeck.flamegraphs.WeightUnit;
import io.flightdeck.flamegraphs.html.HtmlFlameGraph;

/**
 * How fast a big page is in Chromium: a profile of N distinct stacks (default 100,000) that share prefixes the way
 * real ones do, written as a page, opened, clicked, searched and inverted. Prints medians over the runs; run by
 * {@code scripts/flamegraph-page-speed}, recorded in docs/PERFORMANCE.md. Not a test: timings on a shared machine
 * are for reading, not for asserting.
 */
public final class PageSpeed {

    private PageSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int stacks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CallTree tree = profile(stacks, new Random(7));
        Path dir = Files.createTempDirectory("page-speed-");
        Path page = dir.resolve("big.html");
        long written = System.nanoTime();
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlFlameGraph.write(tree, GraphInfo.of("synthetic " + stacks + " stacks", "CPU samples", WeightUnit.SAMPLES), out);
        }
        double writeMs = (System.nanoTime() - written) / 1e6;
        System.out.printf(Locale.ROOT, "profile: %,d distinct stacks, %,d nodes; page %,d bytes, written in %.0f ms%n",
                stacks, tree.nodeCount(), Files.size(page), writeMs);
        List<double[]> samples = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (int run = 0; run < runs; run++) {
                browser.openFlameGraph(page);
                Map<String, Object> t = browser.eval("return flamegraph.timings()");
                double ready = ((Number) t.get("ready")).doubleValue();
                double click = browser.<Number>eval("""
                        const c = document.getElementById('canvas'), r = c.getBoundingClientRect();
                        const f = flamegraph.frames(flamegraph.widestAt(3))[0];
                        const t0 = performance.now();
                        c.dispatchEvent(new MouseEvent('click', { clientX: r.left + f.x + 2, clientY: r.top + f.y + 8, bubbles: true }));
                        return performance.now() - t0;""").doubleValue();
                double reset = browser.<Number>eval("""
                        const t0 = performance.now();
                        document.getElementById('reset').click();
                        return performance.now() - t0;""").doubleValue();
                double search = browser.<Number>eval("""
                        const box = document.getElementById('search');
                        box.value = 'Service';
                        const t0 = performance.now();
                        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
                        return performance.now() - t0;""").doubleValue();
                double invert = browser.<Number>eval("""
                        const t0 = performance.now();
                        document.getElementById('view-inverted').click();
                        return performance.now() - t0;""").doubleValue();
                samples.add(new double[] {ready, click, reset, search, invert});
                if (!browser.problems().isEmpty()) {
                    throw new IllegalStateException("the page reported problems: " + browser.problems());
                }
                browser.clearRecords();
            }
        }
        String[] names = {"open to first frame drawn", "click to zoomed frame drawn", "reset", "search", "inverted view"};
        for (int i = 0; i < names.length; i++) {
            double[] values = new double[samples.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = samples.get(r)[i];
            }
            Arrays.sort(values);
            System.out.printf(Locale.ROOT, "%-30s median %7.0f ms  (min %.0f, max %.0f, %d runs)%n", names[i],
                    values[values.length / 2], values[0], values[values.length - 1], values.length);
        }
    }

    /** Stacks that share prefixes: each new one copies most of an earlier one and adds a few frames. */
    static CallTree profile(int distinct, Random random) {
        String[] vocabulary = new String[4_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "com.example.module" + (i % 40) + ".Service" + (i % 250) + ".method" + i + "(String, int)";
        }
        CallTree tree = new CallTree();
        List<String[]> made = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (made.size() < distinct) {
            String[] base = made.isEmpty() ? new String[0] : made.get(random.nextInt(made.size()));
            int keep = Math.max(0, base.length - 1 - random.nextInt(6));
            int depth = Math.max(keep + 1, Math.min(60, 12 + random.nextInt(24)));
            String[] stack = Arrays.copyOf(base, depth);
            for (int d = keep; d < depth; d++) {
                stack[d] = vocabulary[random.nextInt(vocabulary.length)];
            }
            if (seen.add(String.join(";", stack))) {
                made.add(stack);
                tree.add(stack, stack.length, 1 + random.nextInt(50));
            }
        }
        return tree;
    }
}
