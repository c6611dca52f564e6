package io.flightdeck.flamegraphs;

import java.util.Objects;

/** One frame of a folded stack: its clean name (suffix removed) and the kind the suffix said. */
public record Frame(String name, FrameKind kind) {

    public Frame {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
