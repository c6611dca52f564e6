package io.flightdeck.profiling;

/**
 * One row of a ranking: a name (a method, a class, a thread, a site), its weight in the section's unit and its
 * share of the section's total in percent.
 */
public record Ranked(String name, long weight, double percent) {
}
