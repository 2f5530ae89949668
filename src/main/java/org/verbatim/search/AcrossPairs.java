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
 * parts combined as written, and (2) which of their pairs rank, count and show ({@link Roles}). A query of
 * one part (a word, a phrase, an {@code OR}) is left as it is.
 */
final class AcrossPairs {

    private AcrossPairs() {
    }

    /**
     * The query in three roles: {@code counted} finds the pairs that rank and count each interview (those of
     * its required part that the fewest pairs match, so that a common word's pairs are not all visited),
     * {@code shown} the pairs a page shows (any part not excluded, looked for in the page's interviews
     * only), {@code marked} the words to mark. All three only match pairs of interviews that match the
     * whole query. A query of one part is all three.
     */
    record Roles(Query counted, Query shown, Query marked) {
    }

    static Roles roles(Query text, BitSetProducer parents, org.apache.lucene.index.IndexReader reader) throws java.io.IOException {
        if (!(text instanceof BooleanQuery bq) || requiredOrExcluded(bq) < 2) {
            return new Roles(text, text, text);
        }
        Query all = positives(bq);
        if (all == null) {
            return new Roles(text, text, text);
        }
        Query rarest = null;
        long fewest = Long.MAX_VALUE;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.MUST || c.getOccur() == BooleanClause.Occur.FILTER) {
                long df = documentFrequency(c.getQuery(), reader);
                if (df < fewest) {
                    fewest = df;
                    rarest = positives(c.getQuery());
                }
            }
        }
        Query qualifying = new ToChildBlockJoinQuery(interviews(bq, parents), parents);
        Query shown = new BooleanQuery.Builder().add(qualifying, BooleanClause.Occur.FILTER).add(all, BooleanClause.Occur.MUST).build();
        Query counted = rarest == null ? shown
                : new BooleanQuery.Builder().add(qualifying, BooleanClause.Occur.FILTER).add(rarest, BooleanClause.Occur.MUST).build();
        return new Roles(counted, shown, all);
    }

    /** The pairs a part's terms occur in, summed over its terms: an estimate that orders parts by cost. */
    private static long documentFrequency(Query part, org.apache.lucene.index.IndexReader reader) throws java.io.IOException {
        java.util.Set<Term> terms = new java.util.HashSet<>();
        part.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
        if (terms.isEmpty()) {
            return Long.MAX_VALUE / 2; // wildcards and the like: assume the worst
        }
        long sum = 0;
        for (Term t : terms) {
            sum += reader.docFreq(t);
        }
        return sum;
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
