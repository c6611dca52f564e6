package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child is either in the shutdown hook's list or never started: no start slips between the hook's look and it. */
class RunningChildrenTest {

    private final RunningChildren children = new RunningChildren();
    private final Path scratch = Path.of("scratch");

    @Test
    @Timeout(60) // without the shared lock the hook never waits: this fails instead of spinning on
    void aStartUnderWayWhenStoppingBeginsIsInTheList() throws Exception {
        Process child = new FakeProcess();
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread starter = new Thread(() -> {
            try {
                children.start(() -> {
                    starting.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    return child;
                }, scratch);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(e);
            }
        });
        starter.start();
        starting.await();

        AtomicReference<Map<Process, Path>> seen = new AtomicReference<>();
        Thread hook = new Thread(() -> seen.set(children.stopStarting()));
        hook.start();
        while (hook.getState() != Thread.State.BLOCKED) { // it waits for the start, however long the start takes
            Thread.onSpinWait();
        }
        release.countDown();
        hook.join();
        starter.join();
        assertThat(seen.get()).containsEntry(child, scratch);
    }

    @Test
    void noChildStartsOnceStoppingBegan() {
        assertThat(children.stopStarting()).isEmpty();
        assertThatThrownBy(() -> children.start(() -> {
            throw new AssertionError("started after stopping began");
        }, scratch)).isInstanceOf(IOException.class).hasMessageContaining("shutting down");
    }

    @Test
    void aChildThatEndedIsNoLongerListed() throws Exception {
        Process child = children.start(FakeProcess::new, scratch);
        children.remove(child);
        assertThat(children.stopStarting()).isEmpty();
    }

    private static final class FakeProcess extends Process {
        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public int exitValue() {
            return 0;
        }

        @Override
        public void destroy() {
        }
    }
}
