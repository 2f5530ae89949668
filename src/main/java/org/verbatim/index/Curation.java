package org.verbatim.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.verbatim.enrich.QuestionCorrections;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.enrich.QuestionText;
import org.verbatim.segment.Interview;
import org.verbatim.segment.Pair;

/**
 * People correcting the question groups of an archive: merging a group into another, taking a wording
 * out of its group, renaming a group. Each correction is kept in {@link QuestionCorrections}' file in the
 * index folder first (so every later indexing and rebuild applies it), then applied to the live index:
 * the interviews concerned are written again with their new groups, and the groups' documents are
 * recomputed. Takes the index's writer lock, so it waits for no one and fails clearly while a rebuild runs.
 */
public final class Curation {

    /** What a correction changed. */
    public record Result(String correction, List<String> groups, int interviews, int pairs) {
    }

    /** A request that cannot be carried out (unknown group, merging a group into itself...); nothing was changed. */
    public static final class RefusedException extends IllegalArgumentException {
        public RefusedException(String message) {
            super(message);
        }
    }

    static final int MAX_LABEL = 200;

    private final Path root;
    private final QuestionGrouping grouping;

    public Curation(Path root, QuestionGrouping grouping) {
        this.root = root;
        this.grouping = grouping;
    }

    /** The corrections made so far. */
    public QuestionCorrections corrections() throws IOException {
        return QuestionCorrections.read(root);
    }

    /** Merges group {@code from} into group {@code into}: its answers are compared with {@code into}'s from now on. */
    public Result merge(String from, String into) throws IOException {
        return change((writer, reader) -> {
            requireGroup(reader, from);
            requireGroup(reader, into);
            QuestionCorrections c = QuestionCorrections.read(root);
            QuestionCorrections next;
            try {
                next = c.withMerge(from, into);
            } catch (IllegalArgumentException e) {
                throw new RefusedException(e.getMessage());
            }
            String target = next.resolve(into);
            next.write(root);
            int[] moved = regroup(writer, reader, from, p -> target);
            new Maintenance(grouping, next).refreshGroups(writer, new LinkedHashSet<>(List.of(from, target)));
            return new Result("merged " + from + " into " + target, List.of(target), moved[0], moved[1]);
        });
    }

    /**
     * Takes the question of pair {@code pair} of interview {@code interviewId} out of its group: that
     * wording, wherever it was asked, forms a group of its own.
     */
    public Result split(String interviewId, int pair) throws IOException {
        return change((writer, reader) -> {
            Document d = pairDocument(reader, interviewId, pair);
            String from = d.get(Schema.QUESTION_GROUP);
            if (from == null) {
                throw new RefusedException("pair " + pair + " of interview '" + interviewId + "' is in no question group");
            }
            QuestionMatcher.Prepared q = grouping.matcher().prepare(d.get(Schema.QUESTION));
            String own = QuestionGroups.ownId(q.core());
            if (from.equals(own)) {
                throw new RefusedException("that question is already a group of its own (" + own + ")");
            }
            QuestionCorrections next = QuestionCorrections.read(root)
                    .withSplit(q.core(), new QuestionCorrections.Split(interviewId, from, Instant.now().toString()));
            next.write(root);
            QuestionText text = grouping.matcher().text();
            int[] moved = regroup(writer, reader, from, p -> text.core(p.question()).equals(q.core()) ? own : from);
            new Maintenance(grouping, next).refreshGroups(writer, new LinkedHashSet<>(List.of(from, own)));
            return new Result("took \"" + q.wording() + "\" out of " + from, List.of(own, from), moved[0], moved[1]);
        });
    }

