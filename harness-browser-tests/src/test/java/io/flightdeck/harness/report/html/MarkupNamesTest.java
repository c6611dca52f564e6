package io.flightdeck.harness.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

import io.flightdeck.browsertesting.Browser;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A recording of a program whose names are markup: a thread named with a script element and a class named as an
 * image with an error handler (the JVM allows {@code <} and {@code >} in class names, only not in method names).
 * The report of its analysis must show those names as text, run no script and fetch nothing.
 */
class MarkupNamesTest {

    static final String CLASS_NAME = "<img src=x onerror=alert(1)>";
    static final String THREAD_NAME = "<script>alert('thread')</script><b>bold</b>";

    @TempDir
    static Path dir;
    static Path page;

    @BeforeAll
    static void recordAndAnalyse() throws Exception {
        Path recording = dir.resolve("markup.jfr");
        Runnable spinner = markupNamedSpinner();
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            Thread t = new Thread(spinner, THREAD_NAME);
            t.start();
            t.join();
            r.stop();
            r.dump(recording);
        }
        Cli analyze = Cli.run("analyze", recording.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(analyze.exitCode()).as(analyze.out() + analyze.err()).isZero();
        page = dir.resolve("out").resolve(AnalysisPage.FILE);
    }

    /** {@link MarkupSpinner} renamed to {@link #CLASS_NAME} and defined in a loader of its own. */
    static Runnable markupNamedSpinner() throws Exception {
        byte[] original;
        try (InputStream in = MarkupSpinner.class.getResourceAsStream("MarkupSpinner.class")) {
            original = in.readAllBytes();
        }
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(new ClassRemapper(writer,
                new SimpleRemapper(MarkupSpinner.class.getName().replace('.', '/'), CLASS_NAME)), 0);
        byte[] renamed = writer.toByteArray();
        ClassLoader loader = new ClassLoader(MarkupNamesTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.equals(CLASS_NAME)) {
                    return defineClass(null, renamed, 0, renamed.length);
                }
                throw new ClassNotFoundException(name);
            }
        };
        Class<?> c = loader.loadClass(CLASS_NAME);
        assertThat(c.getName()).isEqualTo(CLASS_NAME);
        var constructor = c.getDeclaredConstructor();
        constructor.setAccessible(true); // package-private, in a package of its own loader
        return (Runnable) constructor.newInstance();
    }

    @Test
    void theNamesAreTextNotMarkup() throws Exception {
        Document doc = Jsoup.parse(Files.readString(page));
        assertThat(doc.select("img, script, b")).isEmpty();
        String text = doc.body().text();
        assertThat(text).contains(THREAD_NAME);
        assertThat(text).contains(CLASS_NAME + ".spin");
    }

    @Test
    void theBrowserRunsNothingAndFetchesNothing() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.clearRecords(); // the browser's own start page may still be loading
            browser.open(page);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.requests()).containsExactly(page.toUri().toString());
            String shown = browser.eval("return document.body.innerText");
            assertThat(shown).contains(THREAD_NAME).contains(CLASS_NAME);
            assertThat((Long) browser.eval("return document.querySelectorAll('img, script, b').length")).isZero();
        }
    }
}

/** Spends about a second and a half on the CPU in {@link #spin}, so that the recording samples it there. */
final class MarkupSpinner implements Runnable {

    static volatile long sink;

    @Override
    public void run() {
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            sink += spin(sink);
        }
    }

    static long spin(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 100_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
