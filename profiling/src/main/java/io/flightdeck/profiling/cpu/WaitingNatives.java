package io.flightdeck.profiling.cpu;

import java.util.Set;

/**
 * JDK native methods in which a thread waits for input or for another process, off the CPU. JFR's
 * {@code jdk.NativeMethodSample} samples threads in native code whether they run or wait, so a thread blocked reading
 * a pipe would rank as the hottest code of a program: measured on a harness child, its idle watcher thread, blocked
 * in {@code FileInputStream.readBytes} on stdin, took 54 % of execution + native samples. Native samples whose top
 * frame is one of these are counted apart and kept out of the CPU figures; CPU samplers (async-profiler, JDK 25's
 * CPU-time sampler) never see such threads in the first place.
 */
final class WaitingNatives {

    /** Declaring class and method, as the frame names start. */
    private static final Set<String> METHODS = Set.of(
            "java.io.FileInputStream.readBytes", // stdin, pipes
            "java.io.FileInputStream.read0",
            "java.net.SocketInputStream.socketRead0",
            "java.net.PlainSocketImpl.socketAccept",
            "java.net.DualStackPlainSocketImpl.accept0",
            "sun.nio.ch.Net.poll",
            "sun.nio.ch.Net.accept",
            "sun.nio.ch.Net.connect0",
            "sun.nio.ch.ServerSocketChannelImpl.accept0",
            "sun.nio.ch.SocketDispatcher.read0",
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.EPollArrayWrapper.epollWait",
            "sun.nio.ch.KQueue.poll",
            "sun.nio.ch.KQueueArrayWrapper.kevent0",
            "sun.nio.ch.WEPoll.wait",
            "sun.nio.ch.UnixDomainSockets.accept0",
            "java.lang.ProcessHandleImpl.waitForProcessExit0",
            "java.lang.UNIXProcess.waitForProcessExit",
            "java.lang.ProcessImpl.waitForInterruptibly",
            "java.lang.ProcessImpl.waitForTimeoutInterruptibly");

    private WaitingNatives() {
    }

    /** Whether a frame name (as {@link io.flightdeck.profiling.MethodNames} gives it) is one of these methods. */
    static boolean waits(String frame) {
        int paren = frame.indexOf('(');
        return paren > 0 && METHODS.contains(frame.substring(0, paren));
    }
}
