package io.flightdeck.harness.ab;

/** Why an A/B comparison ran no more rounds. */
public enum StopReason {
    /** Every workload was decided: a metric regressed (more rounds cannot undo that), or every metric was decided. */
    ALL_DECIDED("every workload was decided (a metric regressed, or every metric was decided)"),
    /** Another round would have run past --max-time. */
    TIME_LIMIT("another round would have run past the time limit"),
    /** --max-rounds rounds ran. */
    ROUND_LIMIT("the round limit was reached"),
    /** Every workload is done, and one at least because its forks failed too often to go on. */
    FAILURES("every workload was done, and the forks of one at least kept failing");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
