package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.support.Fixtures;

/**
 * The one-pass join must answer exactly as the reference path (a block join under drill sideways, and a
 * second search for the answer count): same interviews in the same order with the same scores, same
 * totals, same facet counts, over several segments with deleted documents, with and without filters.
 */
class OnePassJoinTest {

    @TempDir
    static Path tmp;
    static Searcher onePass;
    static Searcher parallel;
    static Searcher byOrdinals;
    static Searcher reference;

    @BeforeAll
    static void build() throws IOException {
        // Files rewritten and indexed again: their old blocks are deleted and the new ones land in a new segment.
        Path index = Fixtures.generatedWithDeletions(tmp, 7, 160, 7);
        onePass = Searcher.open(index, Fixtures.skills(), Fixtures.grouping());
        parallel = Searcher.open(index, Fixtures.skills(), Fixtures.grouping()).alwaysParallel()
                .countFacets(FacetOrdinals.Strategy.VALUE_BITS);
        byOrdinals = Searcher.open(index, Fixtures.skills(), Fixtures.grouping()).countFacets(FacetOrdinals.Strategy.ORDINALS);
        reference = Searcher.open(index, Fixtures.skills(), Fixtures.grouping()).withoutOnePass();
    }

    @AfterAll
    static void close() throws IOException {
        onePass.close();
        parallel.close();
        byOrdinals.close();
        reference.close();
    }

    static final List<String> QUERIES = List.of("latency", "kafka", "people", "\"production service\"", "\"data pipeline\"",
            "\"the team\"", "\"service production\" OR \"latency data\"", "question:\"system design\"", "\"data system team\"",
            "cache AND queue", "monolith OR refactor", "answer:postmortem", "question:scale", "kubernetes", "team -data",
            "rollout~", "migr*", "nosuchwordanywhere");

    @Test
    void plainQueriesAnswerAsTheReferencePath() throws Exception {
        for (String q : QUERIES) {
            same(SearchRequest.of(q));
            same(new SearchRequest(q, 2, 7, SearchRequest.SortOrder.RELEVANCE, SearchRequest.Scope.ALL, Map.of(), null, null, 3));
        }
    }

    @Test
    void phrasesOfTwoAndThreeWordsFindPairs() throws Exception {
        for (String q : List.of("\"production service\"", "\"latency the\"", "\"service the production\"", "\"the team\"")) {
            assertTrue(onePass.search(SearchRequest.of(q)).total().answers() > 0, q);
        }
    }

    @Test
    void filteredQueriesAnswerAsTheReferencePath() throws Exception {
        SearchResponse all = reference.search(SearchRequest.of("team"));
        List<Map<String, List<String>>> filters = new ArrayList<>();
        String role = all.facets().get("role").get(0).value();
        String skill = all.facets().get("skill").get(0).value();
        String skill2 = all.facets().get("skill").get(3).value();
        String year = all.facets().get("year").get(1).value();
        filters.add(Map.of("role", List.of(role)));
        filters.add(Map.of("skill", List.of(skill, skill2)));
        filters.add(Map.of("role", List.of(role), "year", List.of(year)));
        filters.add(Map.of("role", List.of(role), "year", List.of(year), "skill", List.of(skill2)));
        filters.add(Map.of("candidate", List.of("Nobody Such")));
        int checked = 0;
        for (String q : QUERIES) {
            for (Map<String, List<String>> f : filters) {
                same(SearchRequest.of(q).withFilters(f));
                checked++;
            }
            same(new SearchRequest(q, 1, 10, SearchRequest.SortOrder.RELEVANCE, SearchRequest.Scope.ANSWER, filters.get(0),
                    LocalDate.of(2020, 1, 1), LocalDate.of(2023, 6, 30), 2));
        }
        assertTrue(checked > 50);
    }

    @Test
    void filtersNarrowTheCountsOfOtherDimensionsButNotTheirOwn() throws Exception {
        SearchResponse all = onePass.search(SearchRequest.of("team"));
        String role = all.facets().get("role").get(0).value();
        SearchResponse byRole = onePass.search(SearchRequest.of("team").withFilters(Map.of("role", List.of(role))));
        assertEquals(all.facets().get("role"), byRole.facets().get("role"), "a facet's own filter leaves its counts alone");
        assertTrue(byRole.total().interviews() < all.total().interviews());
        long yearsTotal = byRole.facets().get("year").stream().mapToLong(FacetValue::count).sum();
        assertEquals(byRole.total().interviews(), yearsTotal, "other facets count only the interviews that pass the filter");
    }

    private static void same(SearchRequest req) throws Exception {
        same(onePass, req);
        same(parallel, req);
        same(byOrdinals, req);
    }

    private static void same(Searcher searcher, SearchRequest req) throws Exception {
        SearchResponse a = searcher.search(req);
        SearchResponse b = reference.search(req);
        String what = req.query() + " " + req.filters() + " page " + req.page();
        assertEquals(b.total(), a.total(), what);
        assertEquals(view(b), view(a), what);
        assertEquals(b.facets(), a.facets(), what);
        assertEquals(b.didYouMean(), a.didYouMean(), what);
    }

    private static Map<String, Object> view(SearchResponse r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Hit h : r.results()) {
            out.put(h.interview().id(), List.of(h.score(), h.matches()));
        }
        return out;
    }
}
