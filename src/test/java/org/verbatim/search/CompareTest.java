package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.support.Fixtures;

/**
 * Comparing answers across candidates over the samples: eight of the ten interviews ask about a
 * challenging project, each in its own words; the Frontend interview with Lena Hoffmann and the Product
 * Manager interview with Daniel Okafor do not.
 */
class CompareTest {

    @TempDir
    static Path tmp;
    static Searcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Fixtures.index(tmp.resolve("index"), Path.of("samples"));
        searcher = Searcher.open(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping());
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    static Set<String> speakers(CompareResult r) {
        Set<String> out = new TreeSet<>();
        r.answers().forEach(a -> out.add(a.speaker() != null ? a.speaker() : String.join(", ", a.interview().candidates())));
        return out;
    }

    static final Set<String> ASKED_ABOUT_A_CHALLENGING_PROJECT = new TreeSet<>(Set.of("Ana Souza", "Kenji Watanabe", "Ravi Menon",
            "Sofia Marchetti", "Grace Whitfield", "Mateo Alvarez", "Chloe Dubois", "Yusuf Demir"));

    @Test
    void comparingChallengingProjectShowsEveryoneAskedAnyWordingOfItAndNobodyElse() throws Exception {
        QuestionGroupView g = searcher.closestGroup("challenging project");
        assertNotNull(g);
        CompareResult r = searcher.compare(g.id(), SearchRequest.of(""));
        assertEquals(ASKED_ABOUT_A_CHALLENGING_PROJECT, speakers(r), r.answers().stream().map(CompareResult.Answer::questionAsked).toList().toString());
        assertEquals(8, r.answers().size(), "one answer per interviewee");
    }

