package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.QuestionEmbedder;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.support.Fixtures;

/**
 * Compare by free text as ranked retrieval over the question vectors in the index: five interviews ask
 * which editor the candidate uses, each in other words; one asks about a conflict instead.
 */
class RankedCompareTest {

    @TempDir
    static Path tmp;
    static Searcher searcher;

    static final Map<String, String> ASKED = Map.of(
            "Ana Souza", "What editor do you use?",
            "Ben Okoro", "So, Ben, which code editor do you prefer to work in?",
            "Chen Wei", "Which text editor do you write your code in day to day?",
            "Dana Levi", "What editor do you use when you write Python?",
            "Emre Kaya", "Tell me about the editor you use for coding.",
            "Fay Moreau", "How do you handle a conflict with a coworker?");

    @BeforeAll
    static void build() throws IOException {
        Path files = Files.createDirectories(tmp.resolve("files"));
        int day = 1;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(ASKED).entrySet()) {
            String name = e.getKey();
            Files.writeString(files.resolve(String.format("2024-03-%02d-%s.txt", day, name.toLowerCase().replace(' ', '-'))),
                    "---\ntitle: Interview with " + name + "\ncandidates: [" + name + "]\ninterviewers: [Rosa Diaz]\ndate: 2024-03-"
                            + String.format("%02d", day++) + "\n---\n\n"
                            + "Rosa Diaz: Thanks for joining. " + e.getValue() + "\n\n"
                            + name + ": Honestly it depends on the day and the project, but I have a setup I like a lot.\n\n"
                            + "Rosa Diaz: What would you change about your last team's release process?\n\n"
                            + name + ": Smaller releases, more often, with the tests running before every merge.\n");
        }
        Fixtures.index(tmp.resolve("index"), files);
        searcher = Searcher.open(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping());
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    @Test
    void theAnswersWhoseQuestionIsClosestInMeaningComeFirstEachWithItsCloseness() throws Exception {
        CompareResult r = searcher.compareText("Which editor do you code in?", SearchRequest.of(""));
        assertNotNull(r);
        List<String> who = r.answers().stream().map(CompareResult.Answer::speaker).toList();
        assertFalse(who.contains("Fay Moreau"), who.toString());
        assertTrue(who.size() >= 4, "most wordings of the editor question are found: " + who);
        for (int i = 0; i < r.answers().size(); i++) {
            CompareResult.Answer a = r.answers().get(i);
            assertNotNull(a.closeness(), "a ranked card says how close its question is");
            assertTrue(a.closeness() > 0 && a.closeness() <= 1.0001, a.closeness() + "");
            assertTrue(a.questionAsked().contains(ASKED.get(a.speaker())), "the question as it was asked: " + a.questionAsked());
            if (i > 0) {
                assertTrue(r.answers().get(i - 1).closeness() >= a.closeness(), "best first: " + r.answers());
            }
        }
        assertEquals(r.answers().size(), r.total());
    }

    @Test
    void rankedPagesFollowTheWholeRanking() throws Exception {
        CompareResult all = searcher.compareTextAll("Which editor do you code in?", SearchRequest.of(""));
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            CompareResult r = searcher.compareText("Which editor do you code in?",
                    new SearchRequest("", page, 2, null, null, Map.of(), null, null, 3));
            assertEquals(all.total(), r.total());
            r.answers().forEach(a -> paged.add(a.speaker()));
        }
        assertEquals(all.answers().stream().map(CompareResult.Answer::speaker).toList(), paged);
    }

    @Test
    void filtersNarrowTheRankedAnswers() throws Exception {
        CompareResult r = searcher.compareText("Which editor do you code in?",
                SearchRequest.of("").withFilters(Map.of("candidate", List.of("Chen Wei"))));
        assertEquals(List.of("Chen Wei"), r.answers().stream().map(CompareResult.Answer::speaker).toList());
    }

    @Test
    void aGroupIdStillGivesTheGroupNewestFirstWithoutCloseness() throws Exception {
        CompareResult ranked = searcher.compareText("Which editor do you code in?", SearchRequest.of(""));
        CompareResult group = searcher.compare(ranked.question().id(), SearchRequest.of(""));
        assertNotNull(group);
        group.answers().forEach(a -> assertNull(a.closeness()));
    }

    @Test
    void withoutTheModelTheClosestGroupIsGiven() throws Exception {
        QuestionGrouping words = new QuestionGrouping(new QuestionMatcher(Fixtures.grouping().matcher().text(),
                Fixtures.grouping().matcher().topics(), QuestionMatcher.DEFAULT_THRESHOLD, QuestionEmbedder.NONE));
        try (Searcher s = Searcher.open(tmp.resolve("index"), Fixtures.skills(), words)) {
            CompareResult r = s.compareText("What editor do you use?", SearchRequest.of(""));
            assertNotNull(r);
            assertTrue(r.answers().stream().anyMatch(a -> a.speaker().equals("Ana Souza")));
            r.answers().forEach(a -> assertNull(a.closeness()));
        }
    }
}
