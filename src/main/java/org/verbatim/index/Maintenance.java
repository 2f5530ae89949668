package org.verbatim.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.verbatim.enrich.QuestionCorrections;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;

/**
 * Removing interviews from an index so that nothing derived from them remains: their pairs and interview
 * document, the question-group exemplars and wordings taken from their questions (groups are recomputed
 * from what remains, or dropped when empty), and, after merging away deleted documents, their words in
 * suggestions and their names in facets.
 */
final class Maintenance {

    private final QuestionGrouping grouping;
    private final QuestionCorrections corrections;

    Maintenance(QuestionGrouping grouping, QuestionCorrections corrections) {
        this.grouping = grouping;
        this.corrections = corrections;
    }

    /** Deletes these interviews (their whole blocks); returns how many pairs went with them. */
    int delete(IndexWriter writer, Collection<String> interviewIds) throws IOException {
        Set<String> groups = new LinkedHashSet<>();
        int pairs = 0;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            for (String id : interviewIds) {
                Query q = new BooleanQuery.Builder()
                        .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Schema.INTERVIEW_ID, id)), BooleanClause.Occur.FILTER).build();
                TopDocs t = searcher.search(q, Math.max(1, reader.maxDoc()));
                pairs += t.scoreDocs.length;
                for (ScoreDoc sd : t.scoreDocs) {
                    String g = stored.document(sd.doc).get(Schema.QUESTION_GROUP);
                    if (g != null) {
                        groups.add(g);
                    }
                }
            }
        }
        for (String id : interviewIds) {
            writer.deleteDocuments(new Term(Schema.INTERVIEW_ID, id));
        }
        refreshGroups(writer, groups);
        return pairs;
    }

    /** Recomputes these groups from the pairs that still refer to them; a group with none is removed. */
    void refreshGroups(IndexWriter writer, Set<String> groupIds) throws IOException {
        if (groupIds.isEmpty()) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            for (String g : groupIds) {
                Query pairs = new BooleanQuery.Builder()
                        .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Schema.QUESTION_GROUP, g)), BooleanClause.Occur.FILTER).build();
                TopDocs t = searcher.search(pairs, Math.max(1, reader.maxDoc()));
                if (t.scoreDocs.length == 0 || grouping == null) {
                    if (t.scoreDocs.length == 0) {
                        writer.deleteDocuments(new Term(Schema.GROUP_ID, g));
                    }
                    continue;
                }
                Map<String, QuestionMatcher.Prepared> byQuestion = new LinkedHashMap<>();
                List<QuestionMatcher.Prepared> questions = new ArrayList<>();
                for (ScoreDoc sd : t.scoreDocs) {
                    String question = stored.document(sd.doc).get(Schema.QUESTION);
                    questions.add(byQuestion.computeIfAbsent(question, grouping.matcher()::prepare));
                }
                writer.updateDocument(new Term(Schema.GROUP_ID, g),
                        Schema.groupDocument(QuestionGroups.rebuilt(g, order(searcher, g), questions, grouping.matcher()), corrections.label(g)));
            }
        }
    }

    static long order(IndexSearcher searcher, String groupId) throws IOException {
        TopDocs t = searcher.search(new TermQuery(new Term(Schema.GROUP_ID, groupId)), 1);
        if (t.scoreDocs.length == 0) {
            return Long.MAX_VALUE;
        }
        int doc = t.scoreDocs[0].doc;
        for (var leaf : searcher.getIndexReader().leaves()) {
            if (doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc()) {
                NumericDocValues dv = leaf.reader().getNumericDocValues(Schema.GROUP_ORDER);
                if (dv != null && dv.advanceExact(doc - leaf.docBase)) {
                    return dv.longValue();
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Merges deleted documents away, so that their terms and facet labels leave the index too. */
    static void expunge(IndexWriter writer) throws IOException {
        writer.forceMergeDeletes(true);
    }

}
