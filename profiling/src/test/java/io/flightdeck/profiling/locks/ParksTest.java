package io.flightdeck.profiling.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which parks are contention, and their sites, on stacks as JDK 17 and 25 and async-profiler write them. */
class ParksTest {

    static final String UNSAFE_PARK = "jdk.internal.misc.Unsafe.park(boolean, long)";
    static final String PARK = "java.util.concurrent.locks.LockSupport.park(Object)";
    static final String PARK_NANOS = "java.util.concurrent.locks.LockSupport.parkNanos(Object, long)";
    static final String AQS = "java.util.concurrent.locks.AbstractQueuedSynchronizer.";
    static final String CALLER = "com.example.Service.update(int)";

    /** Top first, as one reads a stack; the methods take them root first. */
    private static String[] stack(String... topFirst) {
        List<String> frames = Arrays.asList(topFirst.clone());
        Collections.reverse(frames);
        return frames.toArray(String[]::new);
    }

    @Test
    void reentrantLockIsContentionAtItsCaller() {
        String[] s = stack(UNSAFE_PARK, PARK,
                AQS + "acquire(AbstractQueuedSynchronizer$Node, int, boolean, boolean, boolean, long)",
                AQS + "acquire(int)", "java.util.concurrent.locks.ReentrantLock$Sync.lock()",
                "java.util.concurrent.locks.ReentrantLock.lock()", CALLER, "java.lang.Thread.run()");
        assertThat(Parks.isContention(s)).isTrue();
        assertThat(Parks.site(s)).isEqualTo(CALLER);
    }

    @Test
    void jdk11NamesAndReadWriteAndStampedLocksAreContention() {
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK, AQS + "parkAndCheckInterrupt()",
                AQS + "acquireQueued(AbstractQueuedSynchronizer$Node, int)", AQS + "acquire(int)",
                "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock.lock()", CALLER))).isTrue();
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK,
                "java.util.concurrent.locks.StampedLock.acquireWrite(boolean, boolean, long)",
                "java.util.concurrent.locks.StampedLock.writeLock()", CALLER))).isTrue();
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK,
                "java.util.concurrent.locks.AbstractQueuedLongSynchronizer.acquire(long)", CALLER))).isTrue();
    }

    @Test
    void idlePoolsConditionsAndSleepsAreWaits() {
        String[] scheduler = stack(UNSAFE_PARK, PARK_NANOS,
                AQS + "$ConditionObject.awaitNanos(long)",
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take()",
                "java.util.concurrent.ThreadPoolExecutor.getTask()", "java.util.concurrent.ThreadPoolExecutor.runWorker()");
        assertThat(Parks.isContention(scheduler)).isFalse();
        assertThat(Parks.site(scheduler)).isEqualTo("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take()");
        // JDK 17+: the condition blocks through ForkJoinPool.managedBlock
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK, AQS + "$ConditionNode.block()",
                "java.util.concurrent.ForkJoinPool.unmanagedBlock(ForkJoinPool$ManagedBlocker)",
                "java.util.concurrent.ForkJoinPool.managedBlock(ForkJoinPool$ManagedBlocker)",
                AQS + "$ConditionObject.await()", "java.util.concurrent.LinkedBlockingQueue.take()"))).isFalse();
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK,
                "java.util.concurrent.ForkJoinPool.awaitWork(ForkJoinPool$WorkQueue)",
                "java.util.concurrent.ForkJoinPool.runWorker(ForkJoinPool$WorkQueue)"))).isFalse();
        String[] sleep = stack(UNSAFE_PARK, "java.util.concurrent.locks.LockSupport.parkNanos(long)", CALLER);
        assertThat(Parks.isContention(sleep)).isFalse();
        assertThat(Parks.site(sleep)).isEqualTo(CALLER);
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK, AQS + "acquire(AbstractQueuedSynchronizer$Node, int, "
                + "boolean, boolean, boolean, long)", AQS + "acquireSharedInterruptibly(int)",
                "java.util.concurrent.CountDownLatch.await()", CALLER))).isFalse();
    }

    @Test
    void aConditionReacquiringItsLockAfterASignalIsContention() {
        assertThat(Parks.isContention(stack(UNSAFE_PARK, PARK,
                AQS + "acquire(AbstractQueuedSynchronizer$Node, int, boolean, boolean, boolean, long)",
                AQS + "$ConditionObject.await()", "java.util.concurrent.LinkedBlockingQueue.take()"))).isTrue();
    }

    @Test
    void asyncProfilersNativeFramesAboveTheParkAreSkipped() {
        String[] s = stack("libc.so.6.__futex_abstimed_wait_common()", "libjvm.so.Parker::park()",
                UNSAFE_PARK, PARK, AQS + "acquire(int)", "java.util.concurrent.locks.ReentrantLock.lock()", CALLER);
        assertThat(Parks.isContention(s)).isTrue();
        assertThat(Parks.site(s)).isEqualTo(CALLER);
    }
}
