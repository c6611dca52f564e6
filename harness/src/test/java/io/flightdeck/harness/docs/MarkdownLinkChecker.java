package io.flightdeck.harness.docs;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the internal links of Markdown files the way GitHub resolves them: a relative link must name a file or
 * folder inside the repository, and a {@code #fragment} on a Markdown file must be the anchor of one of its headings.
 * Links with a scheme (https:, mailto:) are someone else's to keep.
 */
final class MarkdownLinkChecker {

    /** A link that does not resolve: in which file, what it pointed at and why it fails. */
    record Problem(Path file, String destination, String reason) {
        @Override
        public String toString() {
            return file + ": (" + destination + ") " + reason;
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final Parser parser = Parser.builder().build();
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** @param root the repository's root: no link may leave it */
    MarkdownLinkChecker(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    List<Problem> check(List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            Path source = file.toAbsolutePath().normalize();
            for (String destination : destinations(source)) {
                String reason = resolve(source, destination);
                if (reason != null) {
                    problems.add(new Problem(root.relativize(source), destination, reason));
                }
            }
        }
        return problems;
    }

    /** Null when the link resolves, else why not. */
    private String resolve(Path source, String destination) {
        if (destination.isEmpty() || SCHEME.matcher(destination).find() || destination.startsWith("//")) {
            return null;
        }
        int hash = destination.indexOf('#');
        String pathPart = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? null : destination.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Path target;
        if (pathPart.isEmpty()) {
            target = source;
        } else {
            if (pathPart.startsWith("/")) {
                return "is absolute: GitHub resolves it against the site, not the repository";
            }
            target = source.getParent().resolve(URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .normalize();
            if (!target.startsWith(root)) {
                return "leaves the repository";
            }
            if (!Files.exists(target)) {
                return "names no file: " + root.relativize(target);
            }
        }
        if (fragment == null || fragment.isEmpty() || !target.getFileName().toString().endsWith(".md")) {
            return null;   // a fragment on a source file (#L10) is a line, not a heading
        }
        String anchor = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!anchorsOf(target).contains(anchor)) {
            return "no heading of " + root.relativize(target) + " has the anchor #" + anchor;
        }
        return null;
    }

    private List<String> destinations(Path file) {
        List<String> found = new ArrayList<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found.add(image.getDestination());
                visitChildren(image);
            }
        });
        return found;
    }

    /** The anchors GitHub gives the file's headings, a repeated one suffixed -1, -2 ... as GitHub does. */
    Set<String> anchorsOf(Path file) {
        return anchors.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            Set<String> slugs = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            parse(f).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    String slug = slug(textOf(heading));
                    int count = seen.merge(slug, 1, Integer::sum);
                    slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            });
            return slugs;
        });
    }

    /**
     * GitHub's heading anchor: lower-case, every character that is not a letter, digit, mark, space, '-' or '_'
     * removed, then each space turned into '-'.
     */
    static String slug(String headingText) {
        StringBuilder slug = new StringBuilder();
        headingText.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString().strip();
    }

    private Node parse(Path file) {
        try {
            return parser.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
