/**
 * Ground truth for the profiles (issue 17): programs that print what they really did, and tests that compare a
 * profile of them with it.
 *
 * <ul>
 *   <li>The programs ({@link io.flightdeck.harness.truth.CpuSplitProgram},
 *       {@link io.flightdeck.harness.truth.AllocationSplitProgram}, {@link io.flightdeck.harness.truth.ContentionProgram})
 *       are plain {@code main} classes with no dependency on Flightdeck (Jackson only, for their JSON); each measures
 *       itself with {@code ThreadMXBean} and writes its truth as one JSON line, into the file named by its argument
 *       and last on stdout.</li>
 *   <li>{@link io.flightdeck.harness.truth.ProfiledRun} runs one on a JDK under a {@link io.flightdeck.harness.truth.Sampler}
 *       and keeps everything in {@code target/truth/<program>-<sampler>-jdk<n>/} (command, stdout, stderr,
 *       truth.json, recording.jfr).</li>
 *   <li>{@link io.flightdeck.harness.truth.TruthCheck} turns a truth and a profile into rows (truth %, profile %,
 *       difference in points), appends them to {@code target/truth/table-PID.md} (a file per test JVM) and asserts the tolerance;
 *       {@link io.flightdeck.harness.truth.ProfileFigures} is the one class that reads an analysis's fields.</li>
 *   <li>{@link io.flightdeck.harness.truth.InliningProgram} runs the {@code test-inlining} workload's operation;
 *       its tests read the frame types of the samples ({@link io.flightdeck.harness.truth.TopFrames}), because a
 *       slow method counts as attributed through inlining only where a sample names it as an "Inlined" frame.</li>
 * </ul>
 */
package io.flightdeck.harness.truth;
