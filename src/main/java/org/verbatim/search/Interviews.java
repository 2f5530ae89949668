package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
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
import org.apache.lucene.search.TopDocs;
import org.verbatim.enrich.Skill;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;

/** One interview as stored: its summary, its pairs in order, the skills it mentions, where its recording is. */
final class Interviews {

    private final SkillVocabulary skills;

    /** @param skills the vocabulary that gives each skill's category, or {@code null} */
    Interviews(SkillVocabulary skills) {
        this.skills = skills;
    }

    private static Query interviewById(String id) {
        return new BooleanQuery.Builder()
                .add(Schema.interviewsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.INTERVIEW_ID, id)), BooleanClause.Occur.FILTER).build();
    }

    /** Where interview {@code id}'s recording is, as its metadata gave it; {@code null} when it has none or no such interview. */
    String recording(IndexSearcher searcher, String id) throws IOException {
        TopDocs p = searcher.search(interviewById(id), 1);
        return p.scoreDocs.length == 0 ? null
                : searcher.getIndexReader().storedFields().document(p.scoreDocs[0].doc, Set.of(Schema.RECORDING)).get(Schema.RECORDING);
    }

    /** The whole interview {@code id}, or {@code null} when there is none. */
    InterviewDetail read(IndexSearcher searcher, String id) throws IOException {
        Query parentQ = interviewById(id);
        TopDocs p = searcher.search(parentQ, 1);
        if (p.scoreDocs.length == 0) {
            return null;
        }
        StoredFields stored = searcher.getIndexReader().storedFields();
        Document parent = stored.document(p.scoreDocs[0].doc);
        Query pairsQ = new BooleanQuery.Builder()
                .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.INTERVIEW_ID, id)), BooleanClause.Occur.FILTER).build();
        TopDocs all = searcher.search(pairsQ, Math.max(1, searcher.count(pairsQ)),
                new Sort(new SortField(Schema.PAIR_INDEX, SortField.Type.INT)));
        List<InterviewDetail.PairView> pairs = new ArrayList<>();
        for (ScoreDoc sd : all.scoreDocs) {
            Document d = stored.document(sd.doc);
            pairs.add(new InterviewDetail.PairView(Searcher.intField(d, Schema.PAIR_INDEX), d.get(Schema.QUESTION),
                    d.get(Schema.QUESTION_SPEAKER), d.get(Schema.ANSWER), d.get(Schema.SPEAKER),
                    Searcher.doubleField(d, Schema.START), Searcher.doubleField(d, Schema.END), List.of(d.getValues(Schema.SKILL)),
                    d.get(Schema.QUESTION_GROUP)));
        }
        List<SkillCount> skillCounts = new ArrayList<>();
        String[] names = parent.getValues(Schema.SKILLS);
        var counts = parent.getFields(Schema.SKILL_PAIRS);
        for (int k = 0; k < names.length; k++) {
            String category = skills == null ? null : skills.find(names[k]).map(Skill::category).orElse(null);
            skillCounts.add(new SkillCount(names[k], category, k < counts.length ? counts[k].numericValue().intValue() : 0));
        }
        return new InterviewDetail(Searcher.summary(parent), parent.get(Schema.SOURCE), pairs, skillCounts);
    }
}
