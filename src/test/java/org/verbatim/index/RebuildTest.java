package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.CompareResult;
import org.verbatim.search.LiveIndex;
import org.verbatim.search.QuestionGroupView;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.SearchResponse;
import org.verbatim.search.Searcher;
import org.verbatim.support.Fixtures;

class RebuildTest {

    @TempDir
    Path tmp;

    private Indexer indexer(Path dir) {
        return new Indexer(dir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(Fixtures.skills())),
                Fixtures.grouping(), 2);
    }

    @Test
    void searchesNeverFailDuringAFullRebuildAndAlwaysSeeACompleteGeneration() throws Exception {
        Path idx = tmp.resolve("index");
        indexer(idx).index(List.of(Path.of("samples")), Manifest.empty(), Indexer.Progress.NONE);
        Path seed = Fixtures.corpus().resolve("seed");
        try (LiveIndex live = new LiveIndex(idx, Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(50))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            Set<Long> totals = ConcurrentHashMap.newKeySet();
            Runnable loop = () -> {
                while (!stop.get()) {
                    try {
                        SearchResponse r = live.searcher().search(SearchRequest.of(""));
                        totals.add(r.total().interviews());
                        live.searcher().search(SearchRequest.of("kafka OR learning"));
                        searches.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            };
            Thread a = new Thread(loop);
            Thread b = new Thread(loop);
            a.start();
            b.start();
            for (int round = 0; round < 3; round++) {
                List<Path> sources = round % 2 == 0 ? List.of(Path.of("samples"), seed) : List.of(Path.of("samples"));
                indexer(idx).rebuild(sources, Manifest.empty(), Indexer.Progress.NONE, false);
                Thread.sleep(300);
            }
            stop.set(true);
            a.join();
            b.join();
            assertEquals(0, failures.get(), "failed searches");
            assertTrue(searches.get() > 20, "searches run: " + searches.get());
            // Every answer came from a complete generation: the samples (10) or the samples and the seed (11).
            assertTrue(Set.of(10L, 11L).containsAll(totals), totals.toString());
            assertTrue(totals.contains(11L) && totals.contains(10L), totals.toString());
        }
        IndexLayout layout = new IndexLayout(idx);
        assertEquals(1, layout.generations().size(), "old generations are removed after the switch");
        assertEquals("gen-000004", layout.currentName());
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndWritesNothing() throws Exception {
        Path idx = tmp.resolve("index");
        Path docs = Fixtures.copy("fixtures/archive", tmp.resolve("docs"));
        indexer(idx).index(List.of(docs), Manifest.empty(), Indexer.Progress.NONE);
        Files.delete(docs.resolve("2022-09-09-frontend-cy.txt"));
        Path bea = docs.resolve("2023-03-15-backend-bea.txt");
        Files.writeString(bea, Files.readString(bea).replace("sensors", "tractors"));
        IndexSummary s = indexer(idx).rebuild(List.of(docs), Manifest.empty(), Indexer.Progress.NONE, true);
        assertTrue(s.dryRun());
        assertEquals(1, s.interviews(), "bea changed");
        assertEquals(1, s.unchanged(), "alex unchanged");
        assertEquals(1, s.removed(), "cy is gone");
        assertEquals(1, s.failed().size());
        assertEquals("gen-000001", new IndexLayout(idx).currentName());
        assertEquals(1, new IndexLayout(idx).generations().size());
    }

    @Test
    void incrementalRunsSkipUnchangedReplaceChangedAndPruneRemovedFiles() throws Exception {
        Path idx = tmp.resolve("index");
        Path docs = Fixtures.copy("fixtures/archive", tmp.resolve("docs"));
        IndexSummary first = indexer(idx).index(List.of(docs), Manifest.empty(), Indexer.Progress.NONE, true);
        assertEquals(3, first.interviews());
        Path bea = docs.resolve("2023-03-15-backend-bea.txt");
        Files.writeString(bea, Files.readString(bea).replace("sensors", "tractors"));
        Files.delete(docs.resolve("2022-09-09-frontend-cy.txt"));
        IndexSummary second = indexer(idx).index(List.of(docs), Manifest.empty(), Indexer.Progress.NONE, true);
        assertEquals(1, second.interviews());
        assertEquals(1, second.unchanged());
        assertEquals(1, second.removed());
        try (Searcher s = Searcher.open(idx)) {
            assertEquals(2, s.search(SearchRequest.of("")).total().interviews());
            assertEquals(1, s.search(SearchRequest.of("tractors")).total().interviews());
            assertEquals(0, s.search(SearchRequest.of("sensors")).total().interviews());
            assertEquals(0, s.search(SearchRequest.of("candidate:park")).total().interviews());
        }
        IndexSummary noPrune = indexer(idx).index(List.of(docs), Manifest.empty(), Indexer.Progress.NONE, false);
        assertEquals(0, noPrune.removed());
    }

    @Test
    void aSecondWriterIsToldWhichProcessHoldsTheLock() throws Exception {
        Path idx = tmp.resolve("index");
        try (WriterLock held = WriterLock.acquire(idx)) {
            IndexLockedException e = assertThrows(IndexLockedException.class,
                    () -> indexer(idx).index(List.of(Fixtures.folder("fixtures/archive")), Manifest.empty(), Indexer.Progress.NONE));
            assertTrue(e.getMessage().contains("is locked by process " + ProcessHandle.current().pid()), e.getMessage());
            assertThrows(IndexLockedException.class,
                    () -> indexer(idx).rebuild(List.of(Fixtures.folder("fixtures/archive")), Manifest.empty(), Indexer.Progress.NONE, false));
        }
        indexer(idx).index(List.of(Fixtures.folder("fixtures/archive")), Manifest.empty(), Indexer.Progress.NONE);
    }

    @Test
    void deletingACandidateLeavesNoTraceInSearchFacetsSuggestionsOrCompare() throws Exception {
        Path idx = tmp.resolve("index");
        indexer(idx).index(List.of(Path.of("samples")), Manifest.empty(), Indexer.Progress.NONE);
        String groupId;
        try (Searcher s = Searcher.open(idx, Fixtures.skills(), Fixtures.grouping())) {
            groupId = s.closestGroup("What's the most difficult thing you've built?").id();
            assertTrue(s.compare(groupId, SearchRequest.of("")).answers().stream().anyMatch(a -> "Ravi Menon".equals(a.speaker())));
            assertTrue(s.suggest("frESHcart".toLowerCase(), 8).stream().anyMatch(x -> x.value().equals("freshcart")));
        }
        Deleter.Result dry = new Deleter(idx, Fixtures.grouping()).deleteCandidate("ravi menon", true, "test");
        assertEquals(List.of("2024-04-09-data-ravi-menon"), dry.interviews());
        Deleter.Result r = new Deleter(idx, Fixtures.grouping()).deleteCandidate("Ravi Menon", false, "test");
        assertEquals(List.of("2024-04-09-data-ravi-menon"), r.interviews());
        assertTrue(r.pairs() > 5);
        try (Searcher s = Searcher.open(idx, Fixtures.skills(), Fixtures.grouping())) {
            assertEquals(0, s.search(SearchRequest.of("Freshcart")).total().interviews());
            assertEquals(0, s.search(SearchRequest.of("candidate:ravi")).total().interviews());
            SearchResponse all = s.search(SearchRequest.of(""));
            assertEquals(9, all.total().interviews());
            assertFalse(all.facets().get("candidate").stream().anyMatch(v -> v.value().equals("Ravi Menon")));
            assertTrue(s.suggest("ravi", 8).isEmpty(), s.suggest("ravi", 8).toString());
            assertTrue(s.suggest("freshc", 8).isEmpty(), s.suggest("freshc", 8).toString());
            CompareResult c = s.compare(groupId, SearchRequest.of(""));
            assertFalse(c.answers().stream().anyMatch(a -> "Ravi Menon".equals(a.speaker())));
            assertTrue(s.questions(SearchRequest.of(""), 500).stream().map(QuestionGroupView::label)
                    .noneMatch(l -> l.contains("Freshcart")), "no group label quotes the deleted interview");
            assertTrue(s.interview("2024-04-09-data-ravi-menon") == null);
        }
        String log = Files.readString(idx.resolve(Deleter.LOG_FILE));
        assertTrue(log.contains("\"actor\":\"test\"") && log.contains("2024-04-09-data-ravi-menon") && log.contains("\"by\":\"candidate\""), log);
        assertFalse(log.contains("Ravi") || log.contains("Freshcart"), "the log holds no deleted content: " + log);
    }
}
