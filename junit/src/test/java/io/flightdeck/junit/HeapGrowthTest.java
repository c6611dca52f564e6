package io.flightdeck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapGrowthTest {

    /** What a leaking listener registry keeps: about 40 bytes each. */
    static final class ForgottenListener {
        final long id;
        final int[] state = new int[2];

        ForgottenListener(long id) {
            this.id = id;
        }
    }

    static final List<Object> REGISTRY = new ArrayList<>();
    static volatile Object sink;

    @AfterEach
    void forget() {
        REGISTRY.clear();
    }

    @Test
    void aLeakFailsAndIsNamed() {
        assertThatThrownBy(() -> HeapGrowth.assertPerOperation(8, 1_000, 20_000,
                i -> REGISTRY.add(new ForgottenListener(i))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("over 20,000 operations")
                .hasMessageContaining("above the limit of 8.0 bytes per operation")
                .hasMessageContaining(ForgottenListener.class.getName() + " +20,000 instances");
    }

    @Test
    void garbageIsNotALeak() {
        HeapGrowthReport report = HeapGrowth.assertPerOperation(8, 1_000, 50_000,
                i -> sink = new ForgottenListener(i));
        assertThat(report.bytesPerOperation()).isLessThan(8);
    }

    @Test
    void aBoundedCacheIsNotALeakOnceWarm() {
        java.util.Map<Long, Object> cache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Long, Object> eldest) {
                return size() > 500;
            }
        };
        HeapGrowthReport report = HeapGrowth.assertPerOperation(8, 2_000, 50_000,
                i -> cache.put(i, new ForgottenListener(i)));
        assertThat(report.operations()).isEqualTo(50_000);
    }

    @Test
    void aWholeBodyLimit() {
        assertThatThrownBy(() -> HeapGrowth.assertAtMost(100_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                REGISTRY.add(new byte[100]);
            }
        })).hasMessageContaining("above the limit of 100,000 bytes")
                // net growth of the class: other byte[]s of the JVM may come and go meanwhile (one did, in CI: 9,999)
                .hasMessageMatching("(?s).*Grew most: byte\\[\\] \\+(9,9\\d\\d|10,0\\d\\d) instances.*");
        HeapGrowth.assertAtMost(100_000, () -> sink = new byte[1_000_000].length); // a megabyte, dropped
    }
}
