package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexLayout;
import org.verbatim.index.Schema;
import org.verbatim.support.Fixtures;

/**
 * The page highlighter marks exactly what Lucene's unified highlighter marks, with the same settings,
 * over several segments with deleted documents: snippets of questions and answers, and whole answers.
 */
class PageHighlighterTest {

    @TempDir
    static Path tmp;
    static Searcher parsing;
    static DirectoryReader reader;
    static IndexSearcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Path index = Fixtures.generatedWithDeletions(tmp, 11, 90, 5);
        parsing = Searcher.open(index, Fixtures.skills(), Fixtures.grouping());
        reader = DirectoryReader.open(FSDirectory.open(new IndexLayout(index).current()));
        searcher = new IndexSearcher(reader);
        assertTrue(reader.leaves().size() > 1, "the index should have several segments");
        assertTrue(reader.hasDeletions(), "the index should have deleted documents");
    }

    @AfterAll
    static void close() throws IOException {
        parsing.close();
        reader.close();
    }

    static final List<String> QUERIES = List.of("latency", "kafka", "k8s", "postmortem", "\"production service\"",
            "\"data system team\"", "cache AND queue", "monolith OR refactor", "question:\"system design\"", "answer:documentation",
            "team -data", "rollout~", "migr*", "\"service production\" OR \"latency data\"", "question:scale AND answer:team",
            "+question:design answer:latency", "question:design -answer:latency", "(kafka OR k8s) AND team");

    @Test
    void snippetsAreLucenesOwn() throws Exception {
        String[] fields = {Schema.QUESTION, Schema.ANSWER};
        int[] passages = {1, 2};
        for (String q : QUERIES) {
            Query query = parsing.parse(q, SearchRequest.Scope.ALL);
            int[] docs = matching(query, 40);
            assertTrue(docs.length > 0, q);
            UnifiedHighlighter lucene = UnifiedHighlighter.builder(searcher, Schema.analyzer())
                    .withScorer(new LeanPassageScorer())
                    .withFormatter(Snippets.formatter())
                    .withMaxNoHighlightPassages(0)
                    .withMaxLength(100_000)
                    .build();
            PageHighlighter page = PageMatches.highlighter(searcher, Schema.analyzer(), PageHighlighter.fieldInfos(searcher));
            var expected = lucene.highlightFields(fields, query, docs, passages);
            var actual = page.highlightFields(fields, query, docs, passages);
            for (String f : fields) {
                assertArrayEquals(expected.get(f), actual.get(f), q + " in " + f);
            }
            assertTrue(Arrays.stream(fields).flatMap(f -> Arrays.stream(actual.get(f))).anyMatch(s -> s != null && s.indexOf(Snippets.OPEN) >= 0),
                    q + ": something should be marked");
            for (int doc : docs) {
                assertEquals(fieldsOf(searcher.storedFields().document(doc)), fieldsOf(page.document(doc)), "stored fields of " + doc);
            }
        }
    }

    @Test
    void wholeAnswersAreLucenesOwn() throws Exception {
        for (String q : QUERIES) {
            Query query = parsing.parse(q, SearchRequest.Scope.ANSWER);
            int[] docs = matching(query, 50);
            UnifiedHighlighter.Builder settings = UnifiedHighlighter.builder(searcher, Schema.analyzer())
                    .withFormatter(Snippets.formatter())
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(Integer.MAX_VALUE - 1)
                    .withMaxNoHighlightPassages(0);
            // Also answers that do not match the query, as a comparison shows them.
            int[] others = matching(parsing.parse("team", SearchRequest.Scope.ANSWER), 30);
            for (int[] set : List.of(docs, others)) {
                String[] expected = settings.build().highlightFields(new String[] {Schema.ANSWER}, query, set, new int[] {1}).get(Schema.ANSWER);
                String[] actual = new PageHighlighter(settings, PageHighlighter.fieldInfos(searcher), false)
                        .highlightFields(new String[] {Schema.ANSWER}, query, set, new int[] {1}).get(Schema.ANSWER);
                assertArrayEquals(expected, actual, q);
            }
        }
    }

    /** Matching pair documents, in the order of their scores (not of their ids), as a page hands them over. */
    private static int[] matching(Query query, int n) throws IOException {
        return Arrays.stream(searcher.search(query, n).scoreDocs).mapToInt(sd -> sd.doc).toArray();
    }

    private static List<String> fieldsOf(Document d) {
        return d.getFields().stream().map(f -> f.name() + "=" + valueOf(f)).toList();
    }

    private static String valueOf(IndexableField f) {
        return f.stringValue() != null ? f.stringValue() : String.valueOf(f.numericValue());
    }
}
