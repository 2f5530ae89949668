package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexSummary;
import org.verbatim.support.Fixtures;

class SearcherTest {

    @TempDir
    static Path tmp;
    static Searcher searcher;
    static IndexSummary summary;

    @BeforeAll
    static void buildIndex() throws IOException {
        summary = Fixtures.index(tmp.resolve("index"), Fixtures.folder("fixtures/archive"));
        searcher = Searcher.open(tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static SearchResponse search(String q) throws Exception {
        return searcher.search(SearchRequest.of(q));
    }

    private static List<String> ids(SearchResponse r) {
        return r.results().stream().map(h -> h.interview().id()).toList();
    }

    @Test
    void indexingReportsFilesInterviewsPairsAndTheFileWithoutDialogue() {
        assertEquals(4, summary.files());
        assertEquals(3, summary.interviews());
        assertEquals(6, summary.pairs());
        assertEquals(1, summary.failed().size());
        assertTrue(summary.failed().get(0).file().endsWith("notes-without-dialogue.txt"));
        assertTrue(summary.failed().get(0).error().startsWith("no dialogue found"), summary.failed().get(0).error());
    }

    @Test
    void aSlashInsideAWordIsPartOfItAndOneStartingATermIsARegularExpression() throws Exception {
        // "A/B" and "TCP/IP" used to open a regular expression and fail to parse.
        search("A/B testing");
        search("answer:TCP/IP");
        assertEquals(ids(search("kafka")), ids(search("/kafk[a-z]/")));
        assertThrows(BadQueryException.class, () -> search("/kafka"));
    }

    @Test
    void aSearchPastItsTimeLimitAnswersWithWhatItFoundAndSaysItTimedOut() throws Exception {
        SearchResponse full = search("kafka OR kubernetes OR background");
        assertFalse(full.timedOut());
        assertTrue(full.total().interviews() > 0);
        try {
            searcher.limitTime(java.time.Duration.ZERO);
            SearchResponse cut = search("kafka OR kubernetes OR background");
            assertTrue(cut.timedOut());
            assertEquals(0, cut.total().interviews());
            assertTrue(cut.results().isEmpty());
        } finally {
            searcher.limitTime(Searcher.DEFAULT_TIME_LIMIT);
        }
    }

    @Test
    void phraseSearchFindsThePairAndMarksThePhrase() throws Exception {
        SearchResponse r = search("\"learning new technologies\"");
        assertEquals(List.of("bea-2023"), ids(r));
        Match m = r.results().get(0).matches().get(0);
        assertEquals(1, m.pair());
        assertEquals("How do you approach <mark>learning new technologies</mark>?", m.questionSnippet());
    }

    @Test
    void stemmedSearchFindsInflectedForms() throws Exception {
        assertEquals(List.of("bea-2023", "cy-2022"), ids(search("learn technology")).stream().sorted().toList());
    }

    @Test
    void csharpMatchesCsharpAndNotPlainC() throws Exception {
        assertEquals(List.of("alex-2024"), ids(search("C#")));
        assertEquals(List.of("bea-2023"), ids(search("C")));
        assertEquals(List.of("alex-2024"), ids(search("C++")));
        assertEquals(List.of("alex-2024"), ids(search(".NET")));
        SearchResponse node = search("Node.js");
        assertEquals(List.of("cy-2022"), ids(node));
        assertTrue(node.results().get(0).matches().get(0).answerSnippet().contains("<mark>Node.js</mark>"));
        assertEquals(0, search("node").total().interviews());
    }

    @Test
    void snippetsEscapeHtmlAndUseOnlyMarkAsMarkup() throws Exception {
        SearchResponse r = search("C#");
        String a = r.results().get(0).matches().get(0).answerSnippet();
        assertEquals("I have spent six years writing <mark>C#</mark> services on .NET, and lately some C++ for a trading gateway.", a);
    }

    @Test
    void resultsAreInterviewsWithSeveralMatchesAndAnswerCount() throws Exception {
        SearchResponse r = search("kafka OR kubernetes OR background");
        assertEquals(1, r.total().interviews());
        assertEquals(2, r.total().answers());
        assertEquals(2, r.results().get(0).matches().size());
    }

    @Test
    void facetCountsCountInterviewsNotPairs() throws Exception {
        SearchResponse r = search("");
        assertEquals(3, r.total().interviews());
        assertEquals(6, r.total().answers());
        assertEquals(List.of(new FacetValue("Backend Engineer", 2), new FacetValue("Frontend Engineer", 1)), r.facets().get("role"));
        assertEquals(List.of(new FacetValue("Dana Wu", 2), new FacetValue("Sam Ortiz", 2)),
                r.facets().get("interviewer").stream().sorted((a, b) -> a.value().compareTo(b.value())).toList());
        assertEquals(List.of(new FacetValue("remote", 2), new FacetValue("java", 1), new FacetValue("onsite", 1)),
                r.facets().get("tag").stream().sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value())).toList());
    }

    @Test
    void emptyQueryListsEverythingNewestFirst() throws Exception {
        assertEquals(List.of("alex-2024", "bea-2023", "cy-2022"), ids(search("")));
    }

