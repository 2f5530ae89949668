package org.verbatim.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionEmbedder;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionCorrections;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.Metadata;
import org.verbatim.ingest.SourceFile;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.NoDialogueException;

/**
 * Reads transcript files and writes them to the index, in parallel on all cores. Idempotent (an
 * interview replaces its earlier version, keyed by its id and its source file) and incremental (a file
 * whose inputs hash the same as when it was indexed is skipped). A file that cannot be read is
 * reported in the summary and the rest are indexed. One indexer per index at a time: a second one gets
 * {@link IndexLockedException}.
 */
public final class Indexer {

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    /** Called as files finish; {@code done} of {@code total}. Must be thread-safe. */
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    private final Path indexDir;
    private final TranscriptLoader loader;
    private final Enricher enricher;
    private final QuestionGrouping grouping;
    private final int threads;
    private Boolean semantic;
    private QuestionEmbedder answerEmbedder = null;

    /** @param grouping question grouping, or {@code null} to index without question groups */
    public Indexer(Path indexDir, TranscriptLoader loader, Enricher enricher, QuestionGrouping grouping, int threads) {
        this.indexDir = indexDir;
        this.loader = loader;
        this.enricher = enricher;
        this.grouping = grouping;
        this.threads = Math.max(1, threads);
    }

    /**
     * Meaning search: {@code true} embeds every answer ({@link AnswerVectors}), {@code false} stops,
     * {@code null} (the default) keeps what the archive has. Turning it on or off needs a full rebuild, so
     * that every pair is alike; an incremental run that would mix them is refused.
     */
    public Indexer semantic(Boolean on) {
        this.semantic = on;
        return this;
    }

    /** The model answers are embedded with (the shared sentence model unless a test gives another). */
    public Indexer answerEmbedder(QuestionEmbedder embedder) {
        this.answerEmbedder = embedder;
        return this;
    }

    private AnswerVectors openAnswerVectors(boolean on) throws IOException {
        return on ? AnswerVectors.open(indexDir, answerEmbedder != null ? answerEmbedder : QuestionEmbedder.shared()) : null;
    }

    private static String liveAnswerModel(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return CommitData.answerVectors(data);
    }

    /** Incremental indexing into the live generation; see {@link #index(List, Manifest, Progress, boolean)}. */
    public IndexSummary index(List<Path> paths, Manifest manifest, Progress progress) throws IOException {
        return index(paths, manifest, progress, false);
    }

    /**
     * Indexes into the live generation: new and changed files are (re)written, unchanged ones skipped;
     * with {@code prune}, interviews whose file was under a given folder and is gone are removed.
     * Commits every {@link #COMMIT_EVERY_NANOS} and at the end, so an interrupted run keeps what it wrote up to its last commit and a rerun does the rest.
     */
    public IndexSummary index(List<Path> paths, Manifest manifest, Progress progress, boolean prune) throws IOException {
        long t0 = System.nanoTime();
        IndexLayout layout = new IndexLayout(indexDir);
        try (WriterLock lock = WriterLock.acquire(layout.root())) {
            List<Path> files = collect(paths, manifest);
            Path generation = layout.current();
            boolean fresh = layout.currentName() == null;
            Files.createDirectories(generation);
            IndexSummary summary;
            try (Directory dir = FSDirectory.open(generation);
                 IndexWriter writer = openWriter(dir)) {
                Existing existing = readExisting(writer);
                String model = liveAnswerModel(writer);
                boolean empty = writer.getDocStats().numDocs == 0;
                boolean on = semantic != null ? semantic : model != null;
                if (!empty && on != (model != null)) {
                    throw new IllegalArgumentException(on
                            ? "this archive was indexed without meaning search; turn it on for every interview with a full rebuild: verbatim reindex --semantic PATH..."
                            : "this archive has meaning search; turn it off for every interview with a full rebuild: verbatim reindex --no-semantic PATH...");
                }
                int removed = prune ? prune(writer, paths, existing) : 0;
                try (AnswerVectors answers = openAnswerVectors(on)) {
                    CommitData.answerVectors(writer, answers == null ? null : answers.model());
                    summary = run(writer, files, manifest, progress, existing, t0, removed, generation, answers);
                }
            } catch (IOException | RuntimeException e) {
                if (!WriteFailure.isWriteFailure(e)) {
                    throw e;
                }
                WriteFailure.removeUnreferencedFiles(generation);
                throw WriteFailure.describe(e, "indexing into " + generation,
                        "the index keeps its last commit (what earlier batches wrote stays searchable); run the same command again once there is space");
            }
            if (fresh) {
                layout.switchTo(generation);
            }
            return summary;
        }
    }

