package io.flightdeck.harness.files;

/** A field of a document read back that no run could have written: its JSON path and what is wrong with it. */
public final class InvalidFieldException extends RuntimeException {

    private final String path;

    public InvalidFieldException(String path, String problem) {
        super(path + " " + problem);
        this.path = path;
    }

    /** "workloads[0].cases[2].iterations". */
    public String path() {
        return path;
    }
}
