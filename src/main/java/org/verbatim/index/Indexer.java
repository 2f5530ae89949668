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
import org.verbatim.enrich.QuestionGrouping;
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

    /** @param grouping question grouping, or {@code null} to index without question groups */
    public Indexer(Path indexDir, TranscriptLoader loader, Enricher enricher, QuestionGrouping grouping, int threads) {
        this.indexDir = indexDir;
        this.loader = loader;
        this.enricher = enricher;
        this.grouping = grouping;
        this.threads = Math.max(1, threads);
    }

    public IndexSummary index(List<Path> paths, Manifest manifest, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<Path> files = collect(paths, manifest);
        Files.createDirectories(indexDir);
        try (Directory dir = FSDirectory.open(indexDir);
             IndexWriter writer = openWriter(dir)) {
            Map<String, Indexed> bySource = new HashMap<>();
            Map<String, String> sourceById = new HashMap<>();
            readExisting(writer, bySource, sourceById);
            QuestionGroups groups = grouping == null ? null : readGroups(writer);

            List<IndexSummary.Failure> failed = new ArrayList<>();
            int interviews = 0;
            int pairs = 0;
            int unchanged = 0;
            AtomicInteger done = new AtomicInteger();
            Map<String, String> claimedIds = new HashMap<>();

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int from = 0; from < files.size(); from += BATCH) {
                    List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
                    // Reading, segmenting, enriching and embedding run in parallel...
                    List<Future<Read>> futures = new ArrayList<>();
                    for (Path file : batch) {
                        futures.add(pool.submit(() -> {
                            try {
                                return read(file, manifest.rowFor(file), bySource);
                            } finally {
                                progress.update(done.incrementAndGet(), files.size());
                            }
                        }));
                    }
                    // ...then grouping and writing follow the sorted file order, so the same files
                    // always give the same question groups.
                    for (Future<Read> f : futures) {
                        Read r = f.get();
                        if (r.unchanged()) {
                            unchanged++;
                            continue;
                        }
                        if (r.error() != null) {
                            failed.add(new IndexSummary.Failure(r.source(), r.error()));
                            continue;
                        }
                        String conflict = idConflict(r.interview().id(), r.source(), claimedIds, sourceById);
                        if (conflict != null) {
                            failed.add(new IndexSummary.Failure(r.source(), conflict));
                            continue;
                        }
                        Interview interview = groups == null ? r.interview()
                                : grouping.assign(r.interview(), r.questions(), groups);
                        write(writer, interview);
                        interviews++;
                        pairs += interview.pairs().size();
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
            if (groups != null) {
                for (QuestionGroups.Group g : groups.drainChanged()) {
                    writer.updateDocument(new Term(Schema.GROUP_ID, g.id()), Schema.groupDocument(g));
                }
            }
            writer.setLiveCommitData(Map.of("updated", java.time.Instant.now().toString()).entrySet());
            writer.commit();
            failed.sort((a, b) -> a.file().compareTo(b.file()));
            return new IndexSummary(files.size(), interviews, pairs, unchanged, failed,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Files read together before their interviews are grouped and written in order. */
    private static final int BATCH = 256;

    private record Indexed(String id, String hash) {
    }

    /** What reading one file gave: unchanged, failed with a reason, or an interview with its prepared questions. */
    private record Read(String source, boolean unchanged, String error, Interview interview,
                        Map<String, QuestionMatcher.Prepared> questions) {
    }

    private Read read(Path file, Metadata row, Map<String, Indexed> bySource) {
        String source = file.toAbsolutePath().normalize().toString();
        try {
            Indexed before = bySource.get(source);
            if (before != null && before.hash().equals(loader.hash(file, row))) {
                return new Read(source, true, null, null, null);
            }
            SourceFile loaded = loader.load(file, row);
            Interview interview = enricher.enrich(InterviewBuilder.build(loaded));
            Map<String, QuestionMatcher.Prepared> questions = grouping == null ? Map.of() : grouping.prepare(interview);
            return new Read(source, false, null, interview, questions);
        } catch (UnreadableFileException | NoDialogueException e) {
            return new Read(source, false, e.getMessage(), null, null);
        } catch (RuntimeException e) {
            LOG.error("unexpected error reading {}", source, e);
            return new Read(source, false, "internal error while reading this file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, null);
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

    private static void write(IndexWriter writer, Interview interview) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (Document d : Schema.toDocuments(interview)) {
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

    private static IndexWriter openWriter(Directory dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        try {
            return new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException("the index is locked by another process writing to it; wait for it to finish", e);
        }
    }

    private static void readExisting(IndexWriter writer, Map<String, Indexed> bySource, Map<String, String> sourceById)
            throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int n = Math.max(1, reader.maxDoc());
            TopDocs all = searcher.search(Schema.interviewsQuery(), n);
            StoredFields stored = reader.storedFields();
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc);
                bySource.put(d.get(Schema.SOURCE), new Indexed(d.get(Schema.INTERVIEW_ID), d.get(Schema.HASH)));
                sourceById.put(d.get(Schema.INTERVIEW_ID), d.get(Schema.SOURCE));
            }
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
