package io.flightdeck.browsertesting;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.runtime.Runtime;

/**
 * A real headless Chromium driven by Selenium through the system's chromedriver, listening on the DevTools
 * protocol for what a page must not do: log errors, throw, or make network requests.
 *
 * <p>Where the browser is missing (a newcomer's machine with only a JDK and Maven) the browser tests are skipped
 * with a message saying what to install; {@code .ci/run} installs it and sets {@code FLIGHTDECK_REQUIRE_BROWSER=1},
 * which turns a missing browser into a failure, so CI cannot pass by skipping them.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/lib/chromium/chromium");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver");

    private final ChromeDriver driver;
    private final DevTools devTools;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Path profile;

    private Browser(ChromeDriver driver, DevTools devTools, Path profile) {
        this.driver = driver;
        this.devTools = devTools;
        this.profile = profile;
    }

    /** Starts a browser, or skips the calling test when none is installed and none is required. */
    public static Browser start() throws Exception {
        Optional<String> binary = find("CHROME_BIN", BROWSERS);
        Optional<String> driverBinary = find("CHROMEDRIVER", DRIVERS);
        boolean required = "1".equals(System.getenv("FLIGHTDECK_REQUIRE_BROWSER"));
        if (binary.isEmpty() || driverBinary.isEmpty()) {
            String message = "no headless Chromium here (apt-get install chromium chromium-driver, or set CHROME_BIN "
                    + "and CHROMEDRIVER); browser tests skipped";
            if (required) {
                throw new IllegalStateException(message.replace("skipped", "required by FLIGHTDECK_REQUIRE_BROWSER=1"));
            }
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("flightdeck-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.get());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverBinary.get()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        DevTools devTools = driver.getDevTools();
        devTools.createSession();
        driver.get("about:blank"); // Chromium's own start page must not count among the pages' requests
        Browser browser = new Browser(driver, devTools, profile);
        browser.listen();
        return browser;
    }

    private static Optional<String> find(String variable, List<String> candidates) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Optional.of(given);
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }

    private void listen() {
        devTools.send(Runtime.enable());
        devTools.send(Log.enable());
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Runtime.exceptionThrown(),
                e -> problems.add("exception: " + e.getExceptionDetails().getText()
                        + e.getExceptionDetails().getException().flatMap(o -> o.getDescription()).map(d -> " " + d).orElse("")));
        devTools.addListener(Runtime.consoleAPICalled(), e -> {
            String type = e.getType().toString();
            if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                problems.add("console." + type + ": " + e.getArgs());
            }
        });
        devTools.addListener(Log.entryAdded(), e -> {
            String level = e.getLevel().toString();
            if (level.equals("error") || level.equals("warning")) {
                problems.add("log " + level + ": " + e.getText());
            }
        });
        devTools.addListener(Network.requestWillBeSent(), e -> requests.add(e.getRequest().getUrl()));
    }

    /** Opens a local file and waits until its document has loaded. */
    public void open(Path file) {
        driver.get(file.toUri().toString());
    }

    /** Waits (up to 30 s) until a script in the page returns true: a page that finishes loading after its load event. */
    public void waitUntil(String condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(condition)));
    }

    /** Opens a flame graph page and waits until it has unpacked itself and drawn. */
    public void openFlameGraph(Path page) {
        open(page);
        waitForFlameGraph();
    }

    /** Waits until the page in the window has unpacked itself and drawn (after a navigation or a reload). */
    public void waitForFlameGraph() {
        waitUntil("return typeof window.flamegraph === 'object' || !document.getElementById('empty').hidden");
    }

    /** Runs a script in the page and returns what it returns. */
    @SuppressWarnings("unchecked")
    public <T> T eval(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Errors, warnings and uncaught exceptions the pages reported so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** URLs requested so far, the opened files included. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets what was recorded so far, before opening the next page. */
    public void clearRecords() {
        problems.clear();
        requests.clear();
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