    /**
     * A full rebuild into a new generation beside the live one: everything is read again, the result is
     * checked ({@code CheckIndex}) and then switched to atomically; older generations are removed. Searches
     * keep using the live generation until the switch. With {@code dryRun}, files are read and the summary
     * says what would change, and nothing is written.
     */
    public IndexSummary rebuild(List<Path> paths, Manifest manifest, Progress progress, boolean dryRun) throws IOException {
        long t0 = System.nanoTime();
        IndexLayout layout = new IndexLayout(indexDir);
        try (WriterLock lock = WriterLock.acquire(layout.root())) {
            List<Path> files = collect(paths, manifest);
            if (dryRun) {
                return dryRun(layout, files, manifest, progress, t0);
            }
            // Generations left by an interrupted rebuild are incomplete: remove them before starting.
            layout.removeOthers();
            boolean on = semantic != null ? semantic : liveAnswerModel(layout) != null;
            Path next = layout.nextGeneration();
            IndexSummary summary;
            try {
                try (Directory dir = FSDirectory.open(next);
                     IndexWriter writer = openWriter(dir);
                     AnswerVectors answers = openAnswerVectors(on)) {
                    CommitData.answerVectors(writer, answers == null ? null : answers.model());
                    summary = run(writer, files, manifest, progress, new Existing(), t0, 0, next, answers);
                }
                verify(next, summary);
            } catch (IOException | RuntimeException e) {
                if (!WriteFailure.isWriteFailure(e)) {
                    throw e;
                }
                layout.removeOthers();
                throw WriteFailure.describe(e, "rebuilding into " + next, "the unfinished generation was removed and "
                        + (layout.currentName() == null ? "there is no index yet" : "the live index (" + layout.currentName() + ") is unchanged and still served"));
            }
            layout.switchTo(next);
            layout.removeOthers();
            return summary;
        }
    }

    /** The answer model of the live generation, or {@code null} (no index, or no meaning search). */
    private static String liveAnswerModel(IndexLayout layout) throws IOException {
        if (layout.currentName() == null) {
            return null;
        }
        try (Directory dir = FSDirectory.open(layout.current())) {
            if (!DirectoryReader.indexExists(dir)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return CommitData.answerVectors(reader.getIndexCommit().getUserData());
            }
        }
    }

    private IndexSummary dryRun(IndexLayout layout, List<Path> files, Manifest manifest, Progress progress, long t0) throws IOException {
        Existing existing = new Existing();
        Path live = layout.current();
        if (layout.currentName() != null) {
            try (Directory dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
                readExisting(reader, existing);
            }
        }
        List<IndexSummary.Failure> failed = new ArrayList<>();
        int interviews = 0;
        int pairs = 0;
        int unchanged = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        int done = 0;
        for (Path file : files) {
            Read r = read(file, manifest.rowFor(file), existing.bySource, null);
            progress.update(++done, files.size());
            seen.add(r.source());
            if (r.unchanged()) {
                unchanged++;
            } else if (r.error() != null) {
                failed.add(new IndexSummary.Failure(r.source(), r.error()));
            } else {
                interviews++;
                pairs += r.interview().pairs().size();
            }
        }
        int removed = 0;
        for (String source : existing.bySource.keySet()) {
            if (!seen.contains(source)) {
                removed++;
            }
        }
        failed.sort((a, b) -> a.file().compareTo(b.file()));
        return new IndexSummary(files.size(), interviews, pairs, unchanged, failed, (System.nanoTime() - t0) / 1_000_000,
                removed, layout.currentName(), true);
    }

