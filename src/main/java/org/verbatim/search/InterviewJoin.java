package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.PriorityQueue;

/**
 * Interviews whose pairs match a query, found in one forward pass over the matching pairs. The pass
 * gives, together, what a block join, a drill-sideways facet search and a separate answer count would
 * each have to evaluate the query again for:
 * <ul>
 *   <li>the best interviews by the score of their best pair (as a block join with {@code ScoreMode.Max}),
 *       ties going to the earlier document;</li>
 *   <li>the interviews that pass every filter, for facet counts, and for each filtered dimension the
 *       interviews that pass every filter but that one (multi-select facets, as {@code DrillSideways});</li>
 *   <li>the number of matching pairs in interviews that pass every filter.</li>
 * </ul>
 * The pairs of an interview that a filter already rules out are skipped, not matched.
 */
final class InterviewJoin {

    /** What one pass found. {@code sideways} holds, per filtered dimension, the interviews to count it over. */
    record Result(TopDocs top, FacetsCollector hits, Map<String, FacetsCollector> sideways, long answers) {
    }

    /**
     * Below about this many candidate pairs, handing segments to other threads costs more than it saves,
     * and the search runs on the request's own thread.
     */
    static final long PARALLEL_FROM = 20_000;
    private final long parallelFrom;

    /** Matches between two looks at the clock (the pass checks the deadline itself rather than wrapping the query). */
    private static final int CHECK_CLOCK_EVERY = 256;
    private static final int REJECTED = -2;
    private static final int PASSES = -1;

    private final IndexSearcher searcher;
    private final BitSetProducer parents;
    private final BitSetProducer pairDocs;
    private final java.util.concurrent.ExecutorService executor;
    private Deadline deadline;

    /**
     * @param parents  the interview documents
     * @param pairDocs the pair documents: a bit set is checked per match, where a conjunction with the
     *                 pairs query would decode its long postings list on every search
     */
    /** @param parallelFrom the estimated pairs from which segments run on the executor ({@link #PARALLEL_FROM}) */
    InterviewJoin(IndexSearcher searcher, BitSetProducer parents, BitSetProducer pairDocs,
                  java.util.concurrent.ExecutorService executor, long parallelFrom) {
        this.parallelFrom = parallelFrom;
        this.searcher = searcher;
        this.parents = parents;
        this.pairDocs = pairDocs;
        this.executor = executor;
    }

