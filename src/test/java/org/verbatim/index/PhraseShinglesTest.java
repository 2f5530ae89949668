package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.SearchResponse;
import org.verbatim.search.Searcher;
import org.verbatim.support.Fixtures;

/** The shingle fields hold exactly the adjacent token pairs of the text as it was indexed. */
class PhraseShinglesTest {

    @TempDir
    Path tmp;

    @Test
    void everyPairHoldsExactlyTheAdjacentPairsOfItsIndexedTokens() throws IOException {
        Path index = tmp.resolve("index");
        Fixtures.index(index, Path.of("samples"));
        IndexLayout layout = new IndexLayout(index);
        int checked = 0;
        try (Directory dir = FSDirectory.open(layout.current()); DirectoryReader reader = DirectoryReader.open(dir);
             Analyzer analyzer = Schema.analyzer()) {
            assertTrue(CommitData.hasPhraseShingles(reader.getIndexCommit().getUserData()), "a new index is marked");
            for (LeafReaderContext ctx : reader.leaves()) {
                LeafReader leaf = ctx.reader();
                StoredFields stored = leaf.storedFields();
                for (String field : List.of(Schema.QUESTION, Schema.ANSWER)) {
                    Map<Integer, Set<String>> indexed = termsByDoc(leaf, Schema.phrasesField(field));
                    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                        Document d = stored.document(doc);
                        String text = d.get(field);
                        if (text == null) {
                            continue;
                        }
                        assertEquals(expected(analyzer, field, text), indexed.getOrDefault(doc, Set.of()), field + " of doc " + doc);
                        checked++;
                    }
                }
                NumericDocValues norms = leaf.getNormValues(Schema.ANSWER);
                assertEquals(leaf.maxDoc(), norms.cost(), "every document has an answer norm, so norms are dense");
            }
        }
        assertTrue(checked > 200, "pairs checked: " + checked);
    }

    @Test
    void anIndexWrittenBeforeShinglesIsNotMarkedUntilRebuiltAndItsPhrasesStillMatch() throws Exception {
        Path index = tmp.resolve("index");
        Fixtures.index(index, Path.of("samples"));
        SearchResponse before;
        try (Searcher s = Searcher.open(index)) {
            before = s.search(SearchRequest.of("\"production incident\""));
        }
        assertTrue(before.total().interviews() > 0);
        // As an index of an earlier version: its commits carry no mark.
        IndexLayout layout = new IndexLayout(index);
        try (Directory dir = FSDirectory.open(layout.current());
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer()))) {
            w.setLiveCommitData(Map.of(CommitData.UPDATED, "earlier").entrySet());
            w.commit();
        }
        Fixtures.index(index, Path.of("samples"));
        try (Directory dir = FSDirectory.open(layout.current()); DirectoryReader reader = DirectoryReader.open(dir)) {
            assertFalse(CommitData.hasPhraseShingles(reader.getIndexCommit().getUserData()), "indexing more does not mark it");
        }
        try (Searcher s = Searcher.open(index)) {
            SearchResponse after = s.search(SearchRequest.of("\"production incident\""));
            assertEquals(before.total(), after.total());
        }
    }

    private static Set<String> expected(Analyzer analyzer, String field, String text) throws IOException {
        Set<String> out = new TreeSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            String previous = null;
            while (ts.incrementToken()) {
                String t = term.toString();
                if (previous != null && inc.getPositionIncrement() == 1) {
                    out.add(PhraseShingles.shingle(previous, t));
                }
                previous = t;
            }
            ts.end();
        }
        return out;
    }

    private static Map<Integer, Set<String>> termsByDoc(LeafReader leaf, String field) throws IOException {
        Map<Integer, Set<String>> out = new HashMap<>();
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return out;
        }
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            String s = t.utf8ToString();
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                out.computeIfAbsent(doc, k -> new TreeSet<>()).add(s);
            }
        }
        return out;
    }
}
