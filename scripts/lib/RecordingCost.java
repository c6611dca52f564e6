import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.flightdeck.api.Scale;
import io.flightdeck.api.Session;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadContext;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;

/**
 * What recording costs a workload, measured inside one JVM (scripts/recording-cost runs it): the workload's operation
 * runs in phases, each phase under one arm, the arms in a new random order every cycle, and each arm's throughput is
 * divided by the unrecorded arm's of the same cycle. Why one JVM: two JVMs of the same build differ by more than the
 * cost being measured (a lifecycle on the in-memory store read 6,200 to 12,200 episodes/s without any recording), and
 * slow spells of the machine last seconds, so arms seconds apart share them.
 *
 * <p>Arms: {@code none}; {@code jfr}, JFR's profile settings (what {@code --sampler jfr} records); {@code recorded},
 * what a run's child recorded by default before its allocation sampler was paced: JFR's profile settings without its
 * execution, native-method and allocation samples, plus async-profiler's CPU (10 ms) and allocation sampler
 * (512 KiB). Today's default is {@code recorded:event=cpu;interval=20ms;alloc=N+jdk.OldObjectSample#stackTrace=false}
 * with the N a run reports. The JVM has DebugNonSafepoints in every arm (a flag cannot change mid-run), and a
 * recording's start-up cost falls in the unmeasured settling time of its phase.
 * For finding where a cost comes from, {@code empty} (a recording with no events), {@code default} (JFR's default
 * settings) and {@code recorded:OPTIONS} (the default recording with other agent options) can be asked for too;
 * {@code recorded@default} and {@code recorded@default:OPTIONS} take JFR's default settings instead of profile.
 *
 * <p>Arguments: workload class, store, cycles, the seconds each phase settles before it is measured, and optionally
 * the arms, comma-separated, {@code none} first.
 */
public final class RecordingCost {

    private static final long MEASURE_NANOS = 2_500_000_000L;

    public static void main(String[] args) throws Exception {
        String workloadClass = args[0];
        String store = args[1];
        int cycles = Integer.parseInt(args[2]);
        long settleNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        Workload workload = (Workload) Class.forName(workloadClass).getDeclaredConstructor().newInstance();
        Path dir = Files.createTempDirectory("recording-cost");
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        Path agentFile = dir.resolve("agent.jfr");
        List<String> arms = args.length > 4 ? List.of(args[4].split(",")) : List.of("none", "jfr", "recorded");
        if (!arms.contains("none")) {
            System.err.println("recording-cost: the arms must include none, which the others are judged against");
            System.exit(2);
        }
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        arms.forEach(a -> {
            ratios.put(a, new ArrayList<>());
            rates.put(a, new ArrayList<>());
        });
        try (Session session = workload.open(new WorkloadContext(Scale.SMALL, 42, dir, Map.of("store", store)),
                workload.cases(Scale.SMALL).get(0))) {
            session.prepare(0);
            runFor(session, 5_000_000_000L); // warm-up
            Random order = new Random(1);
            for (int c = 0; c < cycles; c++) {
                List<String> shuffled = new ArrayList<>(arms);
                Collections.shuffle(shuffled, order);
                Map<String, Double> cycle = new LinkedHashMap<>();
                for (String arm : shuffled) {
                    Recording recording = arm.equals("none") ? null : jfr(arm);
                    String agent = agentOptions(arm);
                    if (agent != null) {
                        profiler.execute("start," + agent + ",file=" + agentFile);
                    }
                    runFor(session, settleNanos);
                    long start = System.nanoTime();
                    long ops = runFor(session, MEASURE_NANOS);
                    double rate = ops / ((System.nanoTime() - start) / 1e9);
                    if (recording != null) {
                        recording.stop();
                        recording.close();
                    }
                    if (agent != null) {
                        profiler.execute("stop,file=" + agentFile);
                    }
                    cycle.put(arm, rate);
                }
                for (String arm : arms) {
                    rates.get(arm).add(cycle.get(arm));
                    ratios.get(arm).add(cycle.get(arm) / cycle.get("none"));
                }
                System.err.printf("cycle %d/%d: %s%n", c + 1, cycles, cycle);
            }
        }
        System.out.printf("%s, store %s, %d cycles of %d arms (%.1f s settling, %.1f s measured each)%n",
                workloadClass, store, cycles, arms.size(), settleNanos / 1e9, MEASURE_NANOS / 1e9);
        for (String arm : arms) {
            List<Double> r = sorted(ratios.get(arm));
            System.out.printf("%-9s median %,8.0f ops/s   ratio to none: median %.3f (quartiles %.3f to %.3f)%n", arm,
                    median(sorted(rates.get(arm))), median(r), r.get(r.size() / 4), r.get(r.size() * 3 / 4));
        }
    }

    private static Recording jfr(String armWithSettings) throws Exception {
        String[] parts = armWithSettings.split("\\+");
        String arm = parts[0];
        Recording recording = switch (arm) {
            case "empty" -> new Recording();
            case "default" -> new Recording(Configuration.getConfiguration("default"));
            default -> new Recording(Configuration.getConfiguration(arm.contains("@default") ? "default" : "profile"));
        };
        if (agentOptions(arm) != null) {
            recording.disable("jdk.ExecutionSample");
            recording.disable("jdk.NativeMethodSample");
            recording.disable("jdk.ObjectAllocationSample");
        }
        if (parts.length > 1) { // ARM+EVENT#SETTING=VALUE+...: the arm with other event settings
            Map<String, String> settings = new LinkedHashMap<>(recording.getSettings());
            for (int i = 1; i < parts.length; i++) {
                String[] keyValue = parts[i].split("=", 2);
                settings.put(keyValue[0], keyValue[1]);
            }
            recording.setSettings(settings);
        }
        recording.setToDisk(true);
        recording.start();
        return recording;
    }

    /**
     * async-profiler's options for an arm that runs it: {@code recorded} as a run's child
     * ({@code SamplerFlags.agentOptions} at the default intervals without its logging), {@code recorded:OPTIONS} with other options, ';' for
     * ',' (e.g. {@code recorded:event=cpu;interval=10ms;cstack=fp}); null for the others.
     */
    private static String agentOptions(String armWithSettings) {
        String arm = armWithSettings.split("\\+")[0].replace("@default", "");
        if (arm.equals("recorded")) {
            return "event=cpu,interval=10ms,alloc";
        }
        return arm.startsWith("recorded:") ? arm.substring("recorded:".length()).replace(';', ',') : null;
    }

    private static long runFor(Session session, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        long ops = 0;
        while (System.nanoTime() < end) {
            session.operation(0);
            ops++;
        }
        return ops;
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
