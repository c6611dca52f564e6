package io.flightdeck.profiling.cpu;

import java.util.List;

import io.flightdeck.profiling.Ranked;

/**
 * Where the CPU went, from execution samples.
 *
 * @param samples        {@code jdk.ExecutionSample} events: Java code on the CPU
 * @param nativeSamples  {@code jdk.NativeMethodSample} events: threads in native code (not counted in the rankings)
 * @param hotBySelf      methods by the samples in which they were the top frame, percent of {@code samples}
 * @param hotByTotal     methods by the samples in whose stack they appear at all (inclusive), percent of {@code samples}
 * @param byThread       threads by samples
 */
public record CpuAnalysis(long samples, long nativeSamples, List<Ranked> hotBySelf, List<Ranked> hotByTotal,
                          List<Ranked> byThread) {
}
