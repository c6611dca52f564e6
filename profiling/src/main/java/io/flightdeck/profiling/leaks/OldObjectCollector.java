package io.flightdeck.profiling.leaks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

import io.flightdeck.profiling.EventCollector;
import io.flightdeck.profiling.Frames;
import io.flightdeck.profiling.Ranked;
import io.flightdeck.profiling.Tally;
import io.flightdeck.profiling.leaks.LeakAnalysis.LeakSuspect;
import io.flightdeck.profiling.leaks.LeakAnalysis.ReferenceChain;

/**
 * Old-object samples into leak suspects. JFR writes these events when the recording is dumped, describing objects
 * still alive then, so they are read whatever the analysis window.
 */
public final class OldObjectCollector extends EventCollector {

    public static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    /** Links of a chain kept: JFR itself stores at most about a hundred, and a reader needs the ends. */
    static final int MAX_CHAIN = 24;
    static final int SUSPECTS = 5;
    static final int MAX_DESCRIPTION = 80;
    static final int SITES_PER_SUSPECT = 3;
    static final int CHAINS_PER_SUSPECT = 3;

    private final Tally byClass = new Tally();
    private final Map<String, Suspect> suspects = new HashMap<>();
    private long samples;
    private long withPaths;

    public OldObjectCollector(Frames frames) {
        super(frames);
    }

    /** The samples are written when the recording ends and describe what is alive then, whatever the window. */
    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public void accept(RecordedEvent e, String type) {
        RecordedObject object = e.hasField("object") ? e.getValue("object") : null;
        String className = object != null && object.hasField("type") ? frames.className(object.getClass("type"))
                : "[unknown class]";
        samples++;
        byClass.add(className, 1);
        Suspect suspect = suspects.computeIfAbsent(className, k -> new Suspect());
        suspect.samples++;
        if (e.hasField("objectSize")) {
            suspect.bytes += e.getLong("objectSize");
            suspect.sized = true;
        }
        if (e.hasField("objectAge")) {
            suspect.ages.add(e.getDuration("objectAge").toNanos() / 1e9);
        }
        suspect.sites.add(Frames.top(frames.rootFirst(e.getStackTrace())), 1);
        Chain chain = chain(e, object);
        if (chain != null) {
            withPaths++;
            suspect.chains.add(chain.key(), 1);
            suspect.shownChains.putIfAbsent(chain.key(), List.copyOf(chain.shown()));
        }
    }

    /**
     * The chain from the GC root to the object, root first, as shown (objects with what JFR says of them) and as
     * grouped (classes and fields only: two maps of different sizes hold their entries the same way); null when the
     * recording did not look for one.
     */
    private Chain chain(RecordedEvent e, RecordedObject object) {
        RecordedObject root = e.hasField("root") ? e.getValue("root") : null;
        if (object == null || (root == null && referrer(object) == null)) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        List<String> key = new ArrayList<>();
        shown.add(describe(object));
        key.add(className(object));
        RecordedObject reference = referrer(object);
        while (reference != null && shown.size() < MAX_CHAIN) {
            RecordedObject holder = reference.hasField("object") ? reference.getValue("object") : null;
            if (holder == null) {
                break;
            }
            int skip = reference.hasField("skip") ? reference.getInt("skip") : 0;
            if (skip > 0) {
                shown.add("… " + skip + " more objects …");
                key.add("…");
            }
            shown.add(describe(holder) + edge(reference));
            key.add(className(holder) + edge(reference));
            reference = referrer(holder);
        }
        if (reference != null) {
            shown.add("… (chain cut after " + MAX_CHAIN + " links)");
        }
        String rootLine = root == null ? "GC root: not recorded" : "GC root: " + rootText(root);
        shown.add(rootLine);
        key.add(rootLine);
        Collections.reverse(shown);
        Collections.reverse(key);
        return new Chain(String.join("\n", key), shown);
    }

    private record Chain(String key, List<String> shown) {
    }

    private static RecordedObject referrer(RecordedObject object) {
        return object.hasField("referrer") ? object.getValue("referrer") : null;
    }

    /**
     * An object of the chain: its class, and what JFR says of it when it says anything (the class a
     * {@code java.lang.Class} stands for, a thread's name), so that a static field reads as whose it is.
     */
    private String className(RecordedObject object) {
        return frames.className(object.hasField("type") ? object.getClass("type") : null);
    }

    private String describe(RecordedObject object) {
        String name = className(object);
        String description = object.hasField("description") ? object.getString("description") : null;
        if (description == null || description.isBlank()) {
            return name;
        }
        String shown = description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) + "…" : description;
        return name + " (" + shown.replace('\n', ' ') + ")";
    }

    /** How a holder refers to the next link: ".field", or " element" for an array's slot (slots are not told apart). */
    private static String edge(RecordedObject reference) {
        RecordedObject field = reference.hasField("field") ? reference.getValue("field") : null;
        if (field != null && field.hasField("name") && field.getString("name") != null) {
            return "." + field.getString("name");
        }
        RecordedObject array = reference.hasField("array") ? reference.getValue("array") : null;
        return array != null ? " element" : "";
    }

    private static String rootText(RecordedObject root) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("type", "system", "description")) {
            if (root.hasField(name)) {
                Object value = root.getValue(name);
                if (value != null && !String.valueOf(value).isBlank() && !"<unknown>".equals(value)) {
                    parts.add(String.valueOf(value));
                }
            }
        }
        return parts.isEmpty() ? "unknown" : String.join(", ", parts);
    }

    public LeakAnalysis result(int top) {
        List<LeakSuspect> ranked = new ArrayList<>();
        for (Ranked row : byClass.top(Math.min(top, SUSPECTS), samples)) {
            Suspect s = suspects.get(row.name());
            List<ReferenceChain> chains = s.chains.top(CHAINS_PER_SUSPECT, s.samples).stream()
                    .map(r -> new ReferenceChain(s.shownChains.get(r.name()), r.weight())).toList();
            ranked.add(new LeakSuspect(row.name(), s.samples, row.percent(), s.sized ? s.bytes : null,
                    median(s.ages), s.sites.top(SITES_PER_SUSPECT, s.samples), chains));
        }
        return new LeakAnalysis(samples, withPaths, byClass.top(top, samples), List.copyOf(ranked));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** What one class's samples add up to. */
    private static final class Suspect {
        final Tally sites = new Tally();
        final Tally chains = new Tally();
        /** each chain's key as first met, with what JFR said of its objects */
        final Map<String, List<String>> shownChains = new HashMap<>();
        final List<Double> ages = new ArrayList<>();
        long samples;
        long bytes;
        boolean sized;
    }
}
