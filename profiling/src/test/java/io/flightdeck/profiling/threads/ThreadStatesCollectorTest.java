package io.flightdeck.profiling.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pieces of the collector that need no recording: settings read as periods, stacks read as states. */
class ThreadStatesCollectorTest {

    @Test
    void settingsBecomePeriods() {
        assertThat(ThreadStatesCollector.parse("10 ms")).isEqualTo(10_000_000L);
        assertThat(ThreadStatesCollector.parse("20ms")).isEqualTo(20_000_000L);
        assertThat(ThreadStatesCollector.parse("1 s")).isEqualTo(1_000_000_000L);
        assertThat(ThreadStatesCollector.parse("10000000")).isEqualTo(10_000_000L); // async-profiler's interval
        assertThat(ThreadStatesCollector.parse("500/s")).isEqualTo(-1);
        assertThat(ThreadStatesCollector.parse("off")).isEqualTo(-1);
        assertThat(ThreadStatesCollector.parse(null)).isEqualTo(-1);
    }

    /** Top first, as one reads a stack; the collector takes them root first. */
    private static String[] stack(String... topFirst) {
        List<String> frames = Arrays.asList(topFirst.clone());
        Collections.reverse(frames);
        return frames.toArray(String[]::new);
    }

    @Test
    void wallClockStacksOffTheCpuSayWhichWait() {
        String futex = "libc.so.6.__futex_abstimed_wait_common()";
        assertThat(ThreadStatesCollector.offCpuState(stack(futex, "libjvm.so.ObjectMonitor::enter()",
                "com.example.A.run()"))).isEqualTo(2); // blocked
        assertThat(ThreadStatesCollector.offCpuState(stack(futex, "jdk.internal.misc.Unsafe.park(boolean, long)",
                "java.util.concurrent.locks.LockSupport.park(Object)",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire(int)",
                "java.util.concurrent.locks.ReentrantLock.lock()", "com.example.A.run()"))).isEqualTo(2); // blocked
        assertThat(ThreadStatesCollector.offCpuState(stack(futex, "jdk.internal.misc.Unsafe.park(boolean, long)",
                "java.util.concurrent.locks.LockSupport.parkNanos(long)", "com.example.A.run()"))).isEqualTo(3); // waiting
        assertThat(ThreadStatesCollector.offCpuState(stack(futex, "java.lang.Thread.sleep(long)",
                "com.example.A.run()"))).isEqualTo(4); // sleeping
        assertThat(ThreadStatesCollector.offCpuState(stack("libc.so.6.read()",
                "java.io.FileInputStream.readBytes(byte[], int, int)", "com.example.A.run()"))).isEqualTo(5); // file
        assertThat(ThreadStatesCollector.offCpuState(stack("libc.so.6.poll()",
                "sun.nio.ch.Net.poll(FileDescriptor, int, long)", "com.example.A.run()"))).isEqualTo(6); // socket
        assertThat(ThreadStatesCollector.offCpuState(stack(futex, "libjvm.so.Something::wait()")))
                .isEqualTo(7); // other: nothing says which wait
    }

    @Test
    void theRecordersThreadsAreNotTheProgramsWork() {
        assertThat(ThreadStates.isRecorders("JFR Recorder Thread")).isTrue();
        assertThat(ThreadStates.isRecorders("JFR Periodic Tasks")).isTrue();
        assertThat(ThreadStates.isRecorders("Async-profiler Timer")).isTrue();
        assertThat(ThreadStates.isRecorders("main")).isFalse();
        assertThat(ThreadStates.isRecorders("JFRing-worker")).isFalse();
        assertThat(ThreadStates.isRecorders(null)).isFalse();
    }

    @Test
    void aRunnableSampleInsideAWaitIsTheWaits() {
        String futex = "libc.so.6.__futex_abstimed_wait_common()";
        String park = "libjvm.so.os::PlatformEvent::park()";
        assertThat(ThreadStatesCollector.waitAtTop(stack(futex, park, "java.lang.Thread.sleep(long)",
                "com.example.A.run()"), 2)).isEqualTo(4); // sleeping
        assertThat(ThreadStatesCollector.waitAtTop(stack(futex, "libjvm.so.ObjectMonitor::enter()",
                "com.example.A.run()"), 2)).isEqualTo(2); // blocked
        assertThat(ThreadStatesCollector.waitAtTop(stack(futex, "java.lang.Object.wait(long)",
                "com.example.A.run()"), 1)).isEqualTo(3); // waiting
        // working: a Java method on top, or one below native code that is not a wait's
        assertThat(ThreadStatesCollector.waitAtTop(stack("com.example.A.spin()", "java.lang.Thread.sleep(long)"), 0))
                .isEqualTo(-1);
        assertThat(ThreadStatesCollector.waitAtTop(stack(".[vdso]()", "com.example.A.busy(long)"), 1)).isEqualTo(-1);
        assertThat(ThreadStatesCollector.waitAtTop(stack(futex, park), 2)).isEqualTo(-1); // no Java frame
    }
}
