package io.flightdeck.flamegraphs.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.flightdeck.flamegraphs.CallTree;

/**
 * Profiles drawn from a known program: every sample is an independent random walk down a fixed random call graph
 * (each method calls 2 to 4 others; a walk stops, and the sample ends, with a per-method chance), so two profiles
 * drawn with different seeds are two multinomial draws from the same distribution: two runs of the same build,
 * without any machine in the way. Walks are deep (tens of frames) and paths sparse, as in real profiles.
 *
 * <p>One hot path is planted: {@code app.Main.loop -> app.Hot.caller -> app.Hot.slow}, about a sixth of the
 * samples ending in {@link #SLOW}. A profile can be drawn with {@link #SLOW}'s own time made a factor slower.
 */
final class SyntheticProfiles {

    static final String ROOT = "java.lang.Thread.run()";
    static final String LOOP = "app.Main.loop()";
    static final String CALLER = "app.Hot.caller()";
    static final String SLOW = "app.Hot.slow()";
    private static final int METHODS = 300;

    private final String[] names = new String[METHODS];
    private final int[][] callees = new int[METHODS][];
    private final double[] stop = new double[METHODS];

    /** The program: the same for every seed of the draws. */
    SyntheticProfiles(long programSeed) {
        Random r = new Random(programSeed);
        for (int i = 0; i < METHODS; i++) {
            names[i] = "app.p" + (i % 17) + ".C" + (i % 41) + ".m" + i + "()";
            callees[i] = new int[2 + r.nextInt(3)];
            for (int k = 0; k < callees[i].length; k++) {
                callees[i][k] = r.nextInt(METHODS);
            }
            stop[i] = 0.02 + 0.2 * r.nextDouble() * r.nextDouble(); // mean depth around 15, some much deeper
        }
    }

    /** {@code samples} independent samples; {@code slowFactor} 1 for the program as it is, 1.3 for 30 % slower. */
    CallTree draw(long seed, int samples, double slowFactor) {
        Random r = new Random(seed);
        CallTree tree = new CallTree();
        List<String> stack = new ArrayList<>();
        int taken = 0;
        while (taken < samples) {
            stack.clear();
            stack.add(ROOT);
            stack.add(LOOP);
            boolean endsInSlow = false;
            if (r.nextDouble() < 0.2) {
                stack.add(CALLER);
                if (r.nextDouble() < 0.9) {
                    stack.add(SLOW);
                    endsInSlow = true;
                }
            } else {
                int m = r.nextInt(METHODS);
                stack.add(names[m]);
                while (stack.size() < 80 && r.nextDouble() >= stop[m]) {
                    m = callees[m][r.nextInt(callees[m].length)];
                    stack.add(names[m]);
                }
            }
            // Why rejection: a sample ending in the slower method is kept always, any other with 1/factor, so the
            // slow method's time weighs factor times more against the rest, exactly, as a slower method would.
            if (!endsInSlow && r.nextDouble() >= 1 / slowFactor) {
                continue;
            }
            tree.add(stack, 1);
            taken++;
        }
        return tree;
    }
}
