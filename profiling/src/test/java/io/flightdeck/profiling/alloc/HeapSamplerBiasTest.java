package io.flightdeck.profiling.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerBiasTest {

    @Test
    void jvmsBeforeTheFixGetTheNote() {
        assertThat(HeapSamplerBias.note("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE "
                + "(17.0.15+6-Debian-1deb12u1), built on May  1 2025")).contains("JDK 17", "JDK-8356372");
        assertThat(HeapSamplerBias.note("Java HotSpot(TM) 64-Bit Server VM (21.0.2+13-LTS-58) for linux-amd64"))
                .contains("JDK 21");
    }

    @Test
    void fixedAndUnknownJvmsGetNone() {
        assertThat(HeapSamplerBias.note("OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux-amd64 JRE (25.0.3+9-LTS)"))
                .isNull();
        assertThat(HeapSamplerBias.note("OpenJDK 64-Bit Server VM (26-ea+20) for linux-amd64")).isNull();
        assertThat(HeapSamplerBias.note(null)).isNull();
        assertThat(HeapSamplerBias.note("some JVM")).isNull();
        assertThat(HeapSamplerBias.note("OpenJDK 64-Bit Server VM (25.362-b09) for linux-amd64 JRE (1.8.0_362-b09)"))
                .as("JDK 8, which has no heap sampler").isNull();
        assertThat(HeapSamplerBias.note("OpenJDK 64-Bit Server VM (10.0.2+13) for linux-amd64")).isNull();
        assertThat(HeapSamplerBias.note("VM (99999999999999999999.1)")).isNull();
    }

    @Test
    void theReleaseIsReadFromTheFirstParenthesis() {
        assertThat(HeapSamplerBias.feature("OpenJDK 64-Bit Server VM (17.0.15+6) for linux-amd64 JRE (17.0.15+6)"))
                .isEqualTo(17);
        assertThat(HeapSamplerBias.feature("OpenJDK 64-Bit Server VM (25+36) for linux")).isEqualTo(25);
        // async-profiler's own chunks write the bare version
        assertThat(HeapSamplerBias.feature("17.0.15+6-Debian-1deb12u1")).isEqualTo(17);
        assertThat(HeapSamplerBias.feature("21")).isEqualTo(21);
    }
}
