package io.flightdeck.profiling.cpu;

import java.util.List;
import java.util.Map;

import io.flightdeck.profiling.Ranked;

/**
 * Where the CPU went, from the best CPU sampler the recording holds ({@link CpuSource}). Rankings, shares and the
 * call tree count the samples of that one source: with JFR's own samplers, execution and native-method samples
 * together, so code in native methods (JNI, e.g. zlib, SQLite) is ranked beside Java code.
 *
 * @param samples           samples of the source used: the total of the rankings and of the CPU call tree (with
 *                          JFR's samplers, execution samples and native-method samples but those of threads waiting
 *                          for input, {@code waitingNativeSamples})
 * @param nativeSamples     {@code jdk.NativeMethodSample} events in the recording (part of {@code samples} when the
 *                          source is {@code jdk.ExecutionSample+jdk.NativeMethodSample})
 * @param hotBySelf         methods by the samples in which they were the top frame, percent of {@code samples}
 * @param hotByTotal        methods by the samples in whose stack they appear at all (inclusive), percent of
 *                          {@code samples}
 * @param byThread          threads by samples, native ones included
 * @param source            the source used: "async-profiler", "jdk.CPUTimeSample",
 *                          "jdk.ExecutionSample+jdk.NativeMethodSample", or "none"
 * @param samplesBySource   the CPU samples of every source in the recording, used or not, by source
 * @param samplesInNative   samples of the source used whose top frame is native code (a JNI method, or C, C++ or
 *                          kernel code as async-profiler sees it)
 * @param nativePercent     {@code samplesInNative} as a percent of {@code samples}
 * @param lostSamples       samples JDK 25's CPU-time sampler says it dropped ({@code jdk.CPUTimeSamplesLost}); null
 *                          when the recording has no such events
 * @param debugNonSafepoints whether the JVM had {@code -XX:+DebugNonSafepoints}, without which JFR's samplers blame
 *                          methods the JIT inlined on their callers (the analysis then warns); null when it does not
 *                          matter (async-profiler's samples, no samples)
 * @param waitingNativeSamples native-method samples of threads blocked in a JDK method that waits for input (a
 *                          socket, a pipe, a poll, another process), left out of the CPU figures because JFR samples
 *                          native code whether it runs or not; null unless JFR's samplers are the source
 */
public record CpuAnalysis(long samples, long nativeSamples, List<Ranked> hotBySelf, List<Ranked> hotByTotal,
                          List<Ranked> byThread, String source, Map<String, Long> samplesBySource,
                          Long samplesInNative, Double nativePercent, Long lostSamples,
                          Boolean debugNonSafepoints, Long waitingNativeSamples) {
}
