package org.verbatim.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verbatim.index.PhraseShingles;
import org.verbatim.index.Schema;

/**
 * Answers exact phrases on the question or the answer from their two-word shingles
 * ({@link PhraseShingles}), with the same matches and scores. A phrase of two words is its shingle
 * ({@link ShinglePhraseQuery}). A longer phrase is narrowed by the shingles it must contain: a shingle is
 * one term with a short postings list, so the conjunction leads with it and positions are only read for
 * the pairs that hold every word pair of the phrase, which still decides what matches and how it scores.
 */
final class PhraseFilters {

    private PhraseFilters() {
    }

    /** The query with its phrases narrowed; the same instance when it has none to narrow. */
    static Query narrow(Query q) {
        if (q instanceof PhraseQuery pq) {
            return narrowPhrase(pq);
        }
        if (q instanceof BoostQuery b) {
            Query inner = narrow(b.getQuery());
            return inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof ConstantScoreQuery c) {
            Query inner = narrow(c.getQuery());
            return inner == c.getQuery() ? q : new ConstantScoreQuery(inner);
        }
        if (q instanceof DisjunctionMaxQuery d) {
            java.util.List<Query> out = new java.util.ArrayList<>();
            boolean changed = false;
            for (Query sub : d.getDisjuncts()) {
                Query n = narrow(sub);
                changed |= n != sub;
                out.add(n);
            }
            return changed ? new DisjunctionMaxQuery(out, d.getTieBreakerMultiplier()) : q;
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause c : bq.clauses()) {
                // What must not match is not worth narrowing: it is only checked on the other clauses' matches.
                Query n = c.getOccur() == BooleanClause.Occur.MUST_NOT ? c.getQuery() : narrow(c.getQuery());
                changed |= n != c.getQuery();
                b.add(n, c.getOccur());
            }
            return changed ? b.build() : q;
        }
        return q;
    }

    private static Query narrowPhrase(PhraseQuery pq) {
        Term[] terms = pq.getTerms();
        int[] positions = pq.getPositions();
        if (pq.getSlop() != 0 || terms.length < 2) {
            return pq;
        }
        String shingles = Schema.phrasesField(terms[0].field());
        if (shingles == null) {
            return pq;
        }
        if (terms.length == 2 && positions[1] == positions[0] + 1) {
            return new ShinglePhraseQuery(pq, shingles);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(pq, BooleanClause.Occur.MUST);
        boolean any = false;
        for (int i = 1; i < terms.length; i++) {
            if (positions[i] == positions[i - 1] + 1) {
                String shingle = PhraseShingles.shingle(terms[i - 1].text(), terms[i].text());
                b.add(new TermQuery(new Term(shingles, shingle)), BooleanClause.Occur.FILTER);
                any = true;
            }
        }
        return any ? b.build() : pq;
    }
}
