package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[B|byte[]",
        "[[J|long[][]",
        "[Ljava.lang.Object;|java.lang.Object[]",
        "[[Ljava.util.concurrent.ConcurrentHashMap$Node;|java.util.concurrent.ConcurrentHashMap$Node[][]",
        "java.lang.String|java.lang.String",
        "[X|[X",
        "[Lbroken|[Lbroken",
    })
    void arrayClassNamesReadAsJavaWritesThem(String jvm, String readable) {
        assertThat(Frames.readable(jvm)).isEqualTo(readable);
    }
}
