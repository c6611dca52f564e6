package io.flightdeck.api;

/**
 * The prepared state of one workload case. The runner calls {@link #prepare} (untimed) and then
 * {@link #operation} (timed) once per operation, on {@link WorkloadCase#threads()} threads at once; with more than
 * one thread both must be safe to call concurrently for different thread indexes.
 */
public interface Session extends AutoCloseable {

    /**
     * Untimed work before the next operation on this thread: complete a finished episode, start a new one... Keep
     * it cheap all the same: it runs inside the measured iteration's wall time, so it lowers throughput.
     */
    default void prepare(int thread) throws Exception {
    }

    /**
     * One measured operation. {@code thread} is the worker's index, 0 to threads − 1.
     *
     * <p>Return what the operation produced (the stored episode, the query's results, a checksum), or null when it
     * produces nothing. Why: the runner consumes the value as JMH's {@code Blackhole} does, so the JIT cannot prove
     * the result unused and remove the work that computes it; an operation whose result nobody reads may be
     * optimised away, and its latency measured as the cost of doing nothing.
     */
    Object operation(int thread) throws Exception;

    /** After the measured iterations: figures of the workload's own (heap growth, sizes...). */
    default void report(MetricSink sink) throws Exception {
    }

    /** Structured extras for the report (serialised with Jackson), e.g. object layouts; null for none. */
    default Object details() throws Exception {
        return null;
    }

    /**
     * The object graph a leak check weighs with JOL at its checkpoints: what the workload's subject keeps (the
     * engine), or null when there is nothing to weigh.
     */
    default Object retainedRoot() {
        return null;
    }

    /** Items the {@link #retainedRoot()} holds now (stored episodes), or −1 when it does not count them. */
    default long storedItems() {
        return -1;
    }

    @Override
    default void close() throws Exception {
    }
}
