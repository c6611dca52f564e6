package io.flightdeck.harness.measure.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JolFlagsTest {

    @Test
    void jvmFlagsFollowTheJavaVersion() {
        String attach = "-Djdk.attach.allowAttachSelf=true";
        String records = "-Djol.magicFieldOffset=true";
        assertThat(JolFlags.forJava(17)).containsExactly(attach, records);
        assertThat(JolFlags.forJava(21)).containsExactly(attach, records, "-XX:+EnableDynamicAgentLoading");
        assertThat(JolFlags.forJava(25)).containsExactly(attach, records, "-XX:+EnableDynamicAgentLoading",
                "--sun-misc-unsafe-memory-access=allow");
    }
}
