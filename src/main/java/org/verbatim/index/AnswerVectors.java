package org.verbatim.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.verbatim.enrich.AnswerPassages;
import org.verbatim.enrich.QuestionEmbedder;

/**
 * The vectors of answers for meaning search: one per passage ({@link AnswerPassages}), from the same
 * in-process model as question grouping, kept in a cache in the index folder ({@value #FOLDER}) under a
 * hash of the answer's text and the model's name. A full rebuild goes into a new generation but finds the
 * cache where it was, so unchanged answers are not embedded again. Thread-safe.
 */
public final class AnswerVectors implements Closeable {

    public static final String FOLDER = "answer-vectors";
    private static final String HASH = "hash";
    private static final String MODEL = "model";
    private static final String VECTORS = "vectors";

    private final QuestionEmbedder embedder;
    private final Directory dir;
    private final IndexWriter writer;
    private final IndexSearcher cached;
    private final DirectoryReader reader;
    /** What this run embedded lately, for answers said twice (the cache's reader does not see this run's additions). */
    private final Map<String, float[][]> recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[][]> eldest) {
            return size() > 10_000;
        }
    });
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    private AnswerVectors(QuestionEmbedder embedder, Directory dir, IndexWriter writer, DirectoryReader reader) {
        this.embedder = embedder;
        this.dir = dir;
        this.writer = writer;
        this.reader = reader;
        this.cached = new IndexSearcher(reader);
    }

    /** Opens (or creates) the cache of the archive at {@code indexDir}. */
    public static AnswerVectors open(Path indexDir, QuestionEmbedder embedder) throws IOException {
        if (embedder.dimensions() == 0) {
            throw new IOException("meaning search needs the sentence model, and it could not load (see the log above); "
                    + "index without --semantic, or fix the Java runtime's native libraries");
        }
        Directory dir = FSDirectory.open(indexDir.resolve(FOLDER));
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        writer.commit();
        return new AnswerVectors(embedder, dir, writer, DirectoryReader.open(dir));
    }

    /** The model the vectors come from, as recorded with the index. */
    public String model() {
        return embedder.model();
    }

    /** One unit vector per passage of {@code answer}, from the cache when this text was embedded before. */
    public float[][] of(String answer) throws IOException {
        List<String> passages = AnswerPassages.of(answer);
        if (passages.isEmpty()) {
            return new float[0][];
        }
        String key = hash(answer);
        float[][] hit = recent.get(key);
        if (hit == null) {
            hit = lookup(key);
        }
        if (hit != null) {
            reused.incrementAndGet();
            return hit;
        }
        float[][] vectors = new float[passages.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embedder.embed(passages.get(i));
        }
        embedded.incrementAndGet();
        if (recent.putIfAbsent(key, vectors) == null) {
            Document d = new Document();
            d.add(new StringField(HASH, key, org.apache.lucene.document.Field.Store.NO));
            d.add(new StringField(MODEL, embedder.model(), org.apache.lucene.document.Field.Store.NO));
            d.add(new StoredField(VECTORS, encode(vectors)));
            writer.addDocument(d);
        }
        return vectors;
    }

    /** Answers embedded in this run, and answers whose vectors came from the cache. */
    public long embedded() {
        return embedded.get();
    }

    public long reused() {
        return reused.get();
    }

    private float[][] lookup(String key) throws IOException {
        TopDocs top = cached.search(new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new TermQuery(new Term(HASH, key)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(MODEL, embedder.model())), org.apache.lucene.search.BooleanClause.Occur.FILTER).build(), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        BytesRef bytes = cached.storedFields().document(top.scoreDocs[0].doc).getBinaryValue(VECTORS);
        return bytes == null ? null : decode(bytes);
    }

    /**
     * Removes the vectors of these answers, whatever model made them, and merges the cache so that they
     * are gone from its files too: what a deleted interview said leaves nothing behind.
     */
    public static void forget(Path indexDir, java.util.Collection<String> answers) throws IOException {
        Path folder = indexDir.resolve(FOLDER);
        if (answers.isEmpty() || !java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try (Directory dir = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
            Term[] terms = answers.stream().map(a -> new Term(HASH, hash(a))).toArray(Term[]::new);
            writer.deleteDocuments(terms);
            writer.forceMergeDeletes(true);
            writer.commit();
        }
    }

    private static String hash(String answer) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Integer.toString(AnswerPassages.WORDS).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(answer.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(float[][] vectors) {
        int dims = vectors[0].length;
        ByteBuffer b = ByteBuffer.allocate(8 + vectors.length * dims * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(vectors.length).putInt(dims);
        for (float[] v : vectors) {
            for (float x : v) {
                b.putFloat(x);
            }
        }
        return b.array();
    }

    private static float[][] decode(BytesRef bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        int dims = b.getInt();
        float[][] out = new float[n][dims];
        for (float[] v : out) {
            for (int i = 0; i < dims; i++) {
                v[i] = b.getFloat();
            }
        }
        return out;
    }

    /** Keeps what this run embedded. */
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        try (dir; writer; reader) {
            writer.commit();
        }
    }
}
