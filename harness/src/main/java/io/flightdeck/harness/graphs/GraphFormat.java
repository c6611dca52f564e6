package io.flightdeck.harness.graphs;

import java.nio.file.Path;
import java.util.Locale;

/** What a flame graph file is, by the end of its name. */
public enum GraphFormat {
    HTML(".html"),
    SVG(".svg"),
    FOLDED(".folded");

    private final String extension;

    GraphFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for, or null when its ending is none of ours. */
    public static GraphFormat of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (GraphFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return format;
            }
        }
        return lower.endsWith(".htm") ? HTML : null;
    }
}