    /** The new generation must open, pass Lucene's CheckIndex and hold what was written. */
    private static void verify(Path generation, IndexSummary summary) throws IOException {
        try (Directory dir = FSDirectory.open(generation)) {
            try (org.apache.lucene.index.CheckIndex check = new org.apache.lucene.index.CheckIndex(dir)) {
                org.apache.lucene.index.CheckIndex.Status status = check.checkIndex();
                if (!status.clean) {
                    throw new IOException("the rebuilt index at " + generation + " failed CheckIndex; the live index was kept");
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                long interviews = new IndexSearcher(reader).count(Schema.interviewsQuery());
                if (interviews != summary.interviews()) {
                    throw new IOException("the rebuilt index holds " + interviews + " interviews but " + summary.interviews()
                            + " were written; the live index was kept");
                }
            }
        }
    }

    private IndexSummary run(IndexWriter writer, List<Path> files, Manifest manifest, Progress progress, Existing existing,
                             long t0, int removed, Path generation, AnswerVectors answers) throws IOException {
        QuestionGroups groups = grouping == null ? null : readGroups(writer);
        QuestionCorrections corrections = QuestionCorrections.read(indexDir);
        List<IndexSummary.Failure> failed = new ArrayList<>();
        int interviews = 0;
        int pairs = 0;
        int unchanged = 0;
        AtomicInteger done = new AtomicInteger();
        Map<String, String> claimedIds = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Reading, segmenting and enriching run in parallel, up to LOOK_AHEAD files ahead of the writer;
        // grouping and writing follow the sorted file order, so the same files always give the same
        // question groups.
        java.util.ArrayDeque<Future<Read>> ahead = new java.util.ArrayDeque<>();
        int submitted = 0;
        long lastCommit = System.nanoTime();
        try {
            while (submitted < files.size() || !ahead.isEmpty()) {
                while (submitted < files.size() && ahead.size() < LOOK_AHEAD) {
                    Path file = files.get(submitted++);
                    ahead.add(pool.submit(() -> {
                        try {
                            return read(file, manifest.rowFor(file), existing.bySource, answers);
                        } finally {
                            progress.update(done.incrementAndGet(), files.size());
                        }
                    }));
                }
                Read r = ahead.poll().get();
                if (r.unchanged()) {
                    unchanged++;
                    continue;
                }
                if (r.error() != null) {
                    failed.add(new IndexSummary.Failure(r.source(), r.error()));
                    continue;
                }
                String conflict = idConflict(r.interview().id(), r.source(), claimedIds, existing.sourceById);
                if (conflict != null) {
                    failed.add(new IndexSummary.Failure(r.source(), conflict));
                    continue;
                }
                Interview interview = groups == null ? r.interview() : grouping.assign(r.interview(), r.questions(), groups, corrections);
                try {
                    write(writer, interview, r.words(), vectors(r.questions()), r.answers()::get);
                } catch (IllegalArgumentException e) {
                    // Lucene refused this document (an immense term, say) and wrote none of its block;
                    // the writer is still sound, so this file fails and the run goes on.
                    failed.add(new IndexSummary.Failure(r.source(), "the index refused this interview: " + e.getMessage()));
                    continue;
                }
                interviews++;
                pairs += interview.pairs().size();
                if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
                    if (answers != null) {
                        answers.commit();
                    }
                    commit(writer, groups, corrections);
                    lastCommit = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing was interrupted; the index keeps its last committed state", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("indexing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        commit(writer, groups, corrections);
        failed.sort((a, b) -> a.file().compareTo(b.file()));
        return new IndexSummary(files.size(), interviews, pairs, unchanged, failed, (System.nanoTime() - t0) / 1_000_000,
                removed, generation.getFileName().toString(), false);
    }

    private static void commit(IndexWriter writer, QuestionGroups groups, QuestionCorrections corrections) throws IOException {
        if (groups != null) {
            for (QuestionGroups.Group g : groups.drainChanged()) {
                writer.updateDocument(new Term(Schema.GROUP_ID, g.id()), Schema.groupDocument(g, corrections.label(g.id())));
            }
        }
        CommitData.stamp(writer);
        writer.commit();
    }

    /** Interviews whose file lay under one of the folders indexed again and is gone. */
    private int prune(IndexWriter writer, List<Path> paths, Existing existing) throws IOException {
        List<String> roots = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                roots.add(abs.toString().endsWith("/") ? abs.toString() : abs + "/");
            }
        }
        List<String> gone = new ArrayList<>();
        for (String source : existing.bySource.keySet()) {
            if (roots.stream().anyMatch(source::startsWith) && !Files.exists(Path.of(source))) {
                gone.add(source);
            }
        }
        if (gone.isEmpty()) {
            return 0;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String source : gone) {
            ids.add(existing.bySource.get(source).id());
            existing.sourceById.remove(existing.bySource.get(source).id());
            existing.bySource.remove(source);
        }
        new Maintenance(grouping, QuestionCorrections.read(indexDir)).delete(writer, ids);
        return gone.size();
    }

    /** How many files may be read ahead of the one being written. */
    private static final int LOOK_AHEAD = 256;

    /**
     * How often a run commits what it has written, as Solr's recommended hard auto-commit does: an
     * interrupted run keeps what it wrote up to its last commit. Committing every few hundred files
     * instead flushed segments of a few MB, which the writer then merged again and again (at L, 390
     * commits).
     */
    private static final long COMMIT_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

    record Indexed(String id, String hash) {
    }

    /** What reading one file gave: unchanged, failed with a reason, or an interview with its prepared questions. */
    private record Read(String source, boolean unchanged, String error, Interview interview,
                        Map<String, QuestionMatcher.Prepared> questions, java.util.Set<String> words, Map<Integer, float[][]> answers) {
    }

    private Read read(Path file, Metadata row, Map<String, Indexed> bySource, AnswerVectors answers) {
        String source = file.toAbsolutePath().normalize().toString();
        try {
            Indexed before = bySource.get(source);
            if (before != null && before.hash().equals(loader.hash(file, row))) {
                return new Read(source, true, null, null, null, null, null);
            }
            SourceFile loaded = loader.load(file, row);
            Interview interview = enricher.enrich(InterviewBuilder.build(loaded));
            Map<String, QuestionMatcher.Prepared> questions = grouping == null ? Map.of() : grouping.prepare(interview);
            Map<Integer, float[][]> vectors = new HashMap<>();
            if (answers != null) {
                for (org.verbatim.segment.Pair p : interview.pairs()) {
                    float[][] v = answers.of(p.answer());
                    if (v.length > 0) {
                        vectors.put(p.index(), v);
                    }
                }
            }
            return new Read(source, false, null, interview, questions, Schema.distinctWords(interview), vectors);
        } catch (UnreadableFileException | NoDialogueException e) {
            return new Read(source, false, e.getMessage(), null, null, null, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected error reading {}", source, e);
            return new Read(source, false, "internal error while reading this file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, null, null, null);
        }
    }

    private static String idConflict(String id, String source, Map<String, String> claimedIds, Map<String, String> sourceById) {
        String owner = claimedIds.putIfAbsent(id, source);
        if (owner != null && !owner.equals(source)) {
            return "interview id '" + id + "' is also used by " + owner + "; give each interview its own id";
        }
        String existingOwner = sourceById.get(id);
        if (existingOwner != null && !existingOwner.equals(source) && Files.exists(Path.of(existingOwner))) {
            return "interview id '" + id + "' is already indexed from " + existingOwner + "; give each interview its own id";
        }
        return null;
    }

    static void write(IndexWriter writer, Interview interview) throws IOException {
        write(writer, interview, Schema.distinctWords(interview));
    }

    /** The vector of each question that asks something to compare, by question text. */
    private static java.util.function.Function<String, float[]> vectors(Map<String, QuestionMatcher.Prepared> questions) {
        return text -> {
            QuestionMatcher.Prepared p = questions.get(text);
            return p == null || !p.groupable() ? null : p.vector();
        };
    }

    /** Writes an interview's block; {@code words} are its distinct words ({@link Schema#distinctWords}), worked out beforehand. */
    static void write(IndexWriter writer, Interview interview, java.util.Set<String> words) throws IOException {
        write(writer, interview, words, text -> null);
    }

    static void write(IndexWriter writer, Interview interview, java.util.Set<String> words,
                      java.util.function.Function<String, float[]> questionVector) throws IOException {
        write(writer, interview, words, questionVector, pair -> null);
    }

    static void write(IndexWriter writer, Interview interview, java.util.Set<String> words,
                      java.util.function.Function<String, float[]> questionVector,
                      java.util.function.IntFunction<float[][]> answerVectors) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (Document d : Schema.toDocuments(interview, words, questionVector, answerVectors)) {
            docs.add(Schema.facetsConfig().build(d));
        }
        // Drop what this file held before (its id may have changed), then write the new block.
        writer.deleteDocuments(new Term(Schema.SOURCE, interview.source()));
        writer.updateDocuments(new Term(Schema.INTERVIEW_ID, interview.id()), docs);
    }

    private QuestionGroups readGroups(IndexWriter writer) throws IOException {
        QuestionGroups groups = grouping.newGroups();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs all = searcher.search(Schema.groupsQuery(), Math.max(1, reader.maxDoc()),
                    new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(Schema.GROUP_ORDER, org.apache.lucene.search.SortField.Type.LONG)));
            StoredFields stored = reader.storedFields();
            for (ScoreDoc sd : all.scoreDocs) {
                GroupCodec.restore(stored.document(sd.doc).get(Schema.GROUP_JSON), groups);
            }
        }
        return groups;
    }

