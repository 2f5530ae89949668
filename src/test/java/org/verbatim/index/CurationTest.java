package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionCorrections;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.CompareResult;
import org.verbatim.search.InterviewDetail;
import org.verbatim.search.QuestionGroupView;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Searcher;
import org.verbatim.support.Fixtures;

/**
 * Correcting question groups over the samples: a merge, a wording taken out of its group and a rename
 * change the live index at once, are kept in the index folder, come back the same after a full rebuild,
 * and a deleted candidate's questions leave the corrections.
 */
class CurationTest {

    @TempDir
    Path tmp;

    private Curation curation(Path dir) {
        return new Curation(dir, Fixtures.grouping());
    }

    private static Searcher open(Path dir) throws IOException {
        return Searcher.open(dir, Fixtures.skills(), Fixtures.grouping());
    }

    private static Set<String> answerers(Searcher s, String group) throws Exception {
        CompareResult r = s.compareAll(group, SearchRequest.of(""));
        Set<String> out = new TreeSet<>();
        if (r != null) {
            r.answers().forEach(a -> out.add(a.interview().id() + "#" + a.pair()));
        }
        return out;
    }

    private static void rebuild(Path dir) throws IOException {
        new Indexer(dir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2)
                .rebuild(List.of(Path.of("samples")), Manifest.empty(), Indexer.Progress.NONE, false);
    }

    /** Every pair's group, by interview and pair: what a correction changes and a rebuild must give again. */
    private static Map<String, String> groupsOfPairs(Searcher s) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (var hit : s.search(SearchRequest.of("").withSize(50)).results()) {
            InterviewDetail d = s.interview(hit.interview().id());
            for (InterviewDetail.PairView p : d.pairs()) {
                out.put(d.interview().id() + "#" + p.pair(), String.valueOf(p.questionGroup()));
            }
        }
        return out;
    }

    @Test
    void aMergeMovesEveryQuestionOfTheGroupAndSurvivesAFullRebuild() throws Exception {
        Path dir = tmp.resolve("index");
        Fixtures.index(dir, Path.of("samples"));
        Set<String> learning;
        Set<String> leaving;
        try (Searcher s = open(dir)) {
            learning = answerers(s, "t-learning-new-technologies");
            leaving = answerers(s, "t-why-leaving");
        }
        assertFalse(learning.isEmpty());
        Curation.Result r = curation(dir).merge("t-learning-new-technologies", "t-why-leaving");
        assertEquals(List.of("t-why-leaving"), r.groups());
        assertEquals(learning.size(), r.pairs());
        Map<String, String> afterMerge;
        try (Searcher s = open(dir)) {
            assertNull(s.compare("t-learning-new-technologies", SearchRequest.of("")), "the merged group is gone");
            assertTrue(s.questions(SearchRequest.of(""), 100).stream().noneMatch(g -> g.id().equals("t-learning-new-technologies")));
            afterMerge = groupsOfPairs(s);
            for (String pair : learning) {
                assertEquals("t-why-leaving", afterMerge.get(pair), pair);
            }
            for (String pair : leaving) {
                assertEquals("t-why-leaving", afterMerge.get(pair), pair);
            }
            // The rewritten interviews are whole: their questions still rank by meaning.
            assertFalse(s.compareText("How do you pick up a new framework?", SearchRequest.of("")).answers().isEmpty());
        }
        assertTrue(Files.isRegularFile(dir.resolve(QuestionCorrections.FILE)));
        rebuild(dir);
        try (Searcher s = open(dir)) {
            assertEquals(afterMerge, groupsOfPairs(s), "a full rebuild gives the corrected groups again");
        }
    }

    @Test
    void aWordingTakenOutFormsAGroupOfItsOwnUntilItsInterviewIsDeleted() throws Exception {
        Path dir = tmp.resolve("index");
        Fixtures.index(dir, Path.of("samples"));
        String interview;
        int pair;
        try (Searcher s = open(dir)) {
            CompareResult r = s.compareAll("t-why-leaving", SearchRequest.of(""));
            interview = r.answers().get(0).interview().id();
            pair = r.answers().get(0).pair();
        }
        Curation.Result r = curation(dir).split(interview, pair);
        String own = r.groups().get(0);
        assertTrue(own.startsWith("s-"), own);
        try (Searcher s = open(dir)) {
            assertEquals(Set.of(interview + "#" + pair), answerers(s, own));
            assertFalse(answerers(s, "t-why-leaving").contains(interview + "#" + pair));
            QuestionGroupView g = s.questions(SearchRequest.of(""), 100).stream().filter(x -> x.id().equals(own)).findFirst().orElseThrow();
            assertEquals(1, g.interviews());
        }
        assertThrows(Curation.RefusedException.class, () -> curation(dir).split(interview, pair), "already on its own");
        rebuild(dir);
        try (Searcher s = open(dir)) {
            assertEquals(Set.of(interview + "#" + pair), answerers(s, own), "the split survives a rebuild");
        }
        new Deleter(dir, Fixtures.grouping()).deleteInterview(interview, false, "test");
        assertTrue(QuestionCorrections.read(dir).splits().isEmpty(), "a deleted interview's wording leaves the corrections");
    }

    @Test
    void aRenamedLabelIsShownAndKeptAcrossRebuilds() throws Exception {
        Path dir = tmp.resolve("index");
        Fixtures.index(dir, Path.of("samples"));
        curation(dir).rename("t-why-leaving", "  Why move on now?  ");
        try (Searcher s = open(dir)) {
            assertEquals("Why move on now?", s.compare("t-why-leaving", SearchRequest.of("")).question().label());
        }
        rebuild(dir);
        Fixtures.index(dir, Path.of("samples"));
        try (Searcher s = open(dir)) {
            assertEquals("Why move on now?", s.compare("t-why-leaving", SearchRequest.of("")).question().label());
        }
    }

    @Test
    void badCorrectionsAreRefusedAndChangeNothing() throws Exception {
        Path dir = tmp.resolve("index");
        Fixtures.index(dir, Path.of("samples"));
        Curation c = curation(dir);
        assertTrue(assertThrows(Curation.RefusedException.class, () -> c.merge("t-why-leaving", "t-why-leaving")).getMessage().contains("itself"));
        assertTrue(assertThrows(Curation.RefusedException.class, () -> c.merge("q-nothing", "t-why-leaving")).getMessage().contains("q-nothing"));
        assertThrows(Curation.RefusedException.class, () -> c.rename("t-why-leaving", "   "));
        assertThrows(Curation.RefusedException.class, () -> c.split("no-such-interview", 1));
        c.merge("t-learning-new-technologies", "t-why-leaving");
        assertTrue(assertThrows(Curation.RefusedException.class, () -> c.merge("t-why-leaving", "t-learning-new-technologies"))
                .getMessage().contains("t-learning-new-technologies"), "a merged-away group cannot take another");
        assertEquals(1, QuestionCorrections.read(dir).merges().size());
        try (Searcher s = open(dir)) {
            assertNotNull(s.compare("t-why-leaving", SearchRequest.of("")));
        }
    }
}
