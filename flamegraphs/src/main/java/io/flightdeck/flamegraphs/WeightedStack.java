package io.flightdeck.flamegraphs;

import java.util.List;

/**
 * One stack and how much it weighs (samples, bytes, nanoseconds: whatever the profile counts).
 *
 * @param frames frame names, root (outermost caller) first; immutable; empty for weight not attributed to any frame
 * @param weight greater than zero
 */
public record WeightedStack(List<String> frames, long weight) {

    public WeightedStack {
        frames = List.copyOf(frames);
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
    }
}