    /**
     * @param pairQuery  what a pair must match
     * @param deadline   when to stop matching: the pass then ends as if there were no more pairs, and says so
     * @param required   what an interview must match besides the facet filters (a date range), or {@code null}
     * @param dimFilters per facet dimension, the query an interview must match to pass that dimension's filter
     * @param topN       how many of the best interviews to keep
     */
    Result search(Query pairQuery, Deadline deadline, Query required, Map<String, Query> dimFilters, int topN) throws IOException {
        this.deadline = deadline;
        // Top scores: every match is still visited (no minimum score is ever set), but the scorer can bound the
        // scores of a block of pairs, so pairs that cannot lift their interview into the best are not scored.
        Weight pairWeight = searcher.createWeight(searcher.rewrite(pairQuery), ScoreMode.TOP_SCORES, 1f);
        Weight requiredWeight = required == null ? null
                : searcher.createWeight(searcher.rewrite(required), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<String> dims = new ArrayList<>(dimFilters.keySet());
        Weight[] dimWeights = new Weight[dims.size()];
        for (int i = 0; i < dimWeights.length; i++) {
            dimWeights[i] = searcher.createWeight(searcher.rewrite(dimFilters.get(dims.get(i))), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }

        int keep = Math.max(1, topN);
        List<Leaf> done = run(pairWeight, requiredWeight, dimWeights, keep);
        List<ScoreDoc> kept = new ArrayList<>();
        List<FacetsCollector.MatchingDocs> hits = new ArrayList<>();
        List<List<FacetsCollector.MatchingDocs>> side = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            side.add(new ArrayList<>());
        }
        long answers = 0;
        long totalHits = 0;
        for (Leaf l : done) {
            LeafReaderContext leaf = l.leaf;
            kept.addAll(java.util.Arrays.asList(l.best.drain()));
            answers += l.answers;
            totalHits += l.hitCount;
            hits.add(new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(l.hits, l.hitCount), l.hitCount, null));
            for (int i = 0; i < dims.size(); i++) {
                side.get(i).add(new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(l.sideways[i], l.sidewaysCount[i]),
                        l.sidewaysCount[i], null));
            }
        }
        Map<String, FacetsCollector> sideways = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            sideways.put(dims.get(i), new Collected(side.get(i)));
        }
        // Each segment kept its own best; the best of those, on equal scores the earlier document first.
        kept.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        ScoreDoc[] top = kept.subList(0, Math.min(keep, kept.size())).toArray(new ScoreDoc[0]);
        return new Result(new TopDocs(new TotalHits(totalHits, TotalHits.Relation.EQUAL_TO), top), new Collected(hits), sideways, answers);
    }

    /** Runs every segment's pass, on the executor when there is one; returns the segments with matches, in order. */
    private List<Leaf> run(Weight pairWeight, Weight requiredWeight, Weight[] dimWeights, int keep) throws IOException {
        List<Leaf> leaves = new ArrayList<>();
        long cost = 0;
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Leaf l = new Leaf(ctx, parents, pairDocs, pairWeight, requiredWeight, dimWeights, new Best(keep), deadline);
            leaves.add(l);
            cost += l.cost();
        }
        boolean[] matched = new boolean[leaves.size()];
        if (executor == null || leaves.size() < 2 || cost < parallelFrom) {
            for (int i = 0; i < leaves.size(); i++) {
                matched[i] = leaves.get(i).run();
            }
        } else {
            List<java.util.concurrent.Future<Boolean>> futures = new ArrayList<>();
            for (Leaf l : leaves) {
                futures.add(executor.submit(l::run));
            }
            try {
                for (int i = 0; i < futures.size(); i++) {
                    matched[i] = futures.get(i).get();
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the search was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }
        List<Leaf> out = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            if (matched[i]) {
                out.add(leaves.get(i));
            }
        }
        return out;
    }

    /** One segment's pass. */
    private static final class Leaf {
        private final LeafReaderContext leaf;
        private final BitSetProducer parents;
        private final BitSetProducer pairDocs;
        private final Weight pairWeight;
        private final Weight requiredWeight;
        private final Weight[] dimWeights;
        /** This segment's best interviews: a segment bounds scores against its own, so segments run apart. */
        final Best best;
        /** {@code best.threshold()}, which changes only when an interview is offered. */
        private float threshold = Float.NEGATIVE_INFINITY;
        private final Deadline deadline;
        FixedBitSet hits;
        FixedBitSet[] sideways;
        int hitCount;
        int[] sidewaysCount;
        long answers;

        private DocIdSetIterator required;
        private DocIdSetIterator[] dims;
        private Bits live;

        Leaf(LeafReaderContext leaf, BitSetProducer parents, BitSetProducer pairDocs, Weight pairWeight, Weight requiredWeight,
             Weight[] dimWeights, Best best, Deadline deadline) {
            this.leaf = leaf;
            this.best = best;
            this.deadline = deadline;
            this.parents = parents;
            this.pairDocs = pairDocs;
            this.pairWeight = pairWeight;
            this.requiredWeight = requiredWeight;
            this.dimWeights = dimWeights;
        }

        /** Returns false when nothing in this segment can match. */
        private org.apache.lucene.search.ScorerSupplier supplier;
        private boolean supplied;

        /** An estimate of the pairs this segment will look at (Lucene's cost, before any scorer is built). */
        long cost() throws IOException {
            if (!supplied) {
                supplier = pairWeight.scorerSupplier(leaf);
                supplied = true;
            }
            return supplier == null ? 0 : supplier.cost();
        }

        boolean run() throws IOException {
            cost();
            Scorer scorer = supplier == null ? null : supplier.get(Long.MAX_VALUE);
            if (scorer == null) {
                return false;
            }
            BitSet parentBits = parents.getBitSet(leaf);
            BitSet pairBits = pairDocs.getBitSet(leaf);
            if (parentBits == null || pairBits == null) {
                return false;
            }
            if (requiredWeight != null) {
                required = iterator(requiredWeight.scorer(leaf));
                if (required == null) {
                    return false;
                }
            }
            dims = new DocIdSetIterator[dimWeights.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = iterator(dimWeights[i].scorer(leaf));
            }
            live = leaf.reader().getLiveDocs();
            int maxDoc = leaf.reader().maxDoc();
            hits = new FixedBitSet(maxDoc);
            sideways = new FixedBitSet[dims.length];
            sidewaysCount = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                sideways[i] = new FixedBitSet(maxDoc);
            }

            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            int parent = -1;
            int failed = REJECTED;
            boolean matched = false;
            float max = Float.NEGATIVE_INFINITY;
            int blockEnd = -1;
            float blockMax = Float.POSITIVE_INFINITY;
            int doc = approximation.nextDoc();
            int sinceClock = CHECK_CLOCK_EVERY - 1; // the first match looks at the clock
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                if (++sinceClock == CHECK_CLOCK_EVERY) {
                    sinceClock = 0;
                    if (deadline.reached()) {
                        deadline.cutShort();
                        break;
                    }
                }
                if (!pairBits.get(doc)) {
                    doc = approximation.nextDoc(); // an interview or question-group document, not a pair
                    continue;
                }
                if (doc > parent) {
                    if (matched) {
                        emit(parent, failed, max, best);
                    }
                    parent = parentBits.nextSetBit(doc);
                    if (parent == DocIdSetIterator.NO_MORE_DOCS) {
                        break; // pairs after the last interview document: not part of any block
                    }
                    failed = check(parent);
                    matched = false;
                    max = Float.NEGATIVE_INFINITY;
                    if (failed == REJECTED) {
                        // The filters rule this interview out: skip the rest of its pairs unmatched.
                        doc = parent + 1 < maxDoc ? approximation.advance(parent + 1) : DocIdSetIterator.NO_MORE_DOCS;
                        continue;
                    }
                }
                if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
                    matched = true;
                    if (failed == PASSES) {
                        answers++;
                        if (doc > blockEnd) {
                            blockEnd = scorer.advanceShallow(doc);
                            blockMax = scorer.getMaxScore(blockEnd);
                        }
                        // An interview enters the best only with a score above the lowest kept one (ties go to
                        // the earlier document), so a pair bounded by that score cannot change what is kept.
                        if (blockMax > threshold) {
                            max = Math.max(max, scorer.score());
                        }
                    }
                }
                doc = approximation.nextDoc();
            }
            if (matched) {
                emit(parent, failed, max, best);
            }
            return true;
        }

        /** {@link #PASSES}, the index of the only dimension whose filter the interview fails, or {@link #REJECTED}. */
        private int check(int parent) throws IOException {
            if (live != null && !live.get(parent)) {
                return REJECTED;
            }
            if (required != null && !at(required, parent)) {
                return REJECTED;
            }
            int failed = PASSES;
            for (int i = 0; i < dims.length; i++) {
                if (dims[i] == null || !at(dims[i], parent)) {
                    if (failed != PASSES) {
                        return REJECTED;
                    }
                    failed = i;
                }
            }
            return failed;
        }

        private void emit(int parent, int failed, float max, Best best) {
            if (failed == PASSES) {
                hits.set(parent);
                hitCount++;
                best.offer(leaf.docBase + parent, max);
                threshold = best.threshold();
                for (int i = 0; i < sideways.length; i++) {
                    sideways[i].set(parent);
                    sidewaysCount[i]++;
                }
            } else {
                sideways[failed].set(parent);
                sidewaysCount[failed]++;
            }
        }
    }

    private static boolean at(DocIdSetIterator it, int doc) throws IOException {
        int d = it.docID();
        if (d < doc) {
            d = it.advance(doc);
        }
        return d == doc;
    }

    private static DocIdSetIterator iterator(Scorer scorer) {
        if (scorer == null) {
            return null;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        return twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    /** The best {@code n} interviews by score; on equal scores the earlier document wins, as Lucene's collectors do. */
    private static final class Best extends PriorityQueue<ScoreDoc> {
        private final int max;

        Best(int n) {
            super(n);
            this.max = n;
        }

        @Override
        protected boolean lessThan(ScoreDoc a, ScoreDoc b) {
            return a.score != b.score ? a.score < b.score : a.doc > b.doc;
        }

        /** The score an interview must beat to be kept. */
        float threshold() {
            return size() < max ? Float.NEGATIVE_INFINITY : top().score;
        }

        void offer(int doc, float score) {
            if (size() < max) {
                add(new ScoreDoc(doc, score));
            } else if (score > top().score) {
                // (an interview none of whose pairs was scored has -Infinity and is never kept)
                ScoreDoc t = top();
                t.doc = doc;
                t.score = score;
                updateTop();
            }
        }

        ScoreDoc[] drain() {
            ScoreDoc[] out = new ScoreDoc[size()];
            for (int i = out.length - 1; i >= 0; i--) {
                out[i] = pop();
            }
            return out;
        }
    }

    /** Facet hits gathered by the pass rather than by a collector. */
    static final class Collected extends FacetsCollector {
        private final List<MatchingDocs> docs;

        Collected(List<MatchingDocs> docs) {
            this.docs = docs;
        }

        @Override
        public List<MatchingDocs> getMatchingDocs() {
            return docs;
        }
    }
}