    /** What the index already holds: source file → (id, hash), and id → source file. */
    private static final class Existing {
        final Map<String, Indexed> bySource = new HashMap<>();
        final Map<String, String> sourceById = new HashMap<>();
    }

    private static Existing readExisting(IndexWriter writer) throws IOException {
        Existing e = new Existing();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            readExisting(reader, e);
        }
        return e;
    }

    private static void readExisting(DirectoryReader reader, Existing e) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs all = searcher.search(Schema.interviewsQuery(), Math.max(1, reader.maxDoc()));
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : all.scoreDocs) {
            Document d = stored.document(sd.doc);
            e.bySource.put(d.get(Schema.SOURCE), new Indexed(d.get(Schema.INTERVIEW_ID), d.get(Schema.HASH)));
            e.sourceById.put(d.get(Schema.INTERVIEW_ID), d.get(Schema.SOURCE));
        }
    }

    static IndexWriter openWriter(Directory dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        try {
            boolean fresh = !DirectoryReader.indexExists(dir);
            IndexWriter writer = new IndexWriter(dir, config);
            if (fresh) {
                CommitData.markNew(writer);
            }
            return writer;
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException("the index is locked by another process writing to it; wait for it to finish", e);
        }
    }

    /** Every transcript file under the given paths and in the manifest, sorted, without duplicates. */
    static List<Path> collect(List<Path> paths, Manifest manifest) throws IOException {
        TreeSet<Path> out = new TreeSet<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                try (Stream<Path> walk = Files.walk(abs, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !hiddenBelow(abs, f))
                            .filter(TranscriptLoader::isCandidate)
                            .filter(f -> !manifest.isItself(f))
                            .forEach(out::add);
                }
            } else if (Files.exists(abs)) {
                out.add(abs);
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        out.addAll(manifest.files());
        return new ArrayList<>(out);
    }

    private static boolean hiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
