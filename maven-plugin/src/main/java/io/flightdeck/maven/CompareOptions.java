package io.flightdeck.maven;

import java.nio.file.Path;

/**
 * A comparison ({@code flightdeck compare A B}).
 *
 * @param baseline A: a run folder, its report.json, or the name of a saved baseline
 * @param current B, the same kinds
 * @param regressionLimit worse by more than this is a regression, e.g. 10%; null for Flightdeck's default
 * @param budgets a budgets file whose regressions set metrics' own limits; null for the built-in one
 */
record CompareOptions(String baseline, String current, String regressionLimit, Path budgets) {
}
