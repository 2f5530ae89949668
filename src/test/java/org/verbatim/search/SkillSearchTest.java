package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verbatim.support.Fixtures;

/**
 * Skill-aware search over the samples, whose skills are known: each skill below occurs under
 * different names in different interviews (Kubernetes / k8s, PostgreSQL / Postgres, JavaScript / JS,
 * Go / Golang, React / ReactJS / React.js, C# with and without .NET).
 */
class SkillSearchTest {

    @TempDir
    static Path tmp;
    static Searcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Fixtures.index(tmp.resolve("index"), Path.of("samples"));
        searcher = Searcher.open(tmp.resolve("index"), Fixtures.skills());
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    static Set<String> ids(SearchResponse r) {
        Set<String> out = new TreeSet<>();
        r.results().forEach(h -> out.add(h.interview().id()));
        return out;
    }

    static SearchResponse search(String q) throws Exception {
        return searcher.search(SearchRequest.of(q).withSize(50));
    }

    static final String ANA = "2023-02-14-backend-ana-souza";
    static final String DANIEL = "2023-06-21-product-daniel-okafor";
    static final String KENJI = "2023-10-03-backend-kenji-watanabe";
    static final String LENA = "2024-01-17-frontend-lena-hoffmann";
    static final String RAVI = "2024-04-09-data-ravi-menon";
    static final String SOFIA = "2024-07-25-backend-sofia-marchetti";
    static final String GRACE = "2024-11-12-product-grace-whitfield";
    static final String MATEO = "2025-02-27-frontend-mateo-alvarez";
    static final String CHLOE = "2025-06-10-backend-chloe-dubois";
    static final String YUSUF = "2025-10-02-data-yusuf-demir";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kubernetes | Kubernetes",
        "k8s        | Kubernetes",
        "postgres   | PostgreSQL",
        "PostgreSQL | PostgreSQL",
        "javascript | JavaScript",
        "JS         | JavaScript",
        "golang     | Go",
        "react      | React",
        "reactjs    | React",
        "C#         | C#",
        "kafka      | Apache Kafka",
    })
    void aSkillSearchFindsEveryInterviewThatMentionsItUnderAnyNameAndNoOther(String query, String skill) throws Exception {
        Map<String, Set<String>> truth = Map.of(
                "Kubernetes", Set.of(ANA, KENJI, SOFIA, CHLOE),
                "PostgreSQL", Set.of(ANA, KENJI, RAVI, SOFIA, CHLOE),
                "JavaScript", Set.of(LENA, MATEO),
                "Go", Set.of(SOFIA, YUSUF),
                "React", Set.of(LENA, GRACE, MATEO),
                "C#", Set.of(KENJI, GRACE),
                "Apache Kafka", Set.of(RAVI, SOFIA, CHLOE));
        assertEquals(new TreeSet<>(truth.get(skill)), ids(search(query)));
        SearchResponse filtered = searcher.search(SearchRequest.of("").withSize(50).withFilters(Map.of("skill", List.of(query))));
        assertEquals(new TreeSet<>(truth.get(skill)), ids(filtered), "skill=" + query);
    }

    @Test
    void highlightingMarksWhatWasSaidNotTheCanonicalName() throws Exception {
        SearchResponse r = search("kubernetes");
        Hit kenji = r.results().stream().filter(h -> h.interview().id().equals(KENJI)).findFirst().orElseThrow();
        assertTrue(kenji.matches().get(0).answerSnippet().contains("<mark>k8s</mark>"), kenji.matches().get(0).answerSnippet());
        SearchResponse back = search("k8s");
        Hit ana = back.results().stream().filter(h -> h.interview().id().equals(ANA)).findFirst().orElseThrow();
        assertTrue(ana.matches().stream().anyMatch(m -> m.answerSnippet().contains("<mark>Kubernetes</mark>")));
    }

    @Test
    void csharpAndCppAndDotNetAreTheirOwnTerms() throws Exception {
        assertEquals(Set.of(CHLOE), ids(search("C++")));
        assertEquals(Set.of(KENJI), ids(search(".NET")));
        assertEquals(Set.of(KENJI, GRACE), ids(search("\"C sharp\" OR C#")));
    }

    @Test
    void aQuotedSkillPhraseStillWorks() throws Exception {
        assertEquals(Set.of(ANA, CHLOE), ids(search("\"spring boot\"")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"Kubernetes\"        | kubernetes",
        "\"k8s\"               | kubernetes",
        "answer:\"k8s\"        | answer:kubernetes",
        "question:\"K8s\"      | question:kubernetes",
        "\"PostgreSQL\"        | postgres",
        "\"JS\"                | javascript",
        "\"JavaScript\"        | JS",
        "\"Golang\"            | golang",
        "(\"k8s\" OR \"Apache Kafka\") | kubernetes OR kafka",
        "\"Postgres\" NOT \"k8s\" | postgres NOT kubernetes",
        "answer:(\"k8s\" AND postgres) | answer:(kubernetes AND PostgreSQL)",
    })
    void quotingOrScopingASkillKeepsItsOtherNames(String quoted, String bare) throws Exception {
        Set<String> expected = ids(search(bare));
        assertTrue(!expected.isEmpty(), bare + " finds something");
        assertEquals(expected, ids(search(quoted)));
    }

    @Test
    void aPhraseAroundASkillMatchesItUnderItsOtherNamesAndMarksWhatWasSaid() throws Exception {
        SearchResponse r = search("answer:\"runs on k8s\"");
        assertEquals(Set.of(ANA, KENJI, SOFIA, CHLOE), ids(r));
        Hit sofia = r.results().stream().filter(h -> h.interview().id().equals(SOFIA)).findFirst().orElseThrow();
        assertTrue(sofia.matches().stream().anyMatch(m -> m.answerSnippet().contains("<mark>runs on Kubernetes</mark>")),
                sofia.matches().toString());
        SearchResponse setup = search("\"kubernetes setup\"");
        assertEquals(Set.of(SOFIA), ids(setup));
        assertTrue(setup.results().get(0).matches().get(0).answerSnippet().contains("<mark>k8s setup</mark>"));
        // The words around the skill still count: no interview says "kubernetes lunch".
        assertEquals(Set.of(), ids(search("\"k8s lunch\"")));
    }

    @Test
    void aNegatedSkillExcludesItsOtherNamesToo() throws Exception {
        Set<String> postgres = ids(search("postgres"));
        Set<String> withoutK8s = ids(search("postgres NOT \"Kubernetes\""));
        // Ravi says Postgres and never Kubernetes under any name; Kenji only says k8s.
        assertTrue(withoutK8s.contains(RAVI), withoutK8s.toString());
        assertTrue(postgres.containsAll(withoutK8s));
        for (Hit h : search("postgres NOT \"Kubernetes\"").results()) {
            h.matches().forEach(m -> assertTrue(!m.answerSnippet().toLowerCase().contains("k8s")
                    && !m.answerSnippet().toLowerCase().contains("kubernetes"), m.answerSnippet()));
        }
    }

    @Test
    void requiredAndExcludedWordsAreOfTheInterviewNotOfOneAnswer() throws Exception {
        // Sofia says "shadow" in one answer and "postmortem" in another.
        SearchResponse both = search("shadow postmortem");
        assertEquals(Set.of(SOFIA), ids(both));
        assertEquals(2, both.results().get(0).matches().size());
        assertTrue(both.results().get(0).matches().stream().anyMatch(m -> m.answerSnippet().contains("<mark>shadow</mark>")));
        // Sofia and Chloe name Kubernetes in other answers than Kafka; Ravi never does.
        assertEquals(Set.of(RAVI), ids(search("kafka -kubernetes")));
        assertEquals(Set.of(RAVI), ids(search("kafka NOT \"k8s\"")));
        assertEquals(Set.of(SOFIA, CHLOE), ids(search("kafka AND (k8s OR kubernetes)")));
    }

    @Test
    void theSkillFacetCountsInterviews() throws Exception {
        SearchResponse r = search("");
        Map<String, Long> skills = new java.util.HashMap<>();
        r.facets().get("skill").forEach(v -> skills.put(v.value(), v.count()));
        assertEquals(4L, skills.get("Kubernetes"));
        assertEquals(5L, skills.get("PostgreSQL"));
        assertEquals(3L, skills.get("Apache Kafka"));
        assertEquals(2L, skills.get("C#"));
        assertEquals(1, searcher.search(SearchRequest.of("").withFilters(Map.of("skill", List.of("C++")))).total().interviews());
        assertEquals(2L, skills.get("Go"));
        assertEquals(3L, skills.get("React"));
        assertTrue(!skills.containsKey("Rust"), "'covered in rust' is not Rust");
    }

    @Test
    void falseFriendsInTheSamplesAreNotSkills() throws Exception {
        SearchResponse go = searcher.search(SearchRequest.of("").withFilters(Map.of("skill", List.of("Go"))));
        assertTrue(!ids(go).contains(DANIEL) && !ids(go).contains(GRACE), ids(go).toString());
        SearchResponse spring = searcher.search(SearchRequest.of("").withFilters(Map.of("skill", List.of("Spring"))));
        assertTrue(!ids(spring).contains(LENA) && !ids(spring).contains(YUSUF), ids(spring).toString());
    }

    @Test
    void suggestionsCompleteSkillsFirst() throws Exception {
        List<Suggestion> s = searcher.suggest("kub", 8);
        assertEquals(new Suggestion("Kubernetes", "skill", 4), s.get(0));
        List<Suggestion> alias = searcher.suggest("k8", 8);
        assertEquals("Kubernetes", alias.get(0).value());
        assertEquals("skill", searcher.suggest("post", 8).get(0).type());
    }

    @Test
    void theInterviewPageHasASkillSummary() throws Exception {
        InterviewDetail d = searcher.interview(SOFIA);
        List<String> names = d.skills().stream().map(SkillCount::name).toList();
        assertTrue(names.containsAll(List.of("Go", "Apache Kafka", "PostgreSQL", "Kubernetes")), names.toString());
        SkillCount k = d.skills().stream().filter(c -> c.name().equals("Kubernetes")).findFirst().orElseThrow();
        assertEquals("devops", k.category());
        long pairsMentioning = d.pairs().stream().filter(p -> p.skills().contains("Kubernetes")).count();
        assertEquals(pairsMentioning, k.pairs());
        assertTrue(d.interview().skills().size() >= 4);
    }
}
