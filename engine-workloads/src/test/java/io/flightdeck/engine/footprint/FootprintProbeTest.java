package io.flightdeck.engine.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintProbeTest {

    private static final long MIB = 1 << 20;

    private static Footprint footprint;

    @BeforeAll
    static void measureOnce() {
        footprint = FootprintProbe.measure(); // a few seconds; shared by the tests below
    }

    @Test
    void longerEpisodesTakeMoreMemory() {
        long zero = footprint.episode(0).retainedBytes();
        long ten = footprint.episode(10).retainedBytes();
        long fifty = footprint.episode(50).retainedBytes();

        assertThat(zero).isPositive();
        assertThat(ten).isGreaterThan(zero);
        assertThat(fifty).isGreaterThan(ten);
        assertThat(footprint.episode(50).objectCount()).isGreaterThan(footprint.episode(10).objectCount());
    }

    @Test
    void engineCostPerEpisodeIsPlausible() {
        EngineFootprint engine = footprint.engine();

        assertThat(engine.episodes()).isEqualTo(FootprintProbe.ENGINE_EPISODES);
        assertThat(engine.filledEngineBytes()).isGreaterThan(engine.emptyEngineBytes());
        assertThat(engine.bytesPerEpisode()).isPositive().isLessThan(MIB);
        // the engine stores the episode itself, so it holds at least the bare ten-step episode's share
        assertThat(engine.bytesPerEpisode()).isGreaterThan(footprint.episode(10).retainedBytes() / 2);
    }

    @Test
    void layoutsDescribeTheModelRecords() {
        ClassLayoutInfo episode = footprint.layout(Episode.class.getName());

        assertThat(episode).isNotNull();
        assertThat(episode.instanceSize()).isPositive();
        assertThat(episode.fields()).extracting(FieldLayout::name)
                .contains("id", "steps", "reflection", "metadata");
        assertThat(episode.fields()).allSatisfy(f -> {
            assertThat(f.offset()).isGreaterThanOrEqualTo(episode.headerSize() == null ? 1 : episode.headerSize());
            assertThat(f.size()).isPositive();
            assertThat(f.offset() + f.size()).isLessThanOrEqualTo(episode.instanceSize());
        });
        assertThat(episode.instanceSize() % footprint.vm().objectAlignmentBytes()).isZero();
        assertThat(episode.simulated()).as("real offsets, read through jol.magicFieldOffset").isFalse();
        for (Class<?> p : Pattern.class.getPermittedSubclasses()) {
            assertThat(footprint.layout(p.getName())).as(p.getName()).isNotNull();
        }
    }

    @Test
    void vmFactsMatchTheReferenceSizes() {
        VmLayout vm = footprint.vm();

        assertThat(vm.objectAlignmentBytes()).isPositive();
        assertThat(vm.objectHeaderBytes()).isPositive();
        assertThat(vm.referenceSizeBytes()).isIn(4L, 8L);
        assertThat(vm.compressedOops()).isEqualTo(vm.addressSizeBytes() == 8 && vm.referenceSizeBytes() == 4);
        long idField = footprint.layout(Episode.class.getName()).fields().stream()
                .filter(f -> f.name().equals("id")).findFirst().orElseThrow().size();
        assertThat(idField).isEqualTo(vm.referenceSizeBytes());
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(footprint);

        assertThat(json.readValue(text, Footprint.class)).isEqualTo(footprint);
        ClassLayoutInfo noHeader = new ClassLayoutInfo("x.Y", 16, null, null, 4, true);
        assertThat(json.readValue(json.writeValueAsString(noHeader), ClassLayoutInfo.class)).isEqualTo(noHeader);
    }

    /** The harness's reports read a footprint by its JSON shape into records of their own: the two must agree. */
    @Test
    void readsAsTheFootprintFlightdecksReportsShow() throws Exception {
        var shown = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(footprint),
                io.flightdeck.harness.measure.footprint.Footprint.class);
        assertThat(shown.episodes()).extracting(e -> e.steps(), e -> e.retainedBytes())
                .containsExactlyElementsOf(footprint.episodes().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.steps(), e.retainedBytes())).toList());
        assertThat(shown.engine().bytesPerEpisode()).isEqualTo(footprint.engine().bytesPerEpisode());
        assertThat(shown.layout(Episode.class.getName()).fields()).hasSameSizeAs(
                footprint.layout(Episode.class.getName()).fields());
        assertThat(shown.vm().referenceSizeBytes()).isEqualTo(footprint.vm().referenceSizeBytes());
    }
}
