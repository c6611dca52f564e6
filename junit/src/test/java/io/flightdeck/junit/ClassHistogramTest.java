package io.flightdeck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    static final class Marker {
        final long[] payload = new long[4];
    }

    @Test
    void readsTheJcmdTable() {
        ClassHistogram h = ClassHistogram.parse("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:          1200         640000  [B (java.base@17.0.15)
                   2:            30           1440  [Ljava.lang.Object; (java.base@17.0.15)
                   3:            10            240  com.acme.Cache$Entry
                Total          1240         641680
                """);
        assertThat(h.bytes()).isEqualTo(641_680);
        assertThat(h.instances()).isEqualTo(1_240);
        assertThat(h.byClass()).containsOnlyKeys("byte[]", "java.lang.Object[]", "com.acme.Cache$Entry");
        assertThat(h.byClass().get("com.acme.Cache$Entry")).containsExactly(10, 240);
    }

    @Test
    void textWithoutATotalIsRefused() {
        assertThatThrownBy(() -> ClassHistogram.parse("nothing here")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLiveHistogramSeesWhatIsKept() {
        List<Marker> kept = new ArrayList<>();
        ClassHistogram before = ClassHistogram.baseline();
        for (int i = 0; i < 20_000; i++) {
            kept.add(new Marker());
        }
        ClassHistogram after = ClassHistogram.take();
        assertThat(after.grewSince(before, 3)).anySatisfy(g -> {
            assertThat(g.className()).isEqualTo(Marker.class.getName());
            assertThat(g.instances()).isEqualTo(20_000);
        });
        assertThat(after.grewSince(before, 3)).first().satisfies(g -> assertThat(g.className()).isEqualTo("long[]"));
        assertThat(after.bytes() - before.bytes()).isGreaterThan(20_000L * 16);
        assertThat(kept).hasSize(20_000);
    }
}
