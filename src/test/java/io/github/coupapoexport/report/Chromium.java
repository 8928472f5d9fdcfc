package io.github.coupapoexport.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: the report is checked in the browser an operator
 * would open it in, for what it shows and for what it tries to load. A fresh profile each time, and every background
 * service off, so that the only requests the browser makes are the page's own.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path profile;

    private final ChromeDriver driver;

    /** The page opened last: the requests counted are its own, not those of the browser's new tab page. */
    private String page = "";

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** A browser with a window of this size, so that screenshots of the same page are the same size. */
    public static Chromium start(int width, int height) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the report is tested in Debian's Chromium: apt-get install chromium "
                    + "chromium-driver (.ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory("coupa-po-export-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
            return new Chromium(profile, new ChromeDriver(service, options));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Opens the file as a person would from a mail attachment saved to disk; the logs start afresh. */
    public ChromeDriver open(Path file) {
        consoleErrors();
        requests();
        page = file.toAbsolutePath().toUri().toString();
        driver.get(page);
        return driver;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** What the console said at level SEVERE since the last call: errors, CSP refusals among them. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /**
     * Every request for the page opened last since the last call, as the browser's network log has them, the page
     * itself first: one the browser refused to send (its Content-Security-Policy) is there too, with the reason.
     */
    public List<Request> requests() {
        List<JsonNode> messages = driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
            .map(entry -> JSON.readTree(entry.getMessage()).path("message"))
            .toList();
        Map<String, String> blocked = new HashMap<>();
        messages.stream().filter(message -> message.path("method").asString("").equals("Network.loadingFailed"))
            .forEach(message -> blocked.put(message.path("params").path("requestId").asString(),
                    message.path("params").path("blockedReason").asString("")));
        return messages.stream()
            .filter(message -> message.path("method").asString("").equals("Network.requestWillBeSent"))
            .map(message -> message.path("params"))
            .filter(params -> params.path("documentURL").asString("").equals(page))
            .map(params -> new Request(params.path("request").path("url").asString(),
                    blocked.get(params.path("requestId").asString())))
            .toList();
    }

    /**
     * One request of the page.
     *
     * @param blockedReason why the browser refused to send it ("csp"), empty when it failed otherwise; null when it
     * did not fail
     */
    public record Request(String url, String blockedReason) {
    }

    /** The window as a PNG: what a person sees first on opening the page. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
