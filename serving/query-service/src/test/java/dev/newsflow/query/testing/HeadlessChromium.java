package dev.newsflow.query.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's {@code chromium} driven through its {@code chromedriver}, headless, with a fresh profile
 * and the browser console captured. Both binaries are installed by {@code
 * src/test/browser/ensure-chromium.sh} (run by the build before the integration tests); Selenium
 * Manager is never asked to download anything.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"));
    static final List<Path> DRIVERS =
            List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start(int width, int height) throws IOException {
        Path browser = firstExisting(BROWSERS, "chromium");
        Path chromedriver = firstExisting(DRIVERS, "chromedriver");
        Path profile = Files.createTempDirectory("newsflow-chromium-");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options =
                new ChromeOptions()
                        .setBinary(browser.toFile())
                        .addArguments(
                                "--headless=new",
                                "--no-sandbox", // the build may run as root
                                "--disable-dev-shm-usage",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-extensions",
                                "--user-data-dir=" + profile,
                                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort()
                        .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Console entries since the last call (reading drains the browser's buffer). */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    public List<LogEntry> consoleErrors() {
        return console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path firstExisting(List<Path> candidates, String name) {
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        name
                                                + " not found at "
                                                + candidates
                                                + ". Install it with"
                                                + " serving/query-service/src/test/browser/ensure-chromium.sh"
                                                + " (apt-get install chromium chromium-driver);"
                                                + " `./mvnw verify` runs that script before the"
                                                + " integration tests."));
    }
}
