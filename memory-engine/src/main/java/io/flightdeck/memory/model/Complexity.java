package io.flightdeck.memory.model;

/** How hard a task is; harder tasks earn a larger reward multiplier. */
public enum Complexity {
    SIMPLE(1.0),
    MODERATE(1.1),
    COMPLEX(1.2);

    private final double rewardMultiplier;

    Complexity(double rewardMultiplier) {
        this.rewardMultiplier = rewardMultiplier;
    }

    public double rewardMultiplier() {
        return rewardMultiplier;
    }
}
