package io.flightdeck.profiling.rules;

import java.util.List;

/**
 * JDK Mission Control's automated analysis of a recording.
 *
 * @param evaluated whether the rules ran; false when the recording was too large for JMC's in-memory model, or the
 *                  JMC parser could not read it (the reason is in {@code skippedBecause})
 * @param findings  every rule's finding, highest score first
 */
public record RuleAnalysis(boolean evaluated, String skippedBecause, List<RuleFinding> findings) {

    public static RuleAnalysis skipped(String reason) {
        return new RuleAnalysis(false, reason, List.of());
    }
}
