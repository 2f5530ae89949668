package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.FixedBitSet;
import org.verbatim.enrich.AnswerPassages;
import org.verbatim.index.Schema;

/**
 * Answers found by meaning, alone or fused with the keyword ranking (reciprocal rank fusion). Each
 * answer passage has a vector ({@link Schema#ANSWER_VECTOR}); a pair is as close to the query as its
 * closest passage. The nearest {@link #NEIGHBOURS} pairs by meaning and the best {@link #KEYWORD_PAIRS}
 * pairs by BM25 are fused by rank ({@code 1 / (60 + rank)} summed), grouped by interview in the order of
 * each interview's best pair, and filtered and counted by facet as keyword search does: the candidate
 * interviews are the ones counted, with multi-select counts for each filtered dimension.
 */
final class MeaningSearch {

    /** Pairs taken from the nearest-neighbour search (per passage field, then merged). */
    static final int NEIGHBOURS = 100;
    /** Pairs taken from the keyword ranking. */
    static final int KEYWORD_PAIRS = 1000;
    /** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
    static final int RRF_K = 60;

    /** A pair found, with its fused score and, when found by meaning, its closest passage. */
    record FoundPair(int doc, double score, int passage) {
    }

    /** Interviews in rank order with their pairs, and what their facets are counted over. */
    record Result(List<Integer> interviews, Map<Integer, List<FoundPair>> pairs, FacetsCollector hits,
                  Map<String, FacetsCollector> sideways, long answers) {
    }

    private final IndexSearcher searcher;
    private final BitSetProducer parents;

    MeaningSearch(IndexSearcher searcher, BitSetProducer parents) {
        this.searcher = searcher;
        this.parents = parents;
    }

