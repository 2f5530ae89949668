package org.verbatim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexing floor of the engine Verbatim is built on: the pairs the peers load, already extracted,
 * indexed by Lucene with nothing of Verbatim's around it. One document per pair with its id stored and
 * question and answer as plain text fields (Lucene's English analyzer: Porter stemming and stop words,
 * positions for phrases), as SQLite FTS5 and PostgreSQL index them; no offsets, no shingles, no second
 * analysis for suggestions, no facets, no stored text. The writer gets one thread per core, feeding it
 * from memory. It shows how fast Lucene itself indexes on the machine, so the report can tell what is
 * the engine's and what is Verbatim's.
 */
final class LuceneAlone {

    static final String NAME = "Lucene alone (reference)";

    private LuceneAlone() {
    }

    /** Indexes the pairs into {@code dir} on {@code threads} threads; returns the index size in bytes. */
    static long load(List<BenchPair> pairs, Path dir, int threads) throws Exception {
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
        config.setRAMBufferSizeMB(64);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < pairs.size(); i += threads) {
                        BenchPair p = pairs.get(i);
                        Document doc = new Document();
                        doc.add(new StoredField("id", p.id()));
                        doc.add(new TextField("question", p.question(), Field.Store.NO));
                        doc.add(new TextField("answer", p.answer(), Field.Store.NO));
                        writer.addDocument(doc);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            writer.commit();
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
