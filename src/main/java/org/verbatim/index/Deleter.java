package org.verbatim.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.verbatim.enrich.QuestionCorrections;
import org.verbatim.enrich.QuestionGrouping;

/**
 * Deletes an interview, or every interview of a candidate, from the live index with everything derived
 * from it (see {@link Maintenance}), and records who deleted what and when in {@code deletions.log}
 * beside the index, without the deleted content. Takes the writer lock.
 */
public final class Deleter {

    public static final String LOG_FILE = "deletions.log";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was (or, in a dry run, would be) deleted. */
    public record Result(List<String> interviews, int pairs, boolean dryRun) {
    }

    private final Path root;
    private final QuestionGrouping grouping;

    public Deleter(Path root, QuestionGrouping grouping) {
        this.root = root;
        this.grouping = grouping;
    }

    public Result deleteInterview(String id, boolean dryRun, String actor) throws IOException {
        return delete(null, id, dryRun, actor);
    }

    /** Every interview that names this candidate (case-insensitive, as written in the interview). */
    public Result deleteCandidate(String name, boolean dryRun, String actor) throws IOException {
        return delete(name, null, dryRun, actor);
    }

    private Result delete(String candidate, String id, boolean dryRun, String actor) throws IOException {
        IndexLayout layout = new IndexLayout(root);
        if (layout.currentName() == null) {
            return new Result(List.of(), 0, dryRun);
        }
        try (WriterLock lock = WriterLock.acquire(layout.root());
             Directory dir = FSDirectory.open(layout.current());
             IndexWriter writer = Indexer.openWriter(dir)) {
            List<String> ids = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            int pairs = 0;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                StoredFields stored = reader.storedFields();
                TopDocs parents = searcher.search(Schema.interviewsQuery(), Math.max(1, reader.maxDoc()));
                for (ScoreDoc sd : parents.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    boolean hit = id != null ? id.equals(d.get(Schema.INTERVIEW_ID))
                            : List.of(d.getValues(Schema.CANDIDATES)).stream()
                                    .anyMatch(c -> c.strip().toLowerCase(Locale.ROOT).equals(candidate.strip().toLowerCase(Locale.ROOT)));
                    if (hit) {
                        ids.add(d.get(Schema.INTERVIEW_ID));
                        var f = d.getField(Schema.PAIR_COUNT);
                        pairs += f == null ? 0 : f.numericValue().intValue();
                    }
                }
                for (String deleted : ids) {
                    Query ofIt = new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(Schema.pairsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new org.apache.lucene.index.Term(Schema.INTERVIEW_ID, deleted)),
                                    org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
                    for (ScoreDoc sd : searcher.search(ofIt, Math.max(1, reader.maxDoc())).scoreDocs) {
                        String answer = stored.document(sd.doc, java.util.Set.of(Schema.ANSWER)).get(Schema.ANSWER);
                        if (answer != null) {
                            answers.add(answer);
                        }
                    }
                }
            }
            if (dryRun || ids.isEmpty()) {
                return new Result(ids, pairs, dryRun);
            }
            // What people corrected in the question groups no longer names the deleted interviews' questions.
            QuestionCorrections corrections = QuestionCorrections.read(root);
            QuestionCorrections kept = corrections.withoutInterviews(ids);
            if (!kept.equals(corrections)) {
                kept.write(root);
            }
            new Maintenance(grouping, kept).delete(writer, ids);
            Maintenance.expunge(writer);
            CommitData.stamp(writer);
            writer.commit();
            AnswerVectors.forget(root, answers);
            log(actor, id != null ? "interview" : "candidate", ids, pairs);
            return new Result(ids, pairs, false);
        }
    }

    private void log(String actor, String by, List<String> ids, int pairs) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("actor", actor);
        line.put("by", by);
        line.putPOJO("interviews", ids);
        line.put("pairs", pairs);
        Files.writeString(root.resolve(LOG_FILE), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

}
