package org.verbatim.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The pairs matching a query, for as long as a {@link Deadline} allows: past it, every segment's iteration
 * ends as if there were no more matches. Wrapping the pair-level query (rather than the collectors) stops
 * everything built on it at once: the join to interviews, the facet counts and the answer count.
 *
 * <p>Results cut short must never be cached, so the weight is not cacheable; equality is identity, since
 * each instance belongs to one request.
 */
final class TimeLimitedQuery extends Query {

    /** Documents iterated, or scored in bulk, between two looks at the clock. */
    private static final int CHECK_EVERY = 256;
    private static final int WINDOW = 4096;

    private final Query in;
    private final Deadline deadline;

    TimeLimitedQuery(Query in, Deadline deadline) {
        this.in = in;
        this.deadline = deadline;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new TimeLimitedQuery(rewritten, deadline);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new LimitedWeight(this, in.createWeight(searcher, scoreMode, boost));
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return in.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private boolean stop() {
        if (deadline.reached()) {
            deadline.cutShort();
            return true;
        }
        return false;
    }

    private final class LimitedWeight extends Weight {
        private final Weight inner;

        LimitedWeight(Query query, Weight inner) {
            super(query);
            this.inner = inner;
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            Scorer s = inner.scorer(context);
            return s == null ? null : new LimitedScorer(this, s);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier s = inner.scorerSupplier(context);
            if (s == null) {
                return null;
            }
            Weight self = this;
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    return new LimitedScorer(self, s.get(leadCost));
                }

                @Override
                public long cost() {
                    return s.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    s.setTopLevelScoringClause();
                }
            };
        }

        /** The inner bulk scorer (which may be faster than iterating), run in windows with a look at the clock between them. */
        @Override
        public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
            BulkScorer b = inner.bulkScorer(context);
            if (b == null) {
                return null;
            }
            return new BulkScorer() {
                @Override
                public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                    int next = min;
                    while (next < max) {
                        if (stop()) {
                            return DocIdSetIterator.NO_MORE_DOCS;
                        }
                        int windowEnd = (int) Math.min(max, (long) next + WINDOW);
                        next = b.score(collector, acceptDocs, next, windowEnd);
                    }
                    return next;
                }

                @Override
                public long cost() {
                    return b.cost();
                }
            };
        }

        @Override
        public int count(LeafReaderContext context) throws IOException {
            return inner.count(context);
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            return inner.matches(context, doc);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            return inner.explain(context, doc);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }
    }

    /** The inner scorer whose iteration ends once the deadline has passed. */
    private final class LimitedScorer extends Scorer {
        private final Scorer inner;
        private final LimitedIterator approximation;
        private final TwoPhaseIterator twoPhase;
        private final DocIdSetIterator iterator;

        LimitedScorer(Weight weight, Scorer inner) {
            super(weight);
            this.inner = inner;
            TwoPhaseIterator innerTwoPhase = inner.twoPhaseIterator();
            if (innerTwoPhase == null) {
                approximation = new LimitedIterator(inner.iterator());
                twoPhase = null;
                iterator = approximation;
            } else {
                approximation = new LimitedIterator(innerTwoPhase.approximation());
                twoPhase = new TwoPhaseIterator(approximation) {
                    @Override
                    public boolean matches() throws IOException {
                        return innerTwoPhase.matches();
                    }

                    @Override
                    public float matchCost() {
                        return innerTwoPhase.matchCost();
                    }
                };
                iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
            }
        }

        @Override
        public int docID() {
            return approximation.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float score() throws IOException {
            return inner.score();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return inner.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return inner.getMaxScore(upTo);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            inner.setMinCompetitiveScore(minScore);
        }

        @Override
        public Collection<ChildScorable> getChildren() throws IOException {
            return inner.getChildren();
        }
    }

    private final class LimitedIterator extends DocIdSetIterator {
        private final DocIdSetIterator in;
        private int doc = -1;
        private int steps;

        LimitedIterator(DocIdSetIterator in) {
            this.in = in;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() throws IOException {
            return doc = timeUp() ? NO_MORE_DOCS : in.nextDoc();
        }

        @Override
        public int advance(int target) throws IOException {
            return doc = timeUp() ? NO_MORE_DOCS : in.advance(target);
        }

        private boolean timeUp() {
            return doc == NO_MORE_DOCS || (steps++ % CHECK_EVERY == 0 && stop());
        }

        @Override
        public long cost() {
            return in.cost();
        }
    }
}
