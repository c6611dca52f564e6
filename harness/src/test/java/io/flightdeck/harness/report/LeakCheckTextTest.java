package io.flightdeck.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeakCheckTextTest {

    @Test
    void aChainHeldByAStaticFieldStartsAtThatField() {
        List<String> path = List.of("GC root: Threads, Thread Name: C2 CompilerThread0",
                "jdk.internal.loader.ClassLoaders$AppClassLoader.classes", "java.util.ArrayList (Size: 1686).elementData",
                "java.lang.Object[] element", "java.lang.Class (Class Name: com.example.Audit).TRAIL",
                "java.util.ArrayList (Size: 65966).elementData", "java.lang.Object[] element", "com.example.Record");
        assertThat(LeakCheckText.anchored(path)).containsExactly("static com.example.Audit.TRAIL",
                "java.util.ArrayList (Size: 65966).elementData", "java.lang.Object[] element", "com.example.Record");
    }

    @Test
    void aClassObjectsOwnFieldIsNotMistakenForAStatic() {
        List<String> path = List.of("GC root: Class Loader Data", "java.lang.Class (Class Name: com.example.Audit).TRAIL",
                "java.lang.Object[] element", "java.lang.Class (Class Name: java.nio.file.Path).genericInfo",
                "sun.reflect.generics.repository.ClassRepository.tree");
        assertThat(LeakCheckText.anchored(path)).containsExactly("static com.example.Audit.TRAIL",
                "java.lang.Object[] element", "java.lang.Class (Class Name: java.nio.file.Path).genericInfo",
                "sun.reflect.generics.repository.ClassRepository.tree");
    }

    @Test
    void aChainWithoutAStaticFieldIsShownWhole() {
        List<String> path = List.of("GC root: Threads, Thread Name: main", "com.example.Cache.map", "byte[]");
        assertThat(LeakCheckText.anchored(path)).isEqualTo(path);
    }
}
