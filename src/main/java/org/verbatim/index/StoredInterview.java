package org.verbatim.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.verbatim.segment.Interview;
import org.verbatim.segment.Pair;

/**
 * An interview read back from its block of documents, with its questions' vectors, so that it can be
 * written again with other question groups without its file or the embedding model.
 *
 * @param vectors question text → its vector, for the questions that have one
 */
record StoredInterview(Interview interview, Map<String, float[]> vectors) {

    /** The interview with this id as the index holds it, or {@code null}. */
    static StoredInterview read(IndexReader reader, String id) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        ScoreDoc[] parent = searcher.search(only(Schema.interviewsQuery(), id), 1).scoreDocs;
        if (parent.length == 0) {
            return null;
        }
        Document d = stored.document(parent[0].doc);
        Query pairsQ = only(Schema.pairsQuery(), id);
        ScoreDoc[] docs = searcher.search(pairsQ, Math.max(1, searcher.count(pairsQ)),
                new Sort(new SortField(Schema.PAIR_INDEX, SortField.Type.INT))).scoreDocs;
        List<Pair> pairs = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        for (ScoreDoc sd : docs) {
            Document p = stored.document(sd.doc);
            String question = p.get(Schema.QUESTION);
            pairs.add(new Pair(number(p, Schema.PAIR_INDEX).intValue(), question, p.get(Schema.QUESTION_SPEAKER), p.get(Schema.ANSWER),
                    p.get(Schema.SPEAKER), decimal(p, Schema.START), decimal(p, Schema.END), List.of(p.getValues(Schema.SKILL)),
                    p.get(Schema.QUESTION_GROUP)));
            float[] v = vector(reader, sd.doc);
            if (v != null) {
                vectors.putIfAbsent(question, v);
            }
        }
        String date = d.get(Schema.DATE);
        Interview interview = new Interview(d.get(Schema.INTERVIEW_ID), d.get(Schema.TITLE), List.of(d.getValues(Schema.CANDIDATES)),
                List.of(d.getValues(Schema.INTERVIEWERS)), d.get(Schema.ROLE), date == null ? null : LocalDate.parse(date),
                List.of(d.getValues(Schema.TAGS)), d.get(Schema.OUTCOME), d.get(Schema.RECORDING), d.get(Schema.SOURCE), d.get(Schema.FORMAT),
                d.get(Schema.HASH), pairs);
        return new StoredInterview(interview, vectors);
    }

    private static Query only(Query type, String id) {
        return new BooleanQuery.Builder().add(type, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.INTERVIEW_ID, id)), BooleanClause.Occur.FILTER).build();
    }

    private static Number number(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null ? 0 : f.numericValue();
    }

    private static Double decimal(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null || f.numericValue() == null ? null : f.numericValue().doubleValue();
    }

    private static float[] vector(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.QUESTION_VECTOR);
        int local = doc - leaf.docBase;
        if (values == null || values.advance(local) != local) {
            return null;
        }
        return values.vectorValue().clone();
    }
}
