package org.verbatim.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A fresh headless Chromium for each test, and a scratch folder for the class. */
abstract class InBrowser {

    @TempDir
    static Path tmp;
    ChromeDriver driver;
    WebDriverWait wait;

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
}
