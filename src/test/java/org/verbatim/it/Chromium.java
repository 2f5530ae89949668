package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by its ChromeDriver, as the browser tests use it, and axe-core run in it. */
final class Chromium {

    private static final Path AXE = Path.of("src", "test", "a11y", "node_modules", "axe-core", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private Chromium() {
    }

    /** A fresh browser with its own profile folder under {@code scratch}, at 1280 × 900. */
    static ChromeDriver open(Path scratch) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-sync", "--disable-component-update",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + scratch.resolve("profile-" + System.nanoTime()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Writes what the browser shows to {@code target/screenshots/NAME.png}. */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static synchronized String axeSource() throws IOException {
        if (axeSource == null) {
            if (!Files.isRegularFile(AXE)) {
                throw new IllegalStateException("axe-core is not installed: run scripts/test, or npm ci --prefix src/test/a11y");
            }
            axeSource = Files.readString(AXE);
        }
        return axeSource;
    }

    /**
     * Runs axe-core on the page as it is now, writes the whole result to {@code target/axe/STATE.json}
     * and returns the serious and critical violations, one line each.
     */
    static List<String> axe(ChromeDriver driver, String state) throws IOException {
        driver.executeScript(axeSource());
        Object raw = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] })"
                        + ".then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));");
        JsonNode result = JSON.readTree((String) raw);
        Path dir = Path.of("target", "axe");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(state + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        assertTrue(!result.has("error"), "axe-core failed on " + state + ": " + result.path("error").asText());
        List<String> bad = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            String impact = v.path("impact").asText();
            if (!impact.equals("serious") && !impact.equals("critical")) {
                continue;
            }
            for (JsonNode node : v.path("nodes")) {
                bad.add(impact + " " + v.path("id").asText() + " at " + node.path("target") + ": "
                        + node.path("failureSummary").asText().replace('\n', ' '));
            }
        }
        return bad;
    }

}
