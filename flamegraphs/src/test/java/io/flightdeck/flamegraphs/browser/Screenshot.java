package io.flightdeck.flamegraphs.browser;

import io.flightdeck.browsertesting.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A PNG of a flame graph page as a reader sees it, for the README: {@code Screenshot PAGE.html OUT.png [#state]
 * [frame to hover (the widest drawn of that name)]}. The window is as tall as the page (up to 1,600 px), so a flame graph shows its root.
 */
public final class Screenshot {

    private Screenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Screenshot PAGE.html OUT.png [#view=...&search=...] [frame name to hover]");
            System.exit(2);
        }
        Path page = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        String state = args.length > 2 ? args[2] : "";
        try (Browser browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1400, 900));
            browser.driver().get(page.toUri() + state);
            browser.waitForFlameGraph();
            long height = Math.min(1600, ((Number) browser.eval("return document.documentElement.scrollHeight")).longValue());
            browser.driver().manage().window().setSize(new Dimension(1400, (int) height + 90));
            browser.driver().navigate().refresh();
            browser.waitForFlameGraph();
            if (args.length > 3) {
                WebElement canvas = browser.driver().findElement(By.id("canvas"));
                java.util.List<java.util.Map<String, Object>> frames = browser.eval("return flamegraph.frames(arguments[0])", args[3]);
                if (frames.isEmpty()) {
                    throw new IllegalArgumentException("no frame named " + args[3] + " is drawn");
                }
                var f = frames.stream().max(java.util.Comparator.comparingDouble(m -> ((Number) m.get("w")).doubleValue())).get();
                double x = ((Number) f.get("x")).doubleValue() + Math.min(((Number) f.get("w")).doubleValue() / 2, 60);
                double y = ((Number) f.get("y")).doubleValue() + 8;
                new Actions(browser.driver()).moveToElement(canvas, (int) (x - canvas.getSize().getWidth() / 2.0),
                        (int) (y - canvas.getSize().getHeight() / 2.0)).perform();
            }
            Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
            if (!browser.problems().isEmpty()) {
                throw new IllegalStateException("the page reported problems: " + browser.problems());
            }
        }
        System.out.println("screenshot: " + out);
    }
}
