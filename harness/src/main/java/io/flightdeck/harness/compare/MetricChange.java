package io.flightdeck.harness.compare;

/**
 * How one metric moved between a baseline and a current run.
 *
 * @param baselineMedian the baseline samples' median
 * @param currentMedian  the current samples' median
 * @param change         the Hodges–Lehmann estimate of current / baseline − 1 (the median of all pairwise ratios):
 *                       +0.2 is 20 % higher (worse for a latency, better for a throughput; {@code direction} says which)
 * @param lower          the change's confidence interval (the one that goes with the Mann–Whitney test), low end
 * @param upper          its high end
 * @param pValue         Mann–Whitney U, two-sided: how likely samples this different are when nothing changed
 * @param baselineSamples how many samples the baseline had
 * @param currentSamples how many the current run had
 * @param verdict        the conclusion
 * @param reason         the conclusion in one line, with its figures
 */
public record MetricChange(Direction direction, double baselineMedian, double currentMedian, double change,
                           double lower, double upper, double pValue, int baselineSamples, int currentSamples,
                           ChangeVerdict verdict, String reason) {

    /** The same figures with another conclusion. */
    public MetricChange withVerdict(ChangeVerdict otherVerdict, String otherReason) {
        return new MetricChange(direction, baselineMedian, currentMedian, change, lower, upper, pValue,
                baselineSamples, currentSamples, otherVerdict, otherReason);
    }
}
