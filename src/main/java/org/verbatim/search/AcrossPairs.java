package org.verbatim.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.verbatim.index.Schema;

/**
 * The words of a query are required of the interview, not of one answer: {@code kafka postgres} finds the
 * candidate who spoke of Kafka in one answer and of Postgres in another, and {@code aws -kubernetes}
 * leaves out an interview that names Kubernetes anywhere. A query with two or more required or excluded
 * parts becomes (1) which interviews qualify, each part joined from the pairs to their interview and the
 * parts combined as written, and (2) which of their pairs to show: those that match any part that is not
 * excluded, best first. A query of one part (a word, a phrase, an {@code OR}) is left as it is.
 */
final class AcrossPairs {

    private AcrossPairs() {
    }

    /**
     * @param text    the parsed query over pair fields
     * @param parents the interview documents of the block join
     * @return a query over pairs: the pairs that match a part of {@code text}, in the interviews that match all of it
     */
    static Query rewrite(Query text, BitSetProducer parents) {
        if (!(text instanceof BooleanQuery bq) || requiredOrExcluded(bq) < 2) {
            return text;
        }
        Query shown = positives(bq);
        if (shown == null) {
            return text;
        }
        return new BooleanQuery.Builder()
                .add(new ToChildBlockJoinQuery(interviews(bq, parents), parents), BooleanClause.Occur.FILTER)
                .add(shown, BooleanClause.Occur.MUST)
                .build();
    }

    /** The part of {@link #rewrite}'s query that says which words to mark: the parts not excluded. */
    static Query marked(Query text) {
        if (!(text instanceof BooleanQuery bq) || requiredOrExcluded(bq) < 2) {
            return text;
        }
        Query shown = positives(bq);
        return shown == null ? text : shown;
    }

    private static int requiredOrExcluded(BooleanQuery bq) {
        int n = 0;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) {
                n++;
            }
        }
        return n;
    }

    /** The interviews that satisfy the query: each part matched by some pair of the interview. */
    private static Query interviews(Query q, BitSetProducer parents) {
        if (q instanceof BoostQuery b) {
            return interviews(b.getQuery(), parents);
        }
        if (q instanceof BooleanQuery bq && requiredOrExcluded(bq) > 0) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            boolean positive = false;
            for (BooleanClause c : bq.clauses()) {
                BooleanClause.Occur occur = c.getOccur() == BooleanClause.Occur.MUST ? BooleanClause.Occur.FILTER : c.getOccur();
                b.add(interviews(c.getQuery(), parents), occur);
                positive |= occur != BooleanClause.Occur.MUST_NOT;
            }
            if (!positive) {
                // "(-a -b)" inside a larger query: every interview but those.
                b.add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_INTERVIEW)), BooleanClause.Occur.FILTER);
            }
            return b.build();
        }
        Query pairs = new BooleanQuery.Builder()
                .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(q, BooleanClause.Occur.MUST).build();
        return new ToParentBlockJoinQuery(pairs, parents, ScoreMode.None);
    }

    /** Every part that is not excluded, any of them, with their boosts; {@code null} when there is none. */
    private static Query positives(Query q) {
        if (q instanceof BoostQuery b) {
            Query inner = positives(b.getQuery());
            return inner == null ? null : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof BooleanQuery bq && requiredOrExcluded(bq) > 0) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int n = 0;
            for (BooleanClause c : bq.clauses()) {
                if (c.getOccur() == BooleanClause.Occur.MUST_NOT) {
                    continue;
                }
                Query p = positives(c.getQuery());
                if (p != null) {
                    b.add(p, BooleanClause.Occur.SHOULD);
                    n++;
                }
            }
            return n == 0 ? null : b.build();
        }
        return q;
    }
}
