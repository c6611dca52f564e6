package io.flightdeck.engine.footprint;

import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.datagen.EpisodeGenerator;
import io.flightdeck.memory.datagen.GeneratedEpisode;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.ExecutionResult;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.Pattern;
import io.flightdeck.memory.model.Reflection;
import io.flightdeck.memory.model.RewardScore;
import io.flightdeck.memory.model.TaskContext;
import org.openjdk.jol.datamodel.ModelVM;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.layouters.HotSpotLayouter;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures object footprints of the memory engine with JOL.
 *
 * <p>JOL attaches an agent to its own JVM; without the flags Flightdeck gives every child JVM (its {@code JolFlags})
 * it still works (sizes are the same) but prints a warning on <em>stdout</em>, which a child JVM that reports on
 * stdout cannot afford.
 * Walking an engine of thousands of episodes takes a few seconds and some tens of MB of heap.
 *
 * <p>Records: the JDK refuses {@code Unsafe.objectFieldOffset} on record fields, which JOL needs for class
 * layouts (and, without an agent, for any size). JOL's {@code jol.magicFieldOffset} mode reads the offsets
 * another way; this class switches it on as it loads, which works as long as nothing in this JVM used JOL before
 * (true in a child JVM that measures footprints; JOL reads the setting once). If it came too late,
 * {@link #layoutOf} falls back to JOL's model of HotSpot's layout rules and says so.
 */
public final class FootprintProbe {

    static {
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
    }

    /** Step counts of the single episodes measured. */
    public static final List<Integer> EPISODE_STEPS = List.of(0, 10, 50);
    public static final int ENGINE_EPISODES = 2_000;
    public static final int ENGINE_STEPS_PER_EPISODE = 10;

    private static final long SEED = 42;

    private FootprintProbe() {
    }

    /** Episodes of 0, 10 and 50 steps, an engine of 2,000 ten-step episodes, and the model's layouts. */
    public static Footprint measure() {
        return measure(ENGINE_EPISODES);
    }

    /** As {@link #measure()} with an engine of {@code engineEpisodes} episodes (at least 1). */
    public static Footprint measure(int engineEpisodes) {
        if (engineEpisodes < 1) {
            throw new IllegalArgumentException("engineEpisodes must be >= 1: " + engineEpisodes);
        }
        VmLayout vm = vmLayout();
        List<EpisodeFootprint> episodes = new ArrayList<>();
        for (int steps : EPISODE_STEPS) {
            episodes.add(episode(steps));
        }
        return new Footprint(vm, episodes, engine(engineEpisodes, ENGINE_STEPS_PER_EPISODE), modelLayouts());
    }

    public static VmLayout vmLayout() {
        VirtualMachine vm = VM.current();
        int address = vm.addressSize();
        long reference = vm.sizeOfField("java.lang.Object"); // any non-primitive name gives the reference size
        boolean wide = address == 8;
        return new VmLayout(Runtime.version().toString(), address, reference, wide && reference == 4,
                wide && vm.classPointerSize() == 4, vm.objectAlignment(), vm.objectHeaderSize(),
                vm.arrayHeaderSize());
    }

    /**
     * A completed episode of {@code steps} steps, made through a fresh engine. The generator is re-seeded for
     * each size, so the episodes share description, context and type and differ only in their steps.
     * The generator makes at least one step; a 0-step episode is its 1-step episode completed without logging it.
     */
    static EpisodeFootprint episode(int steps) {
        GeneratedEpisode generated = new EpisodeGenerator(SEED).next(Math.max(1, steps));
        try (MemoryEngine engine = MemoryEngine.inMemory()) {
            Episode done = complete(engine, generated, steps);
            GraphLayout graph = GraphLayout.parseInstance(done);
            return new EpisodeFootprint(steps, graph.totalSize(), graph.totalCount());
        }
    }

    /**
     * Bytes an engine holds per stored episode: the engine's reachable graph when filled, minus that of an
     * empty engine, which takes away what any engine reaches (config, clock and whatever they share with
     * the rest of the JVM).
     */
    static EngineFootprint engine(int episodes, int stepsPerEpisode) {
        try (MemoryEngine empty = MemoryEngine.inMemory(); MemoryEngine filled = MemoryEngine.inMemory()) {
            EpisodeGenerator generator = new EpisodeGenerator(SEED);
            for (int i = 0; i < episodes; i++) {
                complete(filled, generator.next(stepsPerEpisode), stepsPerEpisode);
            }
            long emptyBytes = GraphLayout.parseInstance(empty).totalSize();
            long filledBytes = GraphLayout.parseInstance(filled).totalSize();
            return new EngineFootprint(episodes, stepsPerEpisode, emptyBytes, filledBytes,
                    (filledBytes - emptyBytes) / episodes);
        }
    }

    private static Episode complete(MemoryEngine engine, GeneratedEpisode e, int steps) {
        UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
        for (ExecutionStep step : e.steps().subList(0, Math.min(steps, e.steps().size()))) {
            engine.logStep(id, step);
        }
        return engine.completeEpisode(id, e.outcome());
    }

    /** Layouts of the records a stored episode and a learnt pattern are made of. */
    public static List<ClassLayoutInfo> modelLayouts() {
        List<Class<?>> classes = new ArrayList<>(List.of(Episode.class, ExecutionStep.class, TaskContext.class));
        classes.addAll(List.of(ExecutionResult.class.getPermittedSubclasses()));
        classes.addAll(List.of(RewardScore.class, Reflection.class));
        classes.addAll(List.of(Pattern.class.getPermittedSubclasses()));
        List<ClassLayoutInfo> layouts = new ArrayList<>(classes.size());
        for (Class<?> c : classes) {
            layouts.add(layoutOf(c));
        }
        return layouts;
    }

    /** The layout of {@code c} as this JVM makes it; simulated if the real offsets cannot be read (see above). */
    public static ClassLayoutInfo layoutOf(Class<?> c) {
        ClassLayout layout;
        boolean simulated = false;
        try {
            layout = ClassLayout.parseClass(c);
        } catch (RuntimeException offsetsRefused) {
            layout = ClassLayout.parseClass(c, new HotSpotLayouter(new ModelVM(), Runtime.version().feature()));
            simulated = true;
        }
        List<FieldLayout> fields = new ArrayList<>();
        for (org.openjdk.jol.info.FieldLayout f : layout.fields()) {
            fields.add(new FieldLayout(f.name(), f.typeClass(), f.offset(), f.size()));
        }
        int header = layout.headerSize();
        return new ClassLayoutInfo(c.getName(), layout.instanceSize(), header > 0 ? header : null, fields,
                layout.getLossesTotal(), simulated);
    }
}