    /** Gives a group the label people will see. */
    public Result rename(String groupId, String label) throws IOException {
        String clean = label == null ? "" : label.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty()) {
            throw new RefusedException("a question group's label cannot be empty");
        }
        if (clean.length() > MAX_LABEL) {
            throw new RefusedException("a question group's label has at most " + MAX_LABEL + " characters (got " + clean.length() + ")");
        }
        return change((writer, reader) -> {
            Document g = requireGroup(reader, groupId);
            QuestionCorrections.read(root).withLabel(groupId, clean).write(root);
            long order = Maintenance.order(new IndexSearcher(reader), groupId);
            writer.updateDocument(new Term(Schema.GROUP_ID, groupId), Schema.groupDocument(groupId, order, clean, g.get(Schema.GROUP_JSON)));
            return new Result("renamed " + groupId + " to \"" + clean + "\"", List.of(groupId), 0, 0);
        });
    }

    private interface Change {
        Result apply(IndexWriter writer, DirectoryReader reader) throws IOException;
    }

    private Result change(Change change) throws IOException {
        IndexLayout layout = new IndexLayout(root);
        if (layout.currentName() == null) {
            throw new RefusedException("there is no index at " + root + " yet");
        }
        try (WriterLock lock = WriterLock.acquire(root);
             Directory dir = FSDirectory.open(layout.current());
             IndexWriter writer = Indexer.openWriter(dir)) {
            Result r;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                r = change.apply(writer, reader);
            }
            CommitData.stamp(writer);
            writer.commit();
            return r;
        }
    }

    private static Document requireGroup(DirectoryReader reader, String id) throws IOException {
        ScoreDoc[] hits = new IndexSearcher(reader).search(new TermQuery(new Term(Schema.GROUP_ID, id)), 1).scoreDocs;
        if (hits.length == 0) {
            throw new RefusedException("no question group with id '" + id + "' (list them with 'verbatim questions')");
        }
        return reader.storedFields().document(hits[0].doc);
    }

    private static Document pairDocument(DirectoryReader reader, String interviewId, int pair) throws IOException {
        Query q = new BooleanQuery.Builder().add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.INTERVIEW_ID, interviewId)), BooleanClause.Occur.FILTER).build();
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : searcher.search(q, Math.max(1, reader.maxDoc())).scoreDocs) {
            Document d = stored.document(sd.doc);
            if (d.getField(Schema.PAIR_INDEX).numericValue().intValue() == pair) {
                return d;
            }
        }
        throw new RefusedException("no pair " + pair + " in interview '" + interviewId + "'");
    }

    /**
     * Writes again every interview with a pair in group {@code from}, each such pair in the group
     * {@code to} gives it. Returns the interviews and pairs that changed.
     */
    private static int[] regroup(IndexWriter writer, DirectoryReader reader, String from,
                                 java.util.function.Function<Pair, String> to) throws IOException {
        Query inGroup = new BooleanQuery.Builder().add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.QUESTION_GROUP, from)), BooleanClause.Occur.FILTER).build();
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        Set<String> ids = new LinkedHashSet<>();
        for (ScoreDoc sd : searcher.search(inGroup, Math.max(1, reader.maxDoc())).scoreDocs) {
            ids.add(stored.document(sd.doc, Set.of(Schema.INTERVIEW_ID)).get(Schema.INTERVIEW_ID));
        }
        int interviews = 0;
        int pairs = 0;
        for (String id : ids) {
            StoredInterview s = StoredInterview.read(reader, id);
            List<Pair> out = new ArrayList<>();
            int changed = 0;
            for (Pair p : s.interview().pairs()) {
                String g = from.equals(p.questionGroup()) ? to.apply(p) : p.questionGroup();
                changed += java.util.Objects.equals(g, p.questionGroup()) ? 0 : 1;
                out.add(p.withQuestionGroup(g));
            }
            if (changed > 0) {
                Interview next = s.interview().withPairs(out);
                Indexer.write(writer, next, Schema.distinctWords(next), s.vectors()::get);
                interviews++;
                pairs += changed;
            }
        }
        return new int[] {interviews, pairs};
    }
}
