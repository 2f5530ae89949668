package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.verbatim.web.Access;
import org.verbatim.web.Admin;
import org.verbatim.web.Users;
import org.verbatim.web.WebServer;

/**
 * Every page in its main states checked by axe-core (the npm package, injected from
 * {@code src/test/a11y/node_modules}: nothing is fetched), one whole task done by keyboard alone, and the
 * pages at 200% zoom and 360 px wide. Reports go to {@code target/axe}, screenshots to
 * {@code target/screenshots}.
 */
class AccessibilityIT extends SamplePages {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void assertAccessible(String state) throws IOException {
        List<String> bad = Chromium.axe(driver, state);
        Chromium.screenshot(driver, "a11y-" + state);
        assertTrue(bad.isEmpty(), state + ": " + bad.size() + " serious or critical violations:\n" + String.join("\n", bad));
    }

    @Test
    void everyPageInItsMainStatesHasNoSeriousViolations() throws Exception {
        driver.get(url("/"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 5));
        assertAccessible("search-start");

        driver.get(url("/?q=kafka"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));
        assertAccessible("search-results");

        driver.findElement(By.cssSelector("fieldset[data-facet=skill] .more")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("fieldset[data-facet=skill] .more"), "Show fewer"));
        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys("ka");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
        q.sendKeys(Keys.ARROW_DOWN);
        assertEquals("suggestion-0", q.getAttribute("aria-activedescendant"), "the arrow keys choose a suggestion, the focus stays in the box");
        assertEquals("true", q.getAttribute("aria-expanded"));
        assertAccessible("search-facets-open-suggestions");

