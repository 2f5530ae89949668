package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.web.WebServer;

/** The search page on an archive indexed for meaning: it offers the choice, and finds answers by meaning. */
class MeaningSearchIT extends InBrowser {

    static LiveIndex index;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = tmp.resolve("index");
        new Indexer(dir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2)
                .semantic(true).index(List.of(Fixtures.folder("semantic/interviews")), Manifest.empty(), Indexer.Progress.NONE);
        index = new LiveIndex(dir, Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(1));
        server = new WebServer(index, null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        index.close();
    }

    @Test
    void theModeIsOfferedAndFindsAnswersByMeaning() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebElement mode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mode")));
        new Select(mode).selectByValue("hybrid");
        driver.findElement(By.id("q")).sendKeys("calming down someone who is furious", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("mode=hybrid"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "for “calming down someone who is furious”"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 2));
        String text = driver.findElement(By.id("results")).getText();
        assertTrue(text.contains("shouting") || text.contains("yelling") || text.contains("upset") || text.contains("angry"), text);
        assertTrue(driver.findElement(By.id("search-help")).getText().contains("by their meaning"),
                "the help says how this mode searches: " + driver.findElement(By.id("search-help")).getText());
        Chromium.screenshot(driver, "search-by-meaning");
        List<String> bad = Chromium.axe(driver, "search-by-meaning");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
