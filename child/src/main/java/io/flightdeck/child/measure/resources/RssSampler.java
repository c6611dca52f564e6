package io.flightdeck.child.measure.resources;

import oshi.software.os.OSProcess;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that samples the process's resident set size every 50 ms and keeps the largest value.
 * RSS is sampled rather than read once because it is a level, not a counter: the peak happens mid-phase.
 */
final class RssSampler implements Runnable {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final OSProcess process = OshiProcess.current();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler() {
        thread = new Thread(this, "flightdeck-rss-sampler");
        thread.setDaemon(true); // never keeps a child JVM alive if stop() is not reached
    }

    static RssSampler start() {
        RssSampler sampler = new RssSampler();
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    long threadId() {
        return thread.getId();
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            if (running) {
                sample();
            }
        }
    }

    /** Stops sampling, takes a last sample and returns the peak, or null if no sample could be read. */
    Long stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            sample();
        }
        long max = peak.get();
        return max > 0 ? max : null;
    }

    private synchronized void sample() {
        if (OshiProcess.refresh(process)) {
            peak.accumulateAndGet(process.getResidentSetSize(), Math::max);
        }
    }
}
