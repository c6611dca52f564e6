package io.flightdeck.harness.ab;

import java.util.Locale;

/** The two builds an A/B comparison runs: the base it is judged against, and the head it judges. */
public enum Side {
    BASE, HEAD;

    /** "base", "head": the folder and the word in the output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
