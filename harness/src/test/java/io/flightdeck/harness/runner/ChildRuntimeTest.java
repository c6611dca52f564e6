package io.flightdeck.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.child.ChildMain;
import io.flightdeck.harness.cli.Flightdeck;

/** Where the child runtime comes from: an explicit jar first, else (nothing packaged) the child's own entries. */
class ChildRuntimeTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ChildRuntime.PATH_PROPERTY);
    }

    @Test
    void anExplicitJarIsTheRuntime() throws Exception {
        Path jar = Files.writeString(dir.resolve("runtime.jar"), "not read here");
        System.setProperty(ChildRuntime.PATH_PROPERTY, jar.toString());
        assertThat(ChildRuntime.locate(List.of(dir.resolve("cache")))).containsExactly(jar.toAbsolutePath());
    }

    @Test
    void anExplicitJarThatIsNotThereIsRefusedByName() {
        System.setProperty(ChildRuntime.PATH_PROPERTY, dir.resolve("gone.jar").toString());
        assertThatThrownBy(() -> ChildRuntime.locate(List.of(dir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gone.jar");
    }

    @Test
    void aDevelopmentBuildGivesTheChildsOwnEntriesAndNothingOfTheCommand() throws Exception {
        List<Path> entries = ChildRuntime.developmentEntries();
        assertThat(entries).contains(source(ChildMain.class), source(ObjectMapper.class))
                .doesNotContain(source(Flightdeck.class)).doesNotHaveDuplicates();
    }

    private static Path source(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
