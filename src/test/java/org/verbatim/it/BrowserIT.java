package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.web.WebServer;

/**
 * The search page in real headless Chromium (Debian's chromium and chromium-driver): type a query,
 * tick a facet, open a result and see the highlighted pair. Screenshots go to target/screenshots.
 */
class BrowserIT extends SamplePages {

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(driver, name);
    }

    private List<String> resultTitles() {
        return driver.findElements(By.cssSelector("#results .card h2")).stream().map(WebElement::getText).toList();
    }

    @Test
    void typeTickAFacetOpenAResultAndSeeTheHighlightedPair() throws Exception {
        driver.get(url("/"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 5));
        // "/" focuses the search box.
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement q = driver.switchTo().activeElement();
        assertEquals("q", q.getAttribute("id"));
        q.sendKeys("kafka");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));
        assertEquals(3, resultTitles().size());
        assertTrue(driver.findElement(By.cssSelector("#results .card .answer mark")).getText().equalsIgnoreCase("kafka"));
        screenshot("search-kafka");

        WebElement dataEngineer = driver.findElement(By.cssSelector("fieldset[data-facet=role] input[value='Data Engineer']"));
        dataEngineer.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "1 interview,"));
        assertEquals(List.of("Data Engineer interview with Ravi Menon"), resultTitles());
        assertTrue(driver.getCurrentUrl().contains("q=kafka") && driver.getCurrentUrl().contains("role=Data+Engineer"), driver.getCurrentUrl());
        // Multi-select: the other roles still show their counts.
        assertTrue(driver.findElement(By.cssSelector("fieldset[data-facet=role]")).getText().contains("Backend Engineer"));
        screenshot("search-kafka-data-engineer");

        driver.findElement(By.cssSelector("#results .card .open")).click();
        WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pairs .pair.target")));
        assertTrue(target.findElement(By.tagName("mark")).getText().toLowerCase().startsWith("kafka"));
        assertEquals("Data Engineer interview with Ravi Menon", driver.findElement(By.id("title")).getText());
        screenshot("interview-ravi");

        driver.navigate().back();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "1 interview,"));
        assertEquals("kafka", driver.findElement(By.id("q")).getAttribute("value"));
    }

    @Test
    void skillFacetChipsAndTheInterviewSkillSummary() throws Exception {
        driver.get(url("/?q=k8s"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "4 interviews"));
        // The alias finds all four interviews that talk about Kubernetes, under either name.
        assertEquals(4, resultTitles().size());
        WebElement skillFacet = driver.findElement(By.cssSelector("fieldset[data-facet=skill]"));
        assertTrue(skillFacet.getText().contains("Kubernetes"), skillFacet.getText());
        assertTrue(driver.findElements(By.cssSelector("#results .card .chip.skill")).stream()
                .anyMatch(c -> c.getText().equals("Kubernetes")));
        screenshot("search-k8s-skills");
        driver.findElement(By.cssSelector("fieldset[data-facet=skill] .more")).click();
        driver.findElement(By.cssSelector("fieldset[data-facet=skill] input[value='Apache Kafka']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "2 interviews"));
        driver.findElement(By.cssSelector("#results .card h2 a")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".skill-summary")));
        assertTrue(summary.getText().contains("Kubernetes"), summary.getText());
        assertTrue(summary.getText().contains("Apache Kafka"), summary.getText());
        driver.executeScript("window.scrollTo(0, 0)");
        screenshot("interview-skill-summary");
    }

    @Test
    void compareViewShowsEveryCandidatesAnswerSideBySide() throws Exception {
        driver.get(url("/?q=" + java.net.URLEncoder.encode("\"challenging project\"", java.nio.charset.StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 0));
        driver.findElement(By.cssSelector("#results .card a.compare")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#answers .answer-card"), 8));
        List<String> names = driver.findElements(By.cssSelector("#answers .answer-card h2")).stream().map(WebElement::getText).sorted().toList();
        assertEquals(List.of("Ana Souza", "Chloe Dubois", "Grace Whitfield", "Kenji Watanabe", "Mateo Alvarez", "Ravi Menon",
                "Sofia Marchetti", "Yusuf Demir"), names);
        screenshot("compare-challenging-project");
        String compareUrl = driver.getCurrentUrl();
        driver.get(compareUrl.replaceAll("([?&])q=[^&]*", "$1q=kafka"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#answers .answer-card"), 8));
        assertTrue(driver.findElements(By.cssSelector("#answers mark")).stream().anyMatch(m -> m.getText().equalsIgnoreCase("kafka")));

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("Backend Engineer");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#answers .answer-card"), 4));
        assertTrue(driver.getCurrentUrl().contains("role=Backend+Engineer"), driver.getCurrentUrl());

        driver.get(url("/matrix.html?role=" + java.net.URLEncoder.encode("Frontend Engineer", java.nio.charset.StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#matrix tbody tr"), 1));
        assertEquals(2, driver.findElements(By.cssSelector("#matrix tbody tr")).size());
        screenshot("matrix-frontend");
    }

    @Test
    void compareByTextIsRankedAndAGroupCanBeMergedFromTheComparePage() throws Exception {
        // An archive of its own: the merge changes it.
        Path dir = tmp.resolve("curated");
        Fixtures.index(dir, Path.of("samples"));
        try (LiveIndex curated = new LiveIndex(dir, Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(1))) {
            WebServer own = new WebServer(curated, null).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + own.port();
                driver.get(base + "/compare.html?text=" + java.net.URLEncoder.encode("What made you want to leave your last job?",
                        java.nio.charset.StandardCharsets.UTF_8));
                wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#answers .answer-card"), 3));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "closest in meaning"));
                List<WebElement> badges = driver.findElements(By.cssSelector("#answers .answer-card .closeness"));
                assertEquals(driver.findElements(By.cssSelector("#answers .answer-card")).size(), badges.size(), "every ranked card says how close it is");
                List<Integer> percents = badges.stream().map(b -> Integer.parseInt(b.getText().replaceAll("\\D", ""))).toList();
                for (int i = 1; i < percents.size(); i++) {
                    assertTrue(percents.get(i - 1) >= percents.get(i), "best first: " + percents);
                }
                assertTrue(!driver.findElement(By.id("correct")).isDisplayed(), "no corrections on a search by text");
                assertTrue(percents.get(0) >= 80, "the closest group's answers are as close as the group: " + percents);
                screenshot("compare-by-text");

                driver.get(base + "/compare.html?question=t-learning-new-technologies");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correct")));
                int learning = wait.until(d -> {
                    int n = d.findElements(By.cssSelector("#answers .answer-card")).size();
                    return n > 0 ? n : null;
                });
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("merge-into"))).selectByValue("t-why-leaving");
                screenshot("compare-before-merge");
                driver.findElement(By.id("merge")).click();
                wait.until(ExpectedConditions.urlContains("question=t-why-leaving"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Merged t-learning-new-technologies into t-why-leaving"));
                assertTrue(driver.findElements(By.cssSelector("#question option[value='t-learning-new-technologies']")).isEmpty(),
                        "the merged group leaves the question list");
                screenshot("compare-after-merge");
                try (org.verbatim.search.Searcher s = org.verbatim.search.Searcher.open(dir, Fixtures.skills(), Fixtures.grouping())) {
                    assertTrue(s.compare("t-learning-new-technologies", org.verbatim.search.SearchRequest.of("")) == null);
                    assertTrue(s.compareAll("t-why-leaving", org.verbatim.search.SearchRequest.of("")).total() >= learning);
                }
            } finally {
                own.stop();
            }
        }
    }

    @Test
    void badQueriesAndEmptyResultsHaveClearStates() throws Exception {
        driver.get(url("/?q=" + java.net.URLEncoder.encode("(kafka", java.nio.charset.StandardCharsets.UTF_8)));
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        assertTrue(alert.getText().startsWith("cannot parse query '(kafka'"), alert.getText());
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys("zeppelinology" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No interview matches this search."));
        assertTrue(!driver.findElement(By.id("alert")).isDisplayed());
    }

    @Test
    void aPhoneWidthStillShowsResults() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/?q=" + java.net.URLEncoder.encode("\"challenging project\"", java.nio.charset.StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results .card"), 0));
        screenshot("phone-challenging-project");
        WebElement card = driver.findElement(By.cssSelector("#results .card"));
        assertTrue(card.getSize().getWidth() <= 390, String.valueOf(card.getSize().getWidth()));
    }

    @Test
    void aServerWithUsersAsksForTheTokenOnceAndTheBrowserSessionKeepsIt() throws Exception {
        Path usersFile = tmp.resolve("users.tsv");
        String token = org.verbatim.web.Users.add(usersFile, "rita", org.verbatim.web.Users.Role.READER);
        org.verbatim.web.Access access = new org.verbatim.web.Access(org.verbatim.web.Users.read(usersFile), null);
        WebServer guarded = new WebServer(index, null, new org.verbatim.web.Admin(access, () -> null, null, index, List.of()))
                .start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + guarded.port();
            driver.get(base + "/?q=kafka");
            WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            screenshot("token-prompt");
            input.sendKeys("vbt_000000000000_wrong", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-help"), "not accepted"));
            input = driver.findElement(By.id("token-input"));
            input.sendKeys(token, Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 interviews"));
            assertTrue(driver.findElements(By.id("token-dialog")).isEmpty());
            // Another page in the same tab: no second prompt.
            driver.get(base + "/compare.html");
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#question option"), 1));
            assertTrue(driver.findElements(By.id("token-dialog")).isEmpty());
        } finally {
            guarded.stop();
        }
    }
}