        driver.get(url("/?q=zeppelinology"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No interview matches"));
        assertAccessible("search-no-results");

        driver.get(url("/?q=" + enc("(kafka")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        assertAccessible("search-error");

        driver.get(url("/?q=kafka"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));
        driver.findElement(By.cssSelector("#results .card .open")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pairs .pair.target")));
        assertAccessible("interview");

        driver.get(url("/interview.html?id=no-such-interview"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        assertAccessible("interview-not-found");

        driver.get(url("/compare.html"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#question option"), 1));
        assertAccessible("compare-start");

        driver.get(url("/compare.html?question=t-learning-new-technologies&q=kafka"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#answers .answer-card"), 1));
        assertAccessible("compare-cards");

        driver.get(url("/compare.html?text=" + enc("What made you want to leave your last job?")));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#answers .answer-card .closeness"), 1));
        assertAccessible("compare-by-text");

        driver.get(url("/matrix.html?role=" + enc("Frontend Engineer")));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#matrix tbody tr"), 1));
        assertAccessible("matrix");
    }

    @Test
    void theTokenDialogHasNoSeriousViolations() throws Exception {
        Path usersFile = tmp.resolve("users.tsv");
        Users.add(usersFile, "rita", Users.Role.READER);
        Access access = new Access(Users.read(usersFile), null);
        WebServer guarded = new WebServer(index, null, new Admin(access, () -> null, null, index, List.of())).start("127.0.0.1", 0);
        try {
            driver.get("http://127.0.0.1:" + guarded.port() + "/?q=kafka");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            assertEquals("token-input", driver.switchTo().activeElement().getAttribute("id"), "the dialog takes the focus");
            assertAccessible("token-dialog");
        } finally {
            guarded.stop();
        }
    }

    /** The element that has the focus now. */
    private WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted; fails after {@code max} presses. */
    private WebElement tabTo(String what, Predicate<WebElement> wanted, int max, List<String> visited) {
        for (int i = 0; i < max; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement f = focused();
            visited.add(describe(f));
            assertFocusVisible(f);
            if (wanted.test(f)) {
                return f;
            }
        }
        throw new AssertionError("Tab never reached " + what + " in " + max + " presses; visited " + visited);
    }

    private static String describe(WebElement e) {
        String id = e.getAttribute("id");
        String text = e.getText();
        return e.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id)
                + (text == null || text.isBlank() ? "" : " '" + text.strip().lines().findFirst().orElse("") + "'");
    }

    /** The focused element shows it: an outline or a box shadow that is not none. */
    private void assertFocusVisible(WebElement e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) driver.executeScript(
                "const s = getComputedStyle(arguments[0]);"
                        + "return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };", e);
        boolean outline = !"none".equals(style.get("outline")) && !"0px".equals(style.get("width"));
        boolean shadow = !"none".equals(style.get("shadow"));
        assertTrue(outline || shadow, "no visible focus on " + describe(e) + ": " + style);
    }

    @Test
    void aWholeTaskByKeyboardAlone() throws Exception {
        driver.get(url("/"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 5));
        List<String> visited = new ArrayList<>();

        // The first Tab reaches the skip link; the search box comes before the filters and the results.
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertTrue(focused().getText().toLowerCase().contains("skip"), "the first Tab stop is the skip link: " + describe(focused()));
        WebElement q = tabTo("the search box", e -> "q".equals(e.getAttribute("id")), 8, visited);
        q.sendKeys("kafka", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));

        WebElement role = tabTo("the Data Engineer filter", e -> "Data Engineer".equals(e.getAttribute("value")), 40, visited);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "1 interview,"));
        assertTrue(driver.getCurrentUrl().contains("role=Data+Engineer"), driver.getCurrentUrl());
        // The change is announced: the live region says what the filter did, and the focus stays on the filter.
        WebElement status = driver.findElement(By.id("status"));
        assertEquals("polite", status.getAttribute("aria-live"));
        assertTrue(status.getText().contains("Data Engineer"), status.getText());
        assertEquals("Data Engineer", focused().getAttribute("value"), "the focus stays on the ticked filter");
        Chromium.screenshot(driver, "keyboard-filter-ticked");

        WebElement open = tabTo("a result", e -> e.getAttribute("class") != null && e.getAttribute("class").contains("open"), 40, visited);
        open.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pairs .pair.target")));
        assertEquals("Data Engineer interview with Ravi Menon", driver.findElement(By.id("title")).getText());
        assertTrue(focused().getAttribute("class").contains("target"), "the pair opened has the focus: " + describe(focused()));

        WebElement compare = tabTo("Compare this question", e -> e.getAttribute("class") != null && e.getAttribute("class").contains("compare"),
                20, visited);
        compare.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#answers .answer-card"), 1));
        assertTrue(driver.findElement(By.id("status")).getText().contains("answered it"), driver.findElement(By.id("status")).getText());
        Chromium.screenshot(driver, "keyboard-compare");
    }

    /** Sets the CSS viewport and device pixel ratio, as a zoomed or narrow browser window has them. */
    private void viewport(int width, int height, double scale) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", false));
    }

    private void assertNoSidewaysScroll(String state) {
        Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
        Number inner = (Number) driver.executeScript("return window.innerWidth;");
        if (scroll.intValue() > inner.intValue()) {
            Object wide = driver.executeScript(
                    "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
                            + ".filter(e => !e.closest('.table-wrap') && !e.closest('.visually-hidden') && !e.closest('.skip'))"
                            + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));");
            throw new AssertionError(state + " scrolls sideways: " + scroll + " > " + inner + "; too wide: " + wide);
        }
    }

    @Test
    void pagesReflowAt200PercentZoomAndAt360PixelsWide() throws Exception {
        // 200% zoom of a 1280 px window is a 640 CSS px viewport at two device pixels per CSS pixel.
        record Size(String name, int width, int height, double scale) {
        }
        for (Size size : List.of(new Size("zoom200", 640, 450, 2), new Size("w360", 360, 740, 2))) {
            viewport(size.width(), size.height(), size.scale());
            driver.get(url("/?q=kafka"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));
            assertNoSidewaysScroll("search at " + size.name());
            assertTrue(driver.findElement(By.cssSelector("#results .card")).isDisplayed());
            Chromium.screenshot(driver, "a11y-" + size.name() + "-search");

            driver.findElement(By.cssSelector("#results .card .open")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pairs .pair.target")));
            assertNoSidewaysScroll("interview at " + size.name());
            Chromium.screenshot(driver, "a11y-" + size.name() + "-interview");

            driver.get(url("/compare.html?question=t-learning-new-technologies"));
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#answers .answer-card"), 1));
            assertNoSidewaysScroll("compare at " + size.name());
            Chromium.screenshot(driver, "a11y-" + size.name() + "-compare");

            driver.get(url("/matrix.html?role=" + enc("Frontend Engineer")));
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#matrix tbody tr"), 1));
            assertNoSidewaysScroll("matrix at " + size.name());
            Chromium.screenshot(driver, "a11y-" + size.name() + "-matrix");
        }
    }
}
