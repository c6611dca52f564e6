package io.flightdeck.harness.env;

/**
 * One sampling interval of {@link NoiseMonitor}.
 *
 * @param elapsedMillis  end of the interval, since the monitor started
 * @param intervalMillis length of the interval
 * @param busyCores      whole-system CPU busy over the interval, in cores (busy fraction × logical cores)
 * @param measuredCores  CPU used by the measured processes (this one included) over the interval, in cores
 * @param swapUsedBytes  swap in use at the end of the interval, null if unknown
 * @param loadAverage1m  1-minute load average at the end of the interval, null if the OS has none
 */
public record NoiseSample(long elapsedMillis, long intervalMillis, double busyCores, double measuredCores,
                          Long swapUsedBytes, Double loadAverage1m) {

    /**
     * CPU used by everything else, in cores. Clamped at 0: ticks are counted in 10 ms steps, so the measured
     * processes can come out slightly above the system total.
     */
    public double otherCores() {
        return Math.max(0.0, busyCores - measuredCores);
    }
}
