package io.flightdeck.harness.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md and docs/: every internal link resolves, and the README stays short enough to be read (issue 16: at
 * most 12 KB). Run from any module of the reactor: the root is the folder up from here that holds the parent
 * pom.xml and README.md.
 */
class DocumentationLinksTest {

    static final long README_MAX_BYTES = 12 * 1024;

    @Test
    void everyInternalLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        Path root = repositoryRoot();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(1);

        assertThat(new MarkdownLinkChecker(root).check(pages)).isEmpty();
    }

    @Test
    void theReadmeIsAtMost12KB() throws IOException {
        assertThat(Files.size(repositoryRoot().resolve("README.md"))).isLessThanOrEqualTo(README_MAX_BYTES);
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder above " + Path.of("").toAbsolutePath()
                + " holds pom.xml, README.md and docs/");
    }
}
