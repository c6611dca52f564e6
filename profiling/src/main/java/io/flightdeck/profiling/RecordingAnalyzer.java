package io.flightdeck.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import io.flightdeck.profiling.spi.ChunkOrigin;
import io.flightdeck.profiling.spi.PassContext;
import io.flightdeck.profiling.spi.RegisteredAnalyses;
import io.flightdeck.profiling.spi.ResultContext;
import io.flightdeck.profiling.spi.Run;
import io.flightdeck.profiling.spi.Runs;
import io.flightdeck.profiling.rules.JmcRules;
import io.flightdeck.profiling.rules.RuleAnalysis;

/**
 * One streaming pass over a recording with {@link RecordingFile}, which holds one event at a time: memory stays
 * bounded by the rankings and the (capped) call trees, not by the recording's size. Works on any JFR file: ours,
 * or one from production, from JDK 11 on.
 */
public final class RecordingAnalyzer {

    /** The event types whose settings the analysis reports: those some registered analysis reads. */
    private static final Set<String> ANALYSED = RegisteredAnalyses.eventTypes();

    private static final String BOOLEAN_FLAG = "jdk.BooleanFlag";

    /** How the warning starts that says the rules were skipped (a reader of warnings may leave it out). */
    public static final String RULES_NOT_RUN = "JMC's rules did not run";

    private RecordingAnalyzer() {
    }