    /**
     * @param keyword    the pairs' keyword query ({@code null} for meaning alone)
     * @param vector     the query's unit vector ({@code null} for keywords alone)
     * @param dates      the interviews' date range, or {@code null}
     * @param dimFilters per facet dimension, the query an interview must match to pass that dimension's filter
     */
    Result search(Query keyword, float[] vector, Query dates, Map<String, Query> dimFilters) throws IOException {
        Query pairs = pairsWithin(dates);
        Map<Integer, Double> fused = new HashMap<>();
        Map<Integer, Integer> passage = new HashMap<>();
        if (keyword != null) {
            Query q = new BooleanQuery.Builder().add(keyword, BooleanClause.Occur.MUST).add(pairs, BooleanClause.Occur.FILTER).build();
            ScoreDoc[] top = searcher.search(q, KEYWORD_PAIRS).scoreDocs;
            for (int rank = 0; rank < top.length; rank++) {
                fused.merge(top[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        if (vector != null) {
            Map<Integer, Float> closest = new HashMap<>();
            for (int i = 0; i < AnswerPassages.MAX; i++) {
                for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(Schema.answerVectorField(i), vector, NEIGHBOURS, pairs), NEIGHBOURS).scoreDocs) {
                    Float before = closest.get(sd.doc);
                    if (before == null || sd.score > before) {
                        closest.put(sd.doc, sd.score);
                        passage.put(sd.doc, i);
                    }
                }
            }
            List<Map.Entry<Integer, Float>> ranked = new ArrayList<>(closest.entrySet());
            ranked.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                    : Float.compare(b.getValue(), a.getValue()));
            for (int rank = 0; rank < Math.min(NEIGHBOURS, ranked.size()); rank++) {
                fused.merge(ranked.get(rank).getKey(), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        List<FoundPair> found = new ArrayList<>(fused.size());
        fused.forEach((doc, score) -> found.add(new FoundPair(doc, score, passage.getOrDefault(doc, -1))));
        found.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
        Map<Integer, List<FoundPair>> byInterview = new LinkedHashMap<>();
        for (FoundPair p : found) {
            byInterview.computeIfAbsent(parentOf(p.doc()), k -> new ArrayList<>()).add(p);
        }
        return filtered(byInterview, dimFilters);
    }

    /** Pairs, of interviews within the date range when there is one. */
    private Query pairsWithin(Query dates) {
        if (dates == null) {
            return Schema.pairsQuery();
        }
        Query interviews = new BooleanQuery.Builder().add(Schema.interviewsQuery(), BooleanClause.Occur.FILTER)
                .add(dates, BooleanClause.Occur.FILTER).build();
        return new BooleanQuery.Builder().add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(new ToChildBlockJoinQuery(interviews, parents), BooleanClause.Occur.FILTER).build();
    }

    private int parentOf(int pairDoc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(pairDoc, leaves));
        BitSet bits = parents.getBitSet(leaf);
        return leaf.docBase + bits.nextSetBit(pairDoc - leaf.docBase);
    }

    /**
     * Applies the facet filters to the candidate interviews: those passing every filter are the result;
     * those failing only dimension d's filter are also counted for d, so its other values keep their counts.
     */
    private Result filtered(Map<Integer, List<FoundPair>> candidates, Map<String, Query> dimFilters) throws IOException {
        List<String> dims = new ArrayList<>(dimFilters.keySet());
        int[] docs = candidates.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] failedAt = new int[docs.length];
        Arrays.fill(failedAt, -1);
        boolean[] rejected = new boolean[docs.length];
        for (int d = 0; d < dims.size(); d++) {
            boolean[] passes = matching(dimFilters.get(dims.get(d)), docs);
            for (int i = 0; i < docs.length; i++) {
                if (!passes[i]) {
                    if (failedAt[i] >= 0) {
                        rejected[i] = true;
                    }
                    failedAt[i] = d;
                }
            }
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[] hits = new FixedBitSet[leaves.size()];
        FixedBitSet[][] side = new FixedBitSet[dims.size()][leaves.size()];
        long answers = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            if (rejected[i]) {
                continue;
            }
            int leafIndex = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int local = docs[i] - leaf.docBase;
            for (int d = 0; d < dims.size(); d++) {
                if (failedAt[i] < 0 || failedAt[i] == d) {
                    bits(side[d], leafIndex, leaf).set(local);
                }
            }
            if (failedAt[i] < 0) {
                bits(hits, leafIndex, leaf).set(local);
            }
        }
        for (Map.Entry<Integer, List<FoundPair>> e : candidates.entrySet()) {
            int i = Arrays.binarySearch(docs, e.getKey());
            if (!rejected[i] && failedAt[i] < 0) {
                order.add(e.getKey());
                answers += e.getValue().size();
            }
        }
        Map<String, FacetsCollector> sideways = new LinkedHashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            sideways.put(dims.get(d), collected(side[d], leaves));
        }
        Map<Integer, List<FoundPair>> pairs = new LinkedHashMap<>();
        for (int doc : order) {
            pairs.put(doc, candidates.get(doc));
        }
        return new Result(order, pairs, collected(hits, leaves), sideways, answers);
    }

    private static FixedBitSet bits(FixedBitSet[] perLeaf, int leafIndex, LeafReaderContext leaf) {
        if (perLeaf[leafIndex] == null) {
            perLeaf[leafIndex] = new FixedBitSet(leaf.reader().maxDoc());
        }
        return perLeaf[leafIndex];
    }

    private static FacetsCollector collected(FixedBitSet[] perLeaf, List<LeafReaderContext> leaves) {
        List<FacetsCollector.MatchingDocs> docs = new ArrayList<>();
        for (int i = 0; i < perLeaf.length; i++) {
            if (perLeaf[i] != null) {
                int n = perLeaf[i].cardinality();
                docs.add(new FacetsCollector.MatchingDocs(leaves.get(i), new BitDocIdSet(perLeaf[i], n), n, null));
            }
        }
        return new InterviewJoin.Collected(docs);
    }

    /** Which of the sorted {@code docs} the filter matches. */
    private boolean[] matching(Query filter, int[] docs) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        boolean[] out = new boolean[docs.length];
        LeafReaderContext leaf = null;
        DocIdSetIterator it = null;
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            if (at != leaf) {
                leaf = at;
                Scorer s = w.scorer(leaf);
                it = s == null ? null : s.iterator();
            }
            if (it == null) {
                continue;
            }
            int local = docs[i] - leaf.docBase;
            int d = it.docID() < local ? it.advance(local) : it.docID();
            out[i] = d == local;
        }
        return out;
    }
}
