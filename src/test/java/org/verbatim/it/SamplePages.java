package org.verbatim.it;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.web.WebServer;

/** Browser tests' common ground: a server over the indexed samples, and a fresh Chromium for each test. */
abstract class SamplePages {

    @TempDir
    static Path tmp;
    static LiveIndex index;
    static WebServer server;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    static void startServer() throws Exception {
        Fixtures.index(tmp.resolve("index"), Path.of("samples"));
        index = new LiveIndex(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(1));
        server = new WebServer(index, null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
        index.close();
    }

    @BeforeEach
    void openBrowser() {
        driver = Chromium.open(tmp);
        wait = Chromium.waitFor(driver);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
