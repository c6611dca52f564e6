package io.flightdeck.profiling.locks;

/**
 * What a {@code jdk.ThreadPark} was: a wait to acquire a lock (contention), or a wait for something to happen (an
 * idle pool's queue, a condition, a future, a latch, a {@code parkNanos} used as a sleep); and where it was called.
 *
 * <p>The rule, on the stack read from the top: the park frames ({@code Unsafe.park}, {@code LockSupport.park*}) are
 * skipped; the first frame after them that names an acquisition or a wait decides. Acquisition:
 * {@code AbstractQueuedSynchronizer.acquire*} / {@code doAcquire*} / {@code acquireQueued} (and the same of
 * {@code AbstractQueuedLongSynchronizer}), and {@code StampedLock}'s {@code acquire*}/{@code *Lock} methods; this
 * covers {@code ReentrantLock}, {@code ReentrantReadWriteLock}, {@code Semaphore} and user-made AQS locks. Wait:
 * {@code ConditionObject.await*} and its {@code ConditionNode.block}. An acquisition made for a
 * {@code CountDownLatch} is a wait (a latch opens, nobody holds it). Every other park (no such frame) is a wait:
 * {@code ForkJoinPool.awaitWork}, {@code SynchronousQueue}, {@code FutureTask.awaitDone}, a bare {@code parkNanos}.
 * Why the first frame from the top and not any frame: {@code ConditionObject.await} re-acquires its lock after a
 * signal ({@code acquire} above {@code await}), and that part is contention.
 *
 * <p>The site: the first frame outside the park and synchronizer machinery, i.e. outside
 * {@code java.util.concurrent.locks} (and {@code ForkJoinPool.managedBlock}, through which conditions block): the
 * caller of {@code ReentrantLock.lock()}, or the queue's {@code take()} for a condition wait. Without it every park
 * would be the same {@code Unsafe.park}.
 */
public final class Parks {

    private static final String LOCKS = "java.util.concurrent.locks.";

    private Parks() {
    }

    /** Whether a park (stack root first, as {@code Frames.rootFirst} gives it) waited to acquire a lock. */
    public static boolean isContention(String[] rootFirst) {
        for (int i = below(rootFirst); i >= 0; i--) {
            String f = rootFirst[i];
            if (isParkFrame(f)) {
                continue;
            }
            if (isWait(f)) {
                return false;
            }
            if (isAcquire(f)) {
                return !latchBelow(rootFirst, i);
            }
            if (!inMachinery(f)) {
                return false; // left the machinery without meeting an acquisition: a bare park
            }
        }
        return false;
    }

    /** The first frame, from the top, outside the park and synchronizer machinery; the top frame if all are inside. */
    public static String site(String[] rootFirst) {
        for (int i = below(rootFirst); i >= 0; i--) {
            if (!isParkFrame(rootFirst[i]) && !inMachinery(rootFirst[i])) {
                return rootFirst[i];
            }
        }
        return rootFirst.length == 0 ? io.flightdeck.profiling.Frames.UNKNOWN_SITE : rootFirst[rootFirst.length - 1];
    }

    /**
     * Where to start reading: at the park frame nearest the top, or the top. Why: async-profiler's stacks carry the
     * native frames of the park above it ({@code libc …futex…}, {@code Parker::park}).
     */
    private static int below(String[] rootFirst) {
        for (int i = rootFirst.length - 1; i >= 0; i--) {
            if (rootFirst[i].startsWith("jdk.internal.misc.Unsafe.park(") || rootFirst[i].startsWith("sun.misc.Unsafe.park(")) {
                return i;
            }
        }
        return rootFirst.length - 1;
    }

    static boolean isParkFrame(String f) {
        return f.startsWith("jdk.internal.misc.Unsafe.park(") || f.startsWith("sun.misc.Unsafe.park(")
                || f.startsWith(LOCKS + "LockSupport.");
    }

    static boolean inMachinery(String f) {
        return f.startsWith(LOCKS) || f.startsWith("java.util.concurrent.ForkJoinPool.managedBlock(")
                || f.startsWith("java.util.concurrent.ForkJoinPool.unmanagedBlock(");
    }

    private static boolean isWait(String f) {
        return f.startsWith(LOCKS) && (f.contains("$ConditionObject.await") || f.contains("$ConditionNode.block("));
    }

    private static boolean isAcquire(String f) {
        if (f.startsWith(LOCKS + "AbstractQueuedSynchronizer.") || f.startsWith(LOCKS + "AbstractQueuedLongSynchronizer.")) {
            String method = f.substring(f.indexOf('.', LOCKS.length()) + 1);
            return method.startsWith("acquire") || method.startsWith("doAcquire");
        }
        if (f.startsWith(LOCKS + "StampedLock.")) {
            String method = f.substring((LOCKS + "StampedLock.").length());
            return method.startsWith("acquire") || method.startsWith("readLock") || method.startsWith("writeLock")
                    || method.startsWith("tryReadLock(long") || method.startsWith("tryWriteLock(long");
        }
        return f.startsWith(LOCKS + "ReentrantLock") || f.startsWith(LOCKS + "ReentrantReadWriteLock");
    }

    /** Whether the acquisition at index i serves a CountDownLatch (the caller just below the machinery). */
    private static boolean latchBelow(String[] rootFirst, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!inMachinery(rootFirst[j])) {
                return rootFirst[j].startsWith("java.util.concurrent.CountDownLatch");
            }
        }
        return false;
    }
}
