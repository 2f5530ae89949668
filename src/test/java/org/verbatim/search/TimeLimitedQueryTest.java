package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching stops once the deadline has passed, with partial results and no error, for each way Lucene scores. */
class TimeLimitedQueryTest {

    private static final int INTERVIEWS = 2_000;
    private static final int PAIRS_EACH = 10;

    private static Directory dir;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < INTERVIEWS; i++) {
                List<Document> block = new ArrayList<>();
                for (int p = 0; p < PAIRS_EACH; p++) {
                    Document pair = new Document();
                    pair.add(new TextField("answer", "we shipped the kafka service " + (p % 2 == 0 ? "on time" : "late"), Field.Store.NO));
                    block.add(pair);
                }
                Document interview = new Document();
                interview.add(new StringField("type", "interview", Field.Store.NO));
                block.add(interview);
                w.addDocuments(block);
            }
            w.forceMerge(1);
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    /** A clock that moves one millisecond each time it is read. */
    private static LongSupplier ticking() {
        AtomicLong t = new AtomicLong();
        return () -> t.getAndAdd(Duration.ofMillis(1).toNanos());
    }

    /** Matches counted by scoring every one (a count alone can be answered from the term statistics). */
    private static long matched(Query q) throws IOException {
        return searcher.search(q, new TopScoreDocCollectorManager(1, null, Integer.MAX_VALUE)).totalHits.value;
    }

    private static List<Query> queries() {
        return List.of(
                new TermQuery(new Term("answer", "kafka")),
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("answer", "kafka")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("answer", "late")), BooleanClause.Occur.SHOULD).build(),
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("answer", "kafka")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term("answer", "time")), BooleanClause.Occur.MUST).build(),
                new PhraseQuery("answer", "kafka", "service"));
    }

    @Test
    void withTimeToSpareEverythingMatchesAndNothingIsFlagged() throws IOException {
        for (Query q : queries()) {
            Deadline deadline = Deadline.after(Duration.ofMinutes(5), System::nanoTime);
            assertEquals(matched(q), matched(new TimeLimitedQuery(q, deadline)), q.toString());
            assertFalse(deadline.wasCutShort(), q.toString());
        }
    }

    @Test
    void pastTheDeadlineMatchingStopsPartWayAndIsFlagged() throws IOException {
        for (Query q : queries()) {
            long all = matched(q);
            Deadline deadline = Deadline.after(Duration.ofMillis(3), ticking());
            long found = matched(new TimeLimitedQuery(q, deadline));
            assertTrue(found > 0 && found < all, q + ": " + found + " of " + all);
            assertTrue(deadline.wasCutShort(), q.toString());
        }
    }

    @Test
    void aJoinToInterviewsOverACutShortQueryReturnsThePartialInterviews() throws IOException {
        QueryBitSetProducer parents = new QueryBitSetProducer(new TermQuery(new Term("type", "interview")));
        for (Query q : queries()) {
            Deadline deadline = Deadline.after(Duration.ofMillis(3), ticking());
            Query join = new ToParentBlockJoinQuery(new TimeLimitedQuery(q, deadline), parents, ScoreMode.Max);
            TopDocs top = searcher.search(join, 10);
            long found = top.totalHits.value;
            assertTrue(found > 0 && found < INTERVIEWS, q + ": " + found);
            assertEquals(10, top.scoreDocs.length);
            assertTrue(deadline.wasCutShort());
        }
    }

    @Test
    void aDeadlineAlreadyPassedFindsNothingAndSaysSo() throws IOException {
        for (Query q : queries()) {
            Deadline deadline = Deadline.after(Duration.ZERO, System::nanoTime);
            assertEquals(0, matched(new TimeLimitedQuery(q, deadline)), q.toString());
            assertTrue(deadline.wasCutShort());
        }
    }
}