    public static Analysis analyze(Path file, AnalysisOptions options) throws RecordingException {
        if (!Files.exists(file)) {
            throw new RecordingException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new RecordingException(file + ": is a folder, not a recording");
        }
        ChunkHeader header = ChunkHeader.read(file);
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage());
        }

        Frames frames = new Frames();
        ChunkOrigin chunks = new ChunkOrigin();
        Runs runs = new Runs(RegisteredAnalyses.ALL, new PassContext(frames, options, chunks));
        // several analyses may read one event type: each gets every event of it
        Map<String, List<Run<?, ?>>> byType = new HashMap<>();
        for (Run<?, ?> run : runs.all()) {
            if (options.analyses(run.plugin().section())) {
                for (String type : run.plugin().eventTypes()) {
                    byType.computeIfAbsent(type, t -> new ArrayList<>(1)).add(run);
                }
            }
        }

        List<String> warnings = new ArrayList<>();
        Map<Long, String> typeNames = new HashMap<>();
        Map<String, String> settings = new TreeMap<>();
        JvmFacts jvm = new JvmFacts();
        ProcessCpu processCpu = new ProcessCpu();
        Map<String, Boolean> flags = new TreeMap<>();
        Pass pass = new Pass(options, byType, settings, jvm, processCpu, header.start());
        pass.typeNames = typeNames; // filled as each chunk's metadata is read, before its events
        pass.chunks = chunks;
        pass.clocks = ChunkClocks.read(file);
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(false); // sorting a chunk's events by time costs; nothing here needs the order
            // only the types registered here are parsed: the rest of the recording is skipped, not decoded
            for (String type : byType.keySet()) {
                stream.onEvent(type, pass::accept);
            }
            for (String type : List.of("jdk.JVMInformation", "jdk.ActiveSetting", "jdk.CPULoad", "jdk.CPUInformation")) {
                stream.onEvent(type, pass::accept);
            }
            // the JVM's flags, for the analyses that depend on them; not counted as events read
            stream.onEvent(BOOLEAN_FLAG, e -> flags.put(e.getString("name"), e.getBoolean("value")));
            // called before a chunk's events when its metadata differs from the chunk read before (a chunk with the
            // same metadata is the same program's): which program wrote the chunk is known when they arrive
            stream.onMetadata(m -> {
                m.getEventTypes().forEach(t -> typeNames.put(t.getId(), t.getName()));
                chunks.chunk(m.getEventTypes());
            });
            stream.start();
        } catch (NoSuchFileException e) {
            throw new RecordingException(file + ": no such file");
        } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
            if (pass.events == 0) {
                throw new RecordingException(file + ": cannot be read as a recording: " + oneLine(e));
            }
            warnings.add(String.format("the recording is damaged or cut short after %,d events (%s): the figures "
                    + "cover what could be read", pass.events, oneLine(e)));
        }
        for (Run<?, ?> run : runs.all()) {
            if (options.analyses(run.plugin().section()) && !run.laterEventTypes().isEmpty()) {
                String failure = readLater(file, run, options, chunks, pass.clocks);
                if (failure != null && warnings.isEmpty()) {
                    warnings.add("the " + run.plugin().laterEventsName() + " could be read only in part (" + failure
                            + "): the " + run.plugin().section().name().toLowerCase(java.util.Locale.ROOT)
                            + " figures cover what could be read");
                }
            }
        }
        long[] whole = ChunkHeader.wholeChunks(file);
        if (whole[0] == 0) {
            throw new RecordingException(file + ": is cut short or damaged: its first chunk declares "
                    + String.format("%,d", header.chunkSize()) + " bytes, the file has " + String.format("%,d", bytes));
        }
        if (whole[1] < bytes && warnings.isEmpty()) {
            warnings.add(String.format("the recording is cut short or damaged after %,d whole chunks (%,d of %,d "
                    + "bytes): the figures cover those chunks", whole[0], whole[1], bytes));
        }
        if (pass.events == 0) {
            requireReadable(file); // no event of ours: a recording without them, or one the stream gave up on quietly
        }
        Map<String, Long> allCounts = options.countEvents() ? allEventCounts(file) : Map.of();
        long events = allCounts.isEmpty() ? pass.events : allCounts.values().stream().mapToLong(Long::longValue).sum();
        Instant first = pass.first;
        Instant last = pass.last;

        Instant from = options.from() != null && options.from().isAfter(first) ? options.from() : first;
        Instant to = options.to() != null && options.to().isBefore(last) ? options.to() : last;
        double seconds = options.windowSeconds(from, to);
        if (options.countEvents()) {
            for (Run<?, ?> run : runs.all()) {
                warnings.addAll(run.plugin().missing(allCounts));
            }
        }
        RecordingFacts facts = new RecordingFacts(file.toString(), bytes, header.major() + "." + header.minor(), first,
                last, Duration.between(first, last).toNanos() / 1e9, from, to, jvm.name, jvm.version, jvm.arguments,
                jvm.javaArguments, events, allCounts, settings, options.measured());
        int top = options.top();
        // JMC's rules read the recording their own way, after the streaming pass has vouched for it
        RuleAnalysis rules = options.rulesMaxBytes() > 0 && warnings.stream().noneMatch(w -> w.contains("damaged"))
                ? JmcRules.evaluate(file, options.rulesMaxBytes())
                : RuleAnalysis.skipped(options.rulesMaxBytes() > 0 ? "the recording is damaged" : "not asked for");
        if (!rules.evaluated()) {
            warnings.add(RULES_NOT_RUN + ": " + rules.skippedBecause());
        }
        ResultContext context = new ResultContext(top, from, to, seconds, processCpu.nanos(seconds), facts,
                Collections.unmodifiableMap(flags), chunks, warnings);
        for (Run<?, ?> run : runs.all()) {
            run.result(context); // in registration order, so their warnings come in that order
        }
        return new Analysis(Analysis.SCHEMA_VERSION, facts, runs.result(RegisteredAnalyses.CPU, context),
                runs.result(RegisteredAnalyses.ALLOCATION, context), runs.result(RegisteredAnalyses.GC, context),
                runs.result(RegisteredAnalyses.LOCKS, context), runs.result(RegisteredAnalyses.LEAKS, context),
                rules, runs.result(RegisteredAnalyses.THREADS, context), List.copyOf(warnings),
                new Analysis.Stacks(runs.tree(RegisteredAnalyses.CPU), runs.tree(RegisteredAnalyses.ALLOCATION),
                        runs.tree(RegisteredAnalyses.LOCKS), runs.tree(RegisteredAnalyses.THREADS)));
    }

    /**
     * The events an analysis asked for after the main pass ({@link io.flightdeck.profiling.spi.AnalysisPlugin#laterEventTypes}),
     * in a pass of their own; returns why it stopped early, or null.
     */
    private static String readLater(Path file, Run<?, ?> run, AnalysisOptions options, ChunkOrigin chunks,
                                    ChunkClocks clocks) {
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(false);
            stream.onMetadata(m -> chunks.chunk(m.getEventTypes()));
            for (String type : run.laterEventTypes()) {
                stream.onEvent(type, e -> {
                    Instant start = chunks.asyncProfiler() ? clocks.start(e) : e.getStartTime();
                    if (!run.collector().windowed(type) || options.inWindow(start)) {
                        run.accept(e, type);
                    }
                });
            }
            stream.start();
            return null;
        } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
            return oneLine(e); // when the main pass failed too, it has already said what is wrong with the file
        }
    }

    /**
     * Counts of every event type, from a walk over the records that decodes none of them ({@link EventCounts});
     * empty if that walk fails (the pass has then already said what is wrong with the file).
     */
    private static Map<String, Long> allEventCounts(Path file) {
        Map<String, Long> all = new TreeMap<>();
        try {
            all.putAll(EventCounts.count(file));
        } catch (IOException | RuntimeException e) {
            all.clear();
        }
        return all;
    }

    /** Throws unless the JDK's reader can read the recording's first event: a cheap check, run only when needed. */
    private static void requireReadable(Path file) throws RecordingException {
        try (RecordingFile recording = new RecordingFile(file)) {
            if (recording.hasMoreEvents()) {
                recording.readEvent();
            }
        } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
            throw new RecordingException(file + ": is damaged: " + oneLine(e));
        }
    }

    private static void setting(RecordedEvent e, Map<Long, String> typeNames, Map<String, String> settings) {
        String type = typeNames.get(e.getLong("id"));
        if (type != null && ANALYSED.contains(type)) {
            settings.put(type + "#" + e.getString("name"), e.getString("value"));
        }
    }

    /** The state of the single pass, fed by the stream's handlers. */
    private static final class Pass {
        final AnalysisOptions options;
        final Map<String, List<Run<?, ?>>> byType;
        final Map<String, String> settings;
        final JvmFacts jvm;
        final ProcessCpu processCpu;
        Map<Long, String> typeNames = new HashMap<>();
        ChunkOrigin chunks;
        ChunkClocks clocks;
        Instant first;
        Instant last;
        long events;

        Pass(AnalysisOptions options, Map<String, List<Run<?, ?>>> byType, Map<String, String> settings, JvmFacts jvm,
             ProcessCpu processCpu, Instant start) {
            this.options = options;
            this.byType = byType;
            this.settings = settings;
            this.jvm = jvm;
            this.processCpu = processCpu;
            this.first = start;
            this.last = start;
        }

        void accept(RecordedEvent e) {
            events++;
            String type = e.getEventType().getName();
            Instant start = e.getStartTime();
            Instant end = e.getEndTime();
            if (chunks.asyncProfiler()) { // its own clock: see ChunkClocks
                Instant own = clocks.start(e);
                end = own.plus(Duration.between(start, end));
                start = own;
            }
            if (start.isBefore(first)) {
                first = start;
            }
            if (end.isAfter(last)) {
                last = end;
            }
            switch (type) {
                case "jdk.JVMInformation" -> jvm.accept(e);
                case "jdk.ActiveSetting" -> setting(e, typeNames, settings);
                case "jdk.CPUInformation" -> processCpu.accept(e, type);
                // the load of the analysed span, as the samples it is held against (warm-up's JIT is not in them)
                case "jdk.CPULoad" -> {
                    if (options.inWindow(start)) {
                        processCpu.accept(e, type);
                    }
                }
                default -> {
                }
            }
            List<Run<?, ?>> readers = byType.get(type);
            if (readers != null) {
                for (Run<?, ?> run : readers) {
                    if (!run.collector().windowed(type) || options.inWindow(start)) {
                        run.accept(e, type);
                    }
                }
            }
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }

    /** The JVM that made the recording. */
    private static final class JvmFacts {
        String name;
        String version;
        String arguments;
        String javaArguments;

        void accept(RecordedEvent e) {
            name = e.getString("jvmName");
            version = e.getString("jvmVersion");
            arguments = e.getString("jvmArguments");
            javaArguments = e.getString("javaArguments");
        }
    }

    /**
     * The process's CPU time, estimated from the periodic {@code jdk.CPULoad} (the JVM's share of all the machine's
     * CPUs) and the machine's hardware threads: the denominator of the GC CPU share.
     */
    private static final class ProcessCpu {
        double loadSum;
        long loadSamples;
        int hwThreads;

        void accept(RecordedEvent e, String type) {
            if ("jdk.CPUInformation".equals(type)) {
                hwThreads = e.getInt("hwThreads");
            } else {
                loadSum += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                loadSamples++;
            }
        }

        long nanos(double seconds) {
            if (loadSamples == 0 || hwThreads == 0) {
                return 0;
            }
            return (long) (loadSum / loadSamples * hwThreads * seconds * 1e9);
        }
    }
}
