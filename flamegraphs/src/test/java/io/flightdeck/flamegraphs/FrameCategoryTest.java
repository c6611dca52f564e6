package io.flightdeck.flamegraphs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameCategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "io.flightdeck.memory.Engine.recall(String, int)|UNKNOWN|APPLICATION",
        "com/acme/Server.handle|JAVA|APPLICATION",
        "java.util.HashMap.get(Object)|UNKNOWN|JDK",
        "java/util/HashMap.get|INLINED|JDK",
        "jdk.internal.misc.Unsafe.park(boolean, long)|UNKNOWN|JDK",
        "sun.nio.ch.EPoll.wait(int, long, int, int)|UNKNOWN|JDK",
        "com.sun.crypto.provider.AESCrypt.encryptBlock|UNKNOWN|JDK",
        "javax.crypto.Cipher.doFinal|UNKNOWN|JDK",
        "__GI___libc_write|UNKNOWN|NATIVE",
        "libc.so.6|UNKNOWN|NATIVE",
        "libjvm.so|UNKNOWN|NATIVE",
        "java.util.Arrays.sort(int[])|UNKNOWN|JDK",
        "java.util.ArrayList.sort(Comparator)|UNKNOWN|JDK",
        "com.example.Solver.solve()|UNKNOWN|APPLICATION",
        "org.apache.solr.core.SolrCore.execute(SolrRequestHandler)|UNKNOWN|APPLICATION",
        "[unknown]|UNKNOWN|NATIVE",
        "JavaThread::thread_main_inner()|UNKNOWN|NATIVE",
        "thread_native_entry(Thread*)|UNKNOWN|NATIVE",
        "Interpreter|UNKNOWN|NATIVE",
        "do_syscall_64|KERNEL|KERNEL",
        "do_syscall_64_[k]|UNKNOWN|KERNEL",
        "Mutex::lock|UNKNOWN|NATIVE",
        "deflate_slow|UNKNOWN|NATIVE",
        "G1ParScanThreadState::trim_queue_to_threshold(unsigned int)|UNKNOWN|GC",
        "ZMark::follow_work(bool)|UNKNOWN|GC",
        "ShenandoahConcurrentMark::mark_loop|UNKNOWN|GC",
        "GCTaskThread::run()|UNKNOWN|GC",
        "PSPromotionManager::drain_stacks_depth(bool)|UNKNOWN|GC",
        "log1p|UNKNOWN|NATIVE",
        "java.lang.Thread.sleep0(long)|NATIVE|NATIVE",
        "|UNKNOWN|NATIVE",
        // the harness around a workload's operation is its own colour; the workloads it carries are the application
        "io.flightdeck.child.CaseRunner$WorkerPool.work(Session, int, long, AtomicLong, AtomicBoolean)|JAVA|HARNESS",
        "io/flightdeck/harness/measure/resources/ResourceMeter.start|UNKNOWN|HARNESS",
        "io.flightdeck.engine.workloads.RetrievalScalingWorkload$1.operation(int)|JAVA|APPLICATION",
        "io.flightdeck.harness.testworkloads.SumWorkload$1.operation(int)|UNKNOWN|APPLICATION",
        "io.flightdeck.engine.bench.RetrievalBench.retrieve()|JAVA|APPLICATION",
        "io/flightdeck/harness/testworkloads/SumWorkload$1.operation|UNKNOWN|APPLICATION",
        "io.flightdeck.harnessing.Tool.run()|JAVA|APPLICATION",
    })
    void categorises(String name, FrameKind kind, FrameCategory expected) {
        assertThat(FrameCategory.of(name == null ? "" : name, kind)).isEqualTo(expected);
    }
}