    @Test
    void facetFilterIsMultiSelectWithinADimensionAndNarrowsOthers() throws Exception {
        SearchResponse r = searcher.search(SearchRequest.of("").withFilters(Map.of("role", List.of("Frontend Engineer"))));
        assertEquals(List.of("cy-2022"), ids(r));
        // The role facet still counts every role (drill-sideways), so a second value can be ticked.
        assertEquals(List.of(new FacetValue("Backend Engineer", 2), new FacetValue("Frontend Engineer", 1)), r.facets().get("role"));
        // Other facets are narrowed by the role filter.
        assertEquals(List.of(new FacetValue("Cy Park", 1)), r.facets().get("candidate"));

        SearchResponse both = searcher.search(SearchRequest.of("").withFilters(
                Map.of("role", List.of("Frontend Engineer", "Backend Engineer"), "year", List.of("2023"))));
        assertEquals(List.of("bea-2023"), ids(both));
    }

    @Test
    void dateRangeBoundsTheInterviewDate() throws Exception {
        SearchRequest req = new SearchRequest("", 1, 10, SearchRequest.SortOrder.DATE, SearchRequest.Scope.ALL, Map.of(),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 3);
        assertEquals(List.of("bea-2023"), ids(searcher.search(req)));
    }

    @Test
    void scopeRestrictsToQuestionsOrAnswers() throws Exception {
        SearchRequest q = new SearchRequest("technologies", 1, 10, SearchRequest.SortOrder.RELEVANCE, SearchRequest.Scope.QUESTION, Map.of(), null, null, 3);
        assertEquals(List.of("bea-2023"), ids(searcher.search(q)));
        SearchRequest a = new SearchRequest("technologies", 1, 10, SearchRequest.SortOrder.RELEVANCE, SearchRequest.Scope.ANSWER, Map.of(), null, null, 3);
        assertEquals(List.of("cy-2022"), ids(searcher.search(a)));
    }

    @Test
    void fieldsCanBeNamedInTheQuery() throws Exception {
        assertEquals(List.of("bea-2023"), ids(search("speaker:bea AND prototype")));
        assertEquals(List.of("cy-2022"), ids(search("candidate:park")));
    }

    @Test
    void badQueriesGetOneLineErrorsNamingTheProblem() throws Exception {
        BadQueryException e = assertThrows(BadQueryException.class, () -> search("kafka AND"));
        assertTrue(e.getMessage().startsWith("cannot parse query 'kafka AND': "), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
        BadQueryException field = assertThrows(BadQueryException.class, () -> search("salary:100"));
        assertEquals("unknown field 'salary:'; a query can name answer:, candidate:, question:, speaker:", field.getMessage());
        BadQueryException facet = assertThrows(BadQueryException.class,
                () -> searcher.search(SearchRequest.of("").withFilters(Map.of("colour", List.of("red")))));
        assertEquals("unknown facet 'colour'; facets are candidate, interviewer, role, year, tag, skill, question, format", facet.getMessage());
        BadQueryException size = assertThrows(BadQueryException.class, () -> searcher.search(SearchRequest.of("").withSize(500)));
        assertEquals("size must be between 1 and 100 (got: 500)", size.getMessage());
        assertThrows(BadQueryException.class, () -> search("*kafka"));
        BadQueryException longOne = assertThrows(BadQueryException.class, () -> search("kafka ".repeat(300)));
        assertEquals("the query is 1799 characters long; the limit is 1000", longOne.getMessage());
        // Wildcards over every term still answer (constant-score rewrite), without a clause explosion.
        assertEquals(3, search("a* OR b* OR c* OR d* OR e* OR f* OR g* OR h* OR i* OR p* OR s* OR t*").total().interviews());

    }

    @Test
    void interviewDetailHasEveryPairInOrderWithSpeakersAndTimes() throws Exception {
        InterviewDetail d = searcher.interview("alex-2024");
        assertEquals("Backend interview with Alex Kim", d.interview().title());
        assertEquals(List.of("Alex Kim"), d.interview().candidates());
        assertEquals("2024-05-01", d.interview().date());
        assertEquals("hired", d.interview().outcome());
        assertEquals(2, d.pairs().size());
        InterviewDetail.PairView second = d.pairs().get(1);
        assertEquals(1, second.pair());
        assertEquals("How do you run services in production?", second.question());
        assertEquals("Sam Ortiz", second.questionSpeaker());
        assertEquals("We deploy everything on Kubernetes clusters and stream events through Kafka.\n\nThe Kafka consumers are written in Java.", second.answer());
        assertEquals("Alex Kim", second.speaker());
        assertEquals(90.0, second.start());
        assertNull(searcher.interview("no-such-id"));
    }

    @Test
    void statsCountInterviewsPairsCandidatesAndFormats() throws Exception {
        IndexStats s = searcher.stats();
        assertEquals(3, s.interviews());
        assertEquals(6, s.pairs());
        assertEquals(3, s.candidates());
        assertEquals(List.of(new FacetValue("speaker-labelled text", 2), new FacetValue("markdown", 1)), s.formats());
        assertTrue(s.sizeBytes() > 0);
        assertTrue(s.updated() != null);
    }

    @Test
    void openingAMissingIndexSaysHowToCreateOne() {
        NoIndexException e = assertThrows(NoIndexException.class, () -> Searcher.open(tmp.resolve("nothing-here")));
        assertTrue(e.getMessage().contains("verbatim index"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("nothing-here")));
    }
}