    @Test
    void answersComeInPagesOfTheSameOrderAsTheWholeList() throws Exception {
        QuestionGroupView g = searcher.closestGroup("challenging project");
        CompareResult all = searcher.compareAll(g.id(), SearchRequest.of(""));
        assertEquals(8, all.total());
        List<String> whole = all.answers().stream().map(a -> a.interview().id() + "#" + a.pair()).toList();
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            CompareResult r = searcher.compare(g.id(), new SearchRequest("", page, 3, null, null, Map.of(), null, null, 3));
            assertEquals(8, r.total());
            assertEquals(page < 3 ? 3 : 2, r.answers().size());
            r.answers().forEach(a -> paged.add(a.interview().id() + "#" + a.pair()));
        }
        assertEquals(whole, paged);
        for (int i = 1; i < all.answers().size(); i++) {
            assertTrue(all.answers().get(i - 1).interview().date().compareTo(all.answers().get(i).interview().date()) >= 0, "newest first");
        }
    }

    @Test
    void pagesOfAManyAnswerQuestionFollowTheWholeOrderThroughSharedDays(@TempDir Path dir) throws Exception {
        // Files named by date come in date order, and hundreds of interviews share days.
        try (Searcher many = Searcher.open(Fixtures.generatedWithDeletions(dir, 5, 400, 9), Fixtures.skills(), Fixtures.grouping())) {
            QuestionGroupView g = many.closestGroup("why are you leaving your current job?");
            CompareResult all = many.compareAll(g.id(), SearchRequest.of(""));
            assertTrue(all.total() > 100, "answers: " + all.total());
            List<String> whole = all.answers().stream().map(a -> a.interview().id() + "#" + a.pair()).toList();
            assertTrue(whole.size() > new java.util.HashSet<>(all.answers().stream().map(a -> a.interview().date()).toList()).size(),
                    "some answers should share a day");
            for (int size : new int[] {1, 7, 50}) {
                List<String> paged = new java.util.ArrayList<>();
                for (int page = 1; (page - 1) * size < whole.size(); page++) {
                    CompareResult r = many.compare(g.id(), new SearchRequest("", page, size, null, null, Map.of(), null, null, 3));
                    assertEquals(all.total(), r.total());
                    r.answers().forEach(a -> paged.add(a.interview().id() + "#" + a.pair()));
                }
                assertEquals(whole, paged, "pages of " + size);
            }
        }
    }

    @Test
    void compareFiltersByRoleAndHighlightsWords() throws Exception {
        QuestionGroupView g = searcher.closestGroup("What's the hardest thing you've built?");
        CompareResult r = searcher.compare(g.id(), SearchRequest.of("kafka").withFilters(Map.of("role", List.of("Backend Engineer"))));
        assertEquals(Set.of("Ana Souza", "Kenji Watanabe", "Sofia Marchetti", "Chloe Dubois"), speakers(r));
        CompareResult.Answer sofia = r.answers().stream().filter(a -> "Sofia Marchetti".equals(a.speaker())).findFirst().orElseThrow();
        assertTrue(sofia.answerHtml().contains("<mark>Kafka</mark>"), sofia.answerHtml());
        assertTrue(!sofia.answer().contains("<mark>"));
        // Newest interview first.
        assertEquals("2025-06-10", r.answers().get(0).interview().date());
    }

    @Test
    void compareMarksEveryNameOfAQuotedSkill() throws Exception {
        QuestionGroupView g = searcher.closestGroup("How do you handle production incidents?");
        CompareResult r = searcher.compare(g.id(), SearchRequest.of("\"Kubernetes\""));
        CompareResult.Answer sofia = r.answers().stream().filter(a -> "Sofia Marchetti".equals(a.speaker())).findFirst().orElseThrow();
        assertTrue(sofia.answerHtml().contains("<mark>k8s</mark>"), sofia.answerHtml());
    }

    @Test
    void theQuestionsListCountsInterviewsMostAskedFirst() throws Exception {
        List<QuestionGroupView> qs = searcher.questions(SearchRequest.of(""), 100);
        assertTrue(qs.size() > 5);
        for (int i = 1; i < qs.size(); i++) {
            assertTrue(qs.get(i - 1).interviews() >= qs.get(i).interviews());
        }
        String challengingId = searcher.closestGroup("challenging project").id();
        QuestionGroupView challenging = qs.stream().filter(q -> q.id().equals(challengingId)).findFirst().orElseThrow();
        assertEquals(8, challenging.interviews());
        List<QuestionGroupView> pm = searcher.questions(SearchRequest.of("").withFilters(Map.of("role", List.of("Product Manager"))), 100);
        QuestionGroupView pmChallenging = pm.stream().filter(q -> q.id().equals(challenging.id())).findFirst().orElseThrow();
        assertEquals(1, pmChallenging.interviews());
    }

    @Test
    void theQuestionFacetShowsGroupLabelsCountingInterviews() throws Exception {
        SearchResponse r = searcher.search(SearchRequest.of(""));
        FacetValue top = r.facets().get("question").get(0);
        assertNotNull(top.label());
        assertTrue(top.count() >= 8, top.toString());
        SearchResponse filtered = searcher.search(SearchRequest.of("").withFilters(Map.of("question", List.of(top.value()))));
        assertEquals(top.count(), filtered.total().interviews());
    }

    @Test
    void theMatrixHasCandidatesAsRowsAndQuestionsAsColumns() throws Exception {
        String challenging = searcher.closestGroup("challenging project").id();
        String leaving = searcher.closestGroup("Why are you leaving your current job?").id();
        Matrix m = searcher.matrix(List.of(challenging, leaving), SearchRequest.of("").withFilters(Map.of("role", List.of("Frontend Engineer"))), 80);
        assertEquals(2, m.questions().size());
        Map<String, Matrix.Row> rows = new HashMap<>();
        m.rows().forEach(r -> rows.put(r.candidate(), r));
        assertEquals(Set.of("Lena Hoffmann", "Mateo Alvarez"), rows.keySet());
        assertNull(rows.get("Lena Hoffmann").cells().get(0).answerStart(), "Lena was never asked about a challenging project");
        assertNotNull(rows.get("Lena Hoffmann").cells().get(1).answerStart());
        assertNotNull(rows.get("Mateo Alvarez").cells().get(0).answerStart());
        assertTrue(rows.get("Mateo Alvarez").cells().get(0).answerStart().length() <= 82);
    }

    @Test
    void groupIdsAreStableAcrossAFullRebuild() throws Exception {
        Map<String, String> first = groupsByPair(searcher);
        Path again = tmp.resolve("again");
        Fixtures.index(again, Path.of("samples"));
        try (Searcher other = Searcher.open(again, Fixtures.skills(), Fixtures.grouping())) {
            assertEquals(first, groupsByPair(other));
        }
    }

    @Test
    void groupsAreKeptWhenInterviewsAreAdded() throws Exception {
        Path docs = tmp.resolve("growing");
        java.nio.file.Files.createDirectories(docs);
        Path idx = tmp.resolve("growing-index");
        for (String f : List.of("2023-02-14-backend-ana-souza.txt", "2023-10-03-backend-kenji-watanabe.md")) {
            java.nio.file.Files.copy(Path.of("samples", f), docs.resolve(f));
        }
        Fixtures.index(idx, docs);
        Map<String, String> before;
        try (Searcher s = Searcher.open(idx, Fixtures.skills(), Fixtures.grouping())) {
            before = groupsByPair(s);
        }
        java.nio.file.Files.copy(Path.of("samples", "2024-04-09-data-ravi-menon.txt"), docs.resolve("2024-04-09-data-ravi-menon.txt"));
        Fixtures.index(idx, docs);
        try (Searcher s = Searcher.open(idx, Fixtures.skills(), Fixtures.grouping())) {
            Map<String, String> after = groupsByPair(s);
            for (Map.Entry<String, String> e : before.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
            }
            String ana = after.get("2023-02-14-backend-ana-souza#1");
            String ravi = after.get("2024-04-09-data-ravi-menon#1");
            assertEquals(ana, ravi, "Ravi's 'most difficult thing you've built' joins Ana's 'challenging project'");
        }
    }

    static Map<String, String> groupsByPair(Searcher s) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Hit h : s.search(SearchRequest.of("").withSize(100)).results()) {
            InterviewDetail d = s.interview(h.interview().id());
            for (InterviewDetail.PairView p : d.pairs()) {
                if (p.questionGroup() != null) {
                    out.put(d.interview().id() + "#" + p.pair(), p.questionGroup());
                }
            }
        }
        return out;
    }

    @Test
    void anInterviewWrittenAgainLeavesNoStaleAnswer(@TempDir Path own) throws Exception {
        Path files = own.resolve("files");
        java.nio.file.Files.createDirectories(files);
        for (Path p : java.nio.file.Files.list(Path.of("samples")).toList()) {
            java.nio.file.Files.copy(p, files.resolve(p.getFileName().toString()));
        }
        Fixtures.index(own.resolve("index"), files);
        Path ana = files.resolve("2023-02-14-backend-ana-souza.txt");
        java.nio.file.Files.writeString(ana, java.nio.file.Files.readString(ana) + "\nThanks again, Ana.\n");
        Fixtures.index(own.resolve("index"), files); // the changed file replaces its interview's block
        try (Searcher s = Searcher.open(own.resolve("index"), Fixtures.skills(), Fixtures.grouping())) {
            CompareResult r = s.compareAll(s.closestGroup("challenging project").id(), SearchRequest.of(""));
            assertEquals(ASKED_ABOUT_A_CHALLENGING_PROJECT, speakers(r));
            assertEquals(8, r.total(), "the replaced block's pairs are not answers");
            List<String> ranked = s.compareTextAll("Walk me through a challenging project", SearchRequest.of("")).answers().stream()
                    .map(a -> a.interview().id() + "#" + a.pair()).toList();
            assertEquals(new java.util.HashSet<>(ranked).size(), ranked.size(), "each answer once: " + ranked);
        }
    }
}
