package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.verbatim.ingest.Manifest;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.web.Access;
import org.verbatim.web.Admin;
import org.verbatim.web.Users;
import org.verbatim.web.WebServer;

/**
 * The recording at the moment, in Chromium: a pair's link plays the interview's recording (a WAV of
 * silence the test writes into the media folder) from that pair's time, on an open archive and on one
 * with users, where the page gets a signed link because a media element sends no token.
 */
class RecordingIT extends InBrowser {

    static LiveIndex index;
    static Path media;

    @BeforeAll
    static void indexRecordedInterviews() throws Exception {
        Path files = Fixtures.recordedInterviews(tmp.resolve("files"));
        Fixtures.index(tmp.resolve("index"), Manifest.read(files.resolve("manifest.csv")), files);
        media = tmp.resolve("media");
        Fixtures.silentWav(media.resolve("ilse.wav"), 30);
        index = new LiveIndex(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(1));
    }

    @AfterAll
    static void closeIndex() throws Exception {
        index.close();
    }

    private double playerTime() {
        return ((Number) driver.executeScript("return document.getElementById('player').currentTime;")).doubleValue();
    }

    private void playsFrom(double seconds) {
        wait.until(d -> playerTime() >= seconds - 0.05);
        assertTrue(playerTime() < seconds + 3, "the player is at the pair's time, not past it: " + playerTime());
    }

    @Test
    void aPairsLinkPlaysTheRecordingFromThatPair() throws Exception {
        WebServer server = new WebServer(index, null, Admin.off(index), media).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            driver.get(base + "/?q=kafka");
            WebElement play = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .card a.play")));
            assertEquals("▶ Recording at 0:00", play.getText());

            driver.get(base + "/interview.html?id=ilse");
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pairs a.play"), 3));
            List<WebElement> links = driver.findElements(By.cssSelector("#pairs a.play"));
            assertTrue(links.get(1).getAttribute("href").endsWith("/api/interviews/ilse/recording#t=6"), links.get(1).getAttribute("href"));
            assertEquals("▶ Play from 0:06", links.get(1).getText());
            links.get(1).click();
            playsFrom(6);
            Chromium.screenshot(driver, "recording-playing");
            List<String> bad = Chromium.axe(driver, "interview-with-recording");
            assertTrue(bad.isEmpty(), String.join("\n", bad));
            links.get(2).click();
            playsFrom(12);

            // Compare cards link to the moment too.
            driver.get(base + "/compare.html?text=" + java.net.URLEncoder.encode("How do you handle disagreements in a team?",
                    java.nio.charset.StandardCharsets.UTF_8));
            WebElement fromCompare = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answers a.play")));
            assertTrue(fromCompare.getAttribute("href").contains("play=1"), fromCompare.getAttribute("href"));

            // From a search result: the interview opens at the pair and the player is set to its time.
            driver.get(base + "/interview.html?id=ilse&pair=2&play=1");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pair-2.target")));
            playsFrom(12);
        } finally {
            server.stop();
        }
    }

    @Test
    void onAnArchiveWithUsersThePagePlaysThroughASignedLink() throws Exception {
        Path usersFile = tmp.resolve("users.tsv");
        String token = Users.add(usersFile, "rita", Users.Role.READER);
        WebServer server = new WebServer(index, null, new Admin(new Access(Users.read(usersFile), null), () -> null, null, index, List.of()),
                media).start("127.0.0.1", 0);
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/interview.html?id=ilse");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input"))).sendKeys(token, org.openqa.selenium.Keys.ENTER);
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pairs a.play"), 3));
            String src = driver.findElement(By.id("player")).getAttribute("src");
            assertTrue(src.contains("sig="), src);
            driver.findElements(By.cssSelector("#pairs a.play")).get(1).click();
            playsFrom(6);
        } finally {
            server.stop();
        }
    }
}
