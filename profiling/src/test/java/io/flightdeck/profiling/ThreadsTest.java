package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Virtual threads' group names: one row per kind of thread, not per thread. */
class ThreadsTest {

    @Test
    void unnamedVirtualThreadsShareOneName() {
        assertThat(Threads.virtualGroup("")).isEqualTo(Threads.UNNAMED_VIRTUAL);
        assertThat(Threads.virtualGroup(null)).isEqualTo(Threads.UNNAMED_VIRTUAL);
        assertThat(Threads.virtualGroup("  ")).isEqualTo(Threads.UNNAMED_VIRTUAL);
    }

    @Test
    void numberedVirtualThreadsShareTheirPattern() {
        assertThat(Threads.virtualGroup("worker-17")).isEqualTo("worker-# (virtual)")
                .isEqualTo(Threads.virtualGroup("worker-18"));
        assertThat(Threads.virtualGroup("req-3-of-20")).isEqualTo("req-#-of-# (virtual)");
        assertThat(Threads.virtualGroup("poller")).isEqualTo("poller (virtual)");
    }
}
