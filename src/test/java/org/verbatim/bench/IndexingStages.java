package org.verbatim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.NoDialogueException;
import org.verbatim.segment.Pair;

/**
 * What each stage of indexing costs on one thread: the first {@code N} files of a corpus go through
 * every stage the indexer runs, one stage at a time, and the CPU time of each is printed, with the same
 * pairs indexed by bare Lucene (as the benchmark's reference row does) for comparison. The last of
 * {@code ROUNDS} rounds counts; the ones before let the JIT compile. Everything runs on the calling
 * thread, so the figures add up to what one core does per interview:
 * <pre>
 * java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.verbatim.bench.IndexingStages bench-data/corpus-M 3000 3
 * </pre>
 */
public final class IndexingStages {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private IndexingStages() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: IndexingStages CORPUS FILES ROUNDS");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).sorted()
                    .limit(Integer.parseInt(args[1])).toList();
        }
        int rounds = Integer.parseInt(args[2]);
        TranscriptLoader loader = new TranscriptLoader(64L << 20);
        Enricher enricher = new Enricher(new SkillExtractor(SkillVocabulary.load(null)));
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int round = 1; round <= rounds; round++) {
            long[] cpu = new long[9];
            // A new grouping each round, as each run of the indexer starts with an empty cache of prepared questions.
            QuestionGrouping grouping = QuestionGrouping.standard();
            List<Interview> interviews = new ArrayList<>();
            List<Map<String, QuestionMatcher.Prepared>> prepared = new ArrayList<>();
            List<Set<String>> words = new ArrayList<>();
            for (Path f : files) {
                long t = cpu();
                Interview raw;
                try {
                    raw = InterviewBuilder.build(loader.load(f, null));
                } catch (UnreadableFileException | NoDialogueException e) {
                    continue;
                }
                cpu[0] += cpu() - t;
                t = cpu();
                Interview enriched = enricher.enrich(raw);
                cpu[1] += cpu() - t;
                t = cpu();
                prepared.add(grouping.prepare(enriched));
                cpu[2] += cpu() - t;
                t = cpu();
                words.add(Schema.distinctWords(enriched));
                cpu[3] += cpu() - t;
                interviews.add(enriched);
            }
            QuestionGroups groups = grouping.newGroups();
            Path dir = Files.createTempDirectory("stages");
            IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
            config.setRAMBufferSizeMB(64);
            try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
                for (int i = 0; i < interviews.size(); i++) {
                    long t = cpu();
                    Interview grouped = grouping.assign(interviews.get(i), prepared.get(i), groups);
                    cpu[4] += cpu() - t;
                    t = cpu();
                    List<Document> docs = new ArrayList<>();
                    for (Document doc : Schema.toDocuments(grouped, words.get(i))) {
                        docs.add(Schema.facetsConfig().build(doc));
                    }
                    cpu[5] += cpu() - t;
                    t = cpu();
                    writer.addDocuments(docs);
                    cpu[6] += cpu() - t;
                }
                long t = cpu();
                writer.commit();
                cpu[7] += cpu() - t;
            }
            delete(dir);
            cpu[8] = luceneAlone(interviews);
            if (round < rounds) {
                continue;
            }
            String[] names = {"parse and segment", "skills", "question groups: prepare", "distinct words",
                "question groups: assign", "documents and facet fields", "inversion (Lucene addDocuments)",
                "final commit", "bare Lucene: the pairs, English analyzer, not stored"};
            System.out.printf("%d interviews, %.1f MB of files; CPU on one thread, round %d of %d%n", interviews.size(),
                    bytes / 1e6, round, rounds);
            long total = 0;
            for (int i = 0; i < names.length; i++) {
                if (i < 8) {
                    total += cpu[i];
                }
                System.out.printf("  %-55s %8.0f ms  %6.3f ms per interview%n", names[i], cpu[i] / 1e6, cpu[i] / 1e6 / interviews.size());
                if (i == 7) {
                    System.out.printf("  %-55s %8.0f ms  %6.3f ms per interview%n", "Verbatim, all stages", total / 1e6, total / 1e6 / interviews.size());
                }
            }
        }
    }

    private static long luceneAlone(List<Interview> interviews) throws Exception {
        Path dir = Files.createTempDirectory("stages-lucene");
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
        config.setRAMBufferSizeMB(64);
        long t = cpu();
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
            for (Interview interview : interviews) {
                for (Pair p : interview.pairs()) {
                    Document doc = new Document();
                    doc.add(new StoredField("id", interview.id() + "/" + p.index()));
                    doc.add(new TextField("question", p.question(), Field.Store.NO));
                    doc.add(new TextField("answer", p.answer(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
        }
        long spent = cpu() - t;
        delete(dir);
        return spent;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
