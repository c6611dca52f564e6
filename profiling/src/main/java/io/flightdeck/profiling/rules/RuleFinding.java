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
}
