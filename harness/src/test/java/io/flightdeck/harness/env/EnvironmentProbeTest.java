package io.flightdeck.harness.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentProbeTest {

    private static Environment env;

    @BeforeAll
    static void probeOnce() {
        env = EnvironmentProbe.probe(); // ~0.8 s of OSHI start-up: once for the class
    }

    @Test
    void probeReturnsSaneValuesForThisMachine() {
        assertThat(env.cpu().logicalCores()).isGreaterThanOrEqualTo(1);
        assertThat(env.cpu().model()).isNotBlank();
        assertThat(env.memory().totalBytes()).isPositive();
        assertThat(env.memory().availableBytes()).isNotNull().isLessThanOrEqualTo(env.memory().totalBytes());
        assertThat(env.jvm().version()).isEqualTo(System.getProperty("java.version"));
        assertThat(env.jvm().javaHome()).isEqualTo(System.getProperty("java.home"));
        assertThat(env.jvm().garbageCollectors()).isNotEmpty();
        assertThat(env.jvm().maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(env.os().family()).isNotBlank();
        assertThat(env.os().kernel()).isNotBlank();
        assertThat(env.container()).isNotNull();
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertThat(env.os().kernel()).isEqualTo(System.getProperty("os.version"));
        }
    }

    @Test
    void jsonRoundTripGivesAnEqualEnvironmentAndCarriesTheFingerprint() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(env);

        Environment back = mapper.readValue(json, Environment.class);

        assertThat(back).isEqualTo(env);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("fingerprint").asText()).isEqualTo(env.fingerprint());
        assertThat(tree.at("/jvm/version").asText()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void jsonRoundTripKeepsNulls() throws Exception {
        Environment sparse = new Environment(new Environment.Cpu(null, null, 1, null),
                new Environment.Memory(null, null, null, null), new Environment.Os(null, null, null, null),
                new Environment.Jvm(null, "17", null, null, null, null, null, null),
                Environment.Container.NONE, null);
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.readValue(mapper.writeValueAsString(sparse), Environment.class)).isEqualTo(sparse);
    }

    @Test
    void fingerprintIsStableAcrossProbesAndIgnoresHostAndAvailableMemory() {
        Environment again = EnvironmentProbe.probe();
        assertThat(again.fingerprint()).isEqualTo(env.fingerprint()).hasSize(Environment.FINGERPRINT_HEX_CHARS)
                .matches("[0-9a-f]+");

        Environment otherHost = new Environment(env.cpu(),
                new Environment.Memory(env.memory().totalBytes(), 1L, env.memory().swapTotalBytes(), 12345L),
                new Environment.Os(env.os().family(), env.os().version(), env.os().kernel(), "elsewhere"),
                env.jvm(), env.container(), env.cpuGovernor());
        assertThat(otherHost.fingerprint()).isEqualTo(env.fingerprint());
    }

    @Test
    void fingerprintChangesWithCpuModelJvmVersionOrCpuLimit() {
        Environment.Cpu c = env.cpu();
        Environment otherCpu = new Environment(new Environment.Cpu(c.model() + " v2", c.physicalCores(),
                c.logicalCores(), c.maxFrequencyHz()), env.memory(), env.os(), env.jvm(), env.container(),
                env.cpuGovernor());
        Environment.Jvm j = env.jvm();
        Environment otherJvm = new Environment(env.cpu(), env.memory(), env.os(),
                new Environment.Jvm(j.vendor(), j.version() + ".1", j.runtimeName(), j.vmName(), j.javaHome(),
                        j.inputArguments(), j.garbageCollectors(), j.maxHeapBytes()),
                env.container(), env.cpuGovernor());
        Environment limited = new Environment(env.cpu(), env.memory(), env.os(), env.jvm(),
                new Environment.Container("v2", 1.5, null), env.cpuGovernor());

        assertThat(List.of(otherCpu.fingerprint(), otherJvm.fingerprint(), limited.fingerprint()))
                .doesNotContain(env.fingerprint())
                .doesNotHaveDuplicates();
    }

    @Test
    void textHasOneAlignedLinePerTopic() {
        List<String> lines = EnvironmentText.lines(env);

        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(':')))
                .containsExactly("CPU", "cores", "memory", "swap", "OS", "kernel", "host", "JVM", "GC",
                        "container", "governor", "fingerprint");
        int valueColumn = lines.get(0).indexOf(env.cpu().model());
        assertThat(lines).allSatisfy(l -> assertThat(l.charAt(valueColumn - 1)).isEqualTo(' '))
                .allSatisfy(l -> assertThat(l.charAt(valueColumn)).isNotEqualTo(' '));
        assertThat(lines.get(lines.size() - 1)).endsWith(env.fingerprint());
        assertThat(String.join("\n", lines)).contains(System.getProperty("java.version")).contains("GiB");
    }

    @Test
    void bytesAreHumanReadable() {
        assertThat(EnvironmentText.bytes(0)).isEqualTo("0 B");
        assertThat(EnvironmentText.bytes(1023)).isEqualTo("1023 B");
        assertThat(EnvironmentText.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(EnvironmentText.bytes((long) (23.4 * (1L << 30)))).isEqualTo("23.4 GiB");
        assertThat(EnvironmentText.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }
}
