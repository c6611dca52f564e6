package io.flightdeck.profiling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of a ranking: a name (a method, a class, a thread, a site), its weight in the section's unit and its
 * share of the section's total in percent.
 *
 * @param samples the events behind the weight, where the weight is an estimate made of few events (allocation
 *                samples); null, and left out of the JSON, elsewhere
 */
public record Ranked(String name, long weight, double percent, @JsonInclude(JsonInclude.Include.NON_NULL) Long samples) {

    public Ranked(String name, long weight, double percent) {
        this(name, weight, percent, null);
    }
}
