package io.flightdeck.profiling.rules;

/**
 * One JDK Mission Control rule's verdict on a recording.
 *
 * @param id       the rule's id, e.g. {@code GcPauseRatio}
 * @param name     its title
 * @param topic    its area (gc, memory, code...)
 * @param severity {@code WARNING}, {@code INFO}, {@code OK}, {@code NA} (the recording lacks what it needs) or
 *                 {@code ERROR} when the rule itself failed
 * @param score    0 to 100 (JMC's scale: 75 and above is a warning), null when the rule gives none
 * @param message  the rule's summary with its figures filled in, or the failure
 */
public record RuleFinding(String id, String name, String topic, String severity, Double score, String message) {

    public static final String ERROR = "ERROR";
    public static final String WARNING = "WARNING";
    /** JMC's own warning band starts here ({@code Severity.WARNING}'s limit): 25 to 75 is INFO. */
    public static final double WARNING_SCORE = 75;

    /**
     * Whether a person should look at this first: a WARNING that JMC scored in its warning band. Not INFO (JMC itself
     * calls it information, not a problem), and not a WARNING without a score: JMC 9's condition rules (a full GC
     * happened, GC threads ran inverted, a pause missed its target) warn on any occurrence without grading it, and the
     * harness itself causes those (leak checks collect fully every second; a busy machine inverts GC parallelism).
     * Every finding still shows, by severity, in the recording's rules table.
     */
    public boolean worthALook() {
        return WARNING.equals(severity) && score != null && score >= WARNING_SCORE;
    }
}
