package io.flightdeck.harness.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLimitsTest {

    @TempDir
    Path root;

    @Test
    void cgroupV2ReadsCpuAndMemoryAndTakesTheTighterOfSelfAndParent() throws IOException {
        write("cgroup.controllers", "cpu memory");
        write("cpu.max", "max 100000");
        write("memory.max", "4294967296");
        write("job/cpu.max", "150000 100000");
        write("job/memory.max", "max");

        Environment.Container c = ContainerLimits.read(root, List.of("0::/job"));

        assertThat(c).isEqualTo(new Environment.Container("v2", 1.5, 4294967296L));
    }

    @Test
    void cgroupV2WithNoLimitsGivesNulls() throws IOException {
        write("cgroup.controllers", "cpu memory");
        write("cpu.max", "max 100000");
        write("memory.max", "max");

        assertThat(ContainerLimits.read(root, List.of("0::/")))
                .isEqualTo(new Environment.Container("v2", null, null));
    }

    @Test
    void cgroupV1ReadsQuotaPeriodAndLimitAndTreatsHugeAsUnlimited() throws IOException {
        write("cpu,cpuacct/cpu.cfs_quota_us", "200000");
        write("cpu,cpuacct/cpu.cfs_period_us", "100000");
        write("memory/memory.limit_in_bytes", "9223372036854771712");
        write("memory/docker/abc/memory.limit_in_bytes", "1073741824");

        Environment.Container c = ContainerLimits.read(root,
                List.of("4:memory:/docker/abc", "2:cpu,cpuacct:/", "0::/"));

        assertThat(c).isEqualTo(new Environment.Container("v1", 2.0, 1073741824L));
    }

    @Test
    void cgroupV1UnlimitedQuotaIsNull() throws IOException {
        write("cpu/cpu.cfs_quota_us", "-1");
        write("cpu/cpu.cfs_period_us", "100000");
        write("memory/memory.limit_in_bytes", "9223372036854771712");

        assertThat(ContainerLimits.read(root, List.of()))
                .isEqualTo(new Environment.Container("v1", null, null));
    }

    @Test
    void noCgroupFilesMeansNone() {
        assertThat(ContainerLimits.read(root.resolve("absent"), List.of())).isEqualTo(Environment.Container.NONE);
    }

    @Test
    void garbageInFilesGivesNullNotAnException() throws IOException {
        write("cgroup.controllers", "");
        write("cpu.max", "lots");
        write("memory.max", "");

        assertThat(ContainerLimits.read(root, List.of("nonsense")))
                .isEqualTo(new Environment.Container("v2", null, null));
    }

    private void write(String rel, String content) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content + "\n");
    }
}
