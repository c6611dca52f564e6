package io.flightdeck.flamegraphs;

import java.util.Locale;

/**
 * The colours of a flame graph, shared by the HTML page (which receives them in its data) and the SVG: a hue
 * per {@link FrameCategory}, in {@link #SHADES} shades so that neighbouring frames stay apart, and a white to
 * red / white to blue scale for differential graphs.
 */
public final class FramePalette {

    /** Shades per category. */
    public static final int SHADES = 8;
    /** Frames that match a search. */
    public static final String MATCH = "#e040e0";
    /** A frame whose share did not change. */
    public static final String NEUTRAL = "#eeeeee";
    /** The root, "all": not a frame of the program. */
    public static final String ROOT = "#c9ccd0";

    private FramePalette() {
    }

    /** The colour of a frame of this category in this shade (0 to {@link #SHADES} - 1), as #rrggbb. */
    public static String color(FrameCategory category, int shade) {
        double t = Math.floorMod(shade, SHADES) / (double) (SHADES - 1);
        return switch (category) {
            case APPLICATION -> between(0x77b849, 0x57d957, t);
            case JDK -> between(0x60b7bf, 0x70b2e0, t);
            case NATIVE -> between(0xe06965, 0xf2916d, t);
            case KERNEL -> between(0xe0a243, 0xf2cb49, t);
            case GC -> between(0xa37ecc, 0xce8ee6, t);
            case HARNESS -> between(0xa8a8a0, 0xc8c8bc, t); // greys: the bookkeeping, not what is measured
        };
    }

    /** Every category's shades in category order, as the HTML page reads them. */
    public static String[][] table() {
        FrameCategory[] categories = FrameCategory.values();
        String[][] table = new String[categories.length][SHADES];
        for (FrameCategory category : categories) {
            for (int shade = 0; shade < SHADES; shade++) {
                table[category.ordinal()][shade] = color(category, shade);
            }
        }
        return table;
    }

    /**
     * The shade of a frame name: the same name always gets the same shade, different names mostly differ.
     * FNV-1a over the UTF-16 code units.
     */
    public static int shade(String name) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * 0x01000193;
        }
        return Math.floorMod(hash, SHADES);
    }

    /**
     * A differential frame's colour: {@code change} is its share now minus its share in the baseline, {@code
     * scale} the largest such change in the graph; grown frames go to red, shrunk ones to blue, in proportion, in
     * {@link #DIFF_STEPS} steps. The HTML page picks from the same {@link #diffRamp ramps}.
     */
    public static String diffColor(double change, double scale) {
        if (change == 0 || scale <= 0) {
            return NEUTRAL;
        }
        double intensity = Math.min(1, Math.abs(change) / scale);
        int step = Math.max(1, (int) Math.round(intensity * DIFF_STEPS));
        return (change > 0 ? GREW : SHRANK)[step];
    }

    /** Steps of a differential ramp; step 0 is the neutral colour. */
    public static final int DIFF_STEPS = 20;

    private static final String[] GREW = ramp(true);
    private static final String[] SHRANK = ramp(false);

    /** The colours from neutral (step 0) to the strongest growth (red) or shrinkage (blue); a copy. */
    public static String[] diffRamp(boolean grew) {
        return (grew ? GREW : SHRANK).clone();
    }

    /** The colour of a frame the baseline lacks (drawn hatched): the strongest growth. */
    public static String newFrame() {
        return GREW[DIFF_STEPS];
    }

    private static String[] ramp(boolean grew) {
        String[] ramp = new String[DIFF_STEPS + 1];
        ramp[0] = NEUTRAL;
        for (int step = 1; step <= DIFF_STEPS; step++) {
            double t = (step - 1) / (double) (DIFF_STEPS - 1);
            ramp[step] = grew ? between(0xfee1e1, 0xeb2f2f, t) : between(0xe1ebfe, 0x2f74eb, t);
        }
        return ramp;
    }

    /**
     * The colour a fraction {@code t} of the way from one RGB colour to another, as #rrggbb. Why straight RGB and
     * not java.awt.Color's HSB: the ends are picked to be close in hue, and loading AWT costs a command ~40 ms.
     */
    private static String between(int from, int to, double t) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (from >> shift) & 0xff;
            int b = (to >> shift) & 0xff;
            rgb |= (int) Math.round(a + (b - a) * t) << shift;
        }
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
