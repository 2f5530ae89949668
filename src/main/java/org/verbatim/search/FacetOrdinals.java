package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.PriorityQueue;

/**
 * The facet values of every interview in memory, as global ordinals, for one reader: counting the
 * interviews of a search then reads plain arrays instead of doc values. When a search matches most
 * interviews, the counts are those of the whole archive less the interviews it did not match, so a
 * query that matches everything costs little more than one that matches little.
 *
 * <p>A dimension whose interviews carry many values each, from a small set (skills, question groups),
 * also has one bit set per value over each segment's interviews. When a search matches many
 * interviews, those dimensions are counted a value at a time, as the matching interviews' bits and-ed
 * with the value's, instead of an interview at a time: the cost then follows the number of values, not
 * of matches. Which way is cheaper is decided per search from the counts involved.
 *
 * <p>Built once per reader (about 16 bytes per interview and value, and one bit per interview and
 * value of the dense dimensions), it gives exactly what {@code SortedSetDocValuesFacetCounts} would.
 */
final class FacetOrdinals {

    /** Below about this many interviews to count, a second thread costs more than it saves. */
    static final long PARALLEL_FROM = 5_000;

    /** A dimension is counted by value bits only with at most this many values ... */
    static final int DENSE_MAX_VALUES = 1024;
    /** ... and at least this many values per interview on average. */
    static final double DENSE_MIN_PER_INTERVIEW = 2;

    /** With fewer hits than one per this many interviews of a segment, each hit is looked up (a binary search) instead. */
    static final int FEW_HITS_PER_INTERVIEW = 32;

    /** How a count treats the dense dimensions: by cost, or always one way (for tests). */
    enum Strategy { BY_COST, ORDINALS, VALUE_BITS }

    private final SortedSetDocValuesReaderState state;
    /** Labels by global ordinal, looked up the first time a count shows them. */
    private final String[] labels;
    private final Leaf[] leaves;
    private final int[] all;
    private final long liveInterviews;
    /** The global ordinals of the dense dimensions' values, and for every ordinal its index among them or -1. */
    private final int[] denseOrds;
    private final int[] denseIndex;
    /** Ordinals per interview: of every dimension, and of the others than the dense ones. */
    private final double perInterview;
    private final double sparsePerInterview;
    /** Interview documents, deleted or not. */
    private final long interviews;

    /**
     * One segment: its interview documents in order, where each one's ordinals start, and the same for
     * the ordinals of the dimensions that are not dense; and per dense value, the bits of its interviews.
     */
    private record Leaf(int[] docs, int[] starts, int[] ords, Bits live, int[] sparseStarts, int[] sparseOrds, long[][] valueBits) {

        Leaf withDense(int[] denseIndex, int denseValues) {
            int n = docs.length;
            int[] sStarts = new int[n + 1];
            int[] sOrds = new int[ords.length];
            long[][] bits = new long[denseValues][];
            int used = 0;
            for (int i = 0; i < n; i++) {
                sStarts[i] = used;
                for (int j = starts[i]; j < starts[i + 1]; j++) {
                    int k = denseIndex[ords[j]];
                    if (k < 0) {
                        sOrds[used++] = ords[j];
                    } else {
                        if (bits[k] == null) {
                            bits[k] = new long[(n + 63) >>> 6];
                        }
                        bits[k][i >>> 6] |= 1L << i;
                    }
                }
            }
            sStarts[n] = used;
            return new Leaf(docs, starts, ords, live, sStarts, java.util.Arrays.copyOf(sOrds, used), bits);
        }
    }

    FacetOrdinals(SortedSetDocValuesReaderState state, BitSetProducer parents) throws IOException {
        this.state = state;
        IndexReader reader = state.getReader();
        SortedSetDocValues top = state.getDocValues();
        OrdinalMap map = top instanceof MultiDocValues.MultiSortedSetDocValues m ? m.mapping : null;
        List<LeafReaderContext> contexts = reader.leaves();
        leaves = new Leaf[contexts.size()];
        all = new int[state.getSize()];
        labels = new String[state.getSize()];
        long live = 0;
        for (LeafReaderContext ctx : contexts) {
            Leaf leaf = load(ctx, state.getField(), parents, map == null ? LongValues.IDENTITY : map.getGlobalOrds(ctx.ord));
            leaves[ctx.ord] = leaf;
            for (int i = 0; i < leaf.docs.length; i++) {
                if (leaf.live == null || leaf.live.get(leaf.docs[i])) {
                    live++;
                    add(leaf, i, all, 1);
                }
            }
        }
        liveInterviews = live;
        // Dense dimensions: few values, many of them per interview.
        int[] index = new int[all.length];
        java.util.Arrays.fill(index, -1);
        int dense = 0;
        long ordsOfAll = 0;
        long ordsOfDense = 0;
        for (String dim : state.getDims()) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            long sum = 0;
            for (int ord = range.start; ord <= range.end; ord++) {
                sum += all[ord];
            }
            ordsOfAll += sum;
            int values = range.end - range.start + 1;
            if (live > 0 && values <= DENSE_MAX_VALUES && sum >= DENSE_MIN_PER_INTERVIEW * live) {
                ordsOfDense += sum;
                for (int ord = range.start; ord <= range.end; ord++) {
                    index[ord] = dense++;
                }
            }
        }
        denseIndex = index;
        denseOrds = new int[dense];
        for (int ord = 0; ord < index.length; ord++) {
            if (index[ord] >= 0) {
                denseOrds[index[ord]] = ord;
            }
        }
        interviews = java.util.Arrays.stream(leaves).mapToLong(l -> l.docs.length).sum();
        perInterview = live == 0 ? 0 : (double) ordsOfAll / live;
        sparsePerInterview = live == 0 ? 0 : (double) (ordsOfAll - ordsOfDense) / live;
        if (dense > 0) {
            for (int l = 0; l < leaves.length; l++) {
                leaves[l] = leaves[l].withDense(denseIndex, dense);
            }
        }
    }

    private static Leaf load(LeafReaderContext ctx, String field, BitSetProducer parents, LongValues toGlobal) throws IOException {
        BitSet parentBits = parents.getBitSet(ctx);
        int n = parentBits == null ? 0 : parentBits.cardinality();
        int[] docs = new int[n];
        int[] starts = new int[n + 1];
        int[] ords = new int[Math.max(16, n * 8)];
        SortedSetDocValues dv = DocValues.getSortedSet(ctx.reader(), field);
        int k = 0;
        int used = 0;
        if (parentBits != null) {
            for (int doc = parentBits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = doc + 1 < parentBits.length() ? parentBits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                docs[k] = doc;
                starts[k] = used;
                if (dv.advanceExact(doc)) {
                    int count = dv.docValueCount();
                    if (used + count > ords.length) {
                        ords = java.util.Arrays.copyOf(ords, Math.max(used + count, ords.length * 2));
                    }
                    for (int i = 0; i < count; i++) {
                        ords[used++] = (int) toGlobal.get(dv.nextOrd());
                    }
                }
                k++;
            }
        }
        starts[k] = used;
        return new Leaf(docs, starts, java.util.Arrays.copyOf(ords, used), ctx.reader().getLiveDocs(), null, null, null);
    }

    private static void add(Leaf leaf, int i, int[] counts, int delta) {
        for (int j = leaf.starts[i], end = leaf.starts[i + 1]; j < end; j++) {
            counts[leaf.ords[j]] += delta;
        }
    }

    private static void addSparse(Leaf leaf, int i, int[] counts) {
        for (int j = leaf.sparseStarts[i], end = leaf.sparseStarts[i + 1]; j < end; j++) {
            counts[leaf.sparseOrds[j]]++;
        }
    }

    boolean isFor(SortedSetDocValuesReaderState s) {
        return s == state;
    }

    /**
     * Counts of the interviews in {@code hits}; with an executor and at least {@code parallelFrom}
     * interviews to count, the segments are split in two halves counted side by side.
     */
    Facets count(FacetsCollector hits, java.util.concurrent.ExecutorService executor, long parallelFrom) {
        return count(hits, executor, parallelFrom, Strategy.BY_COST);
    }

    Facets count(FacetsCollector hits, java.util.concurrent.ExecutorService executor, long parallelFrom, Strategy strategy) {
        BitSet[] bits = new BitSet[leaves.length];
        long[] hitsInLeaf = new long[leaves.length];
        long total = 0;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            bits[md.context.ord] = ((BitDocIdSet) md.bits).bits();
            hitsInLeaf[md.context.ord] = md.totalHits;
            total += md.totalHits;
        }
        // Most interviews match: take those that do not away from the whole archive's counts.
        boolean complement = total * 2 > liveInterviews;
        long visited = complement ? liveInterviews - total : total;
        boolean byValue = denseOrds.length > 0 && switch (strategy) {
            case ORDINALS -> false;
            case VALUE_BITS -> true;
            // One and-ed word of bits per 64 interviews and dense value, against an increment per ordinal visited.
            case BY_COST -> visited * sparsePerInterview + (double) denseOrds.length * (interviews >>> 6) + interviews
                    < visited * perInterview;
        };
        int split = half();
        int[] counts;
        if (executor == null || split <= 0 || split >= leaves.length || visited < parallelFrom) {
            counts = tally(bits, hitsInLeaf, complement, byValue, 0, leaves.length);
        } else {
            java.util.concurrent.Future<int[]> first = executor.submit(() -> tally(bits, hitsInLeaf, complement, byValue, 0, split));
            counts = tally(bits, hitsInLeaf, complement, byValue, split, leaves.length);
            int[] other;
            try {
                other = first.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("facet counting was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("facet counting failed", e.getCause());
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other[i];
            }
        }
        if (complement) {
            for (int i = 0; i < counts.length; i++) {
                if (!byValue || denseIndex[i] < 0) {
                    counts[i] = all[i] - counts[i];
                }
            }
        }
        return new Counts(counts);
    }


    /** The first segment of the second half, so that both halves hold about as many interviews. */
    private int half() {
        long total = 0;
        for (Leaf leaf : leaves) {
            total += leaf.docs.length;
        }
        long sum = 0;
        for (int l = 0; l < leaves.length; l++) {
            sum += leaves[l].docs.length;
            if (sum * 2 >= total) {
                return l + 1;
            }
        }
        return leaves.length;
    }

    /**
     * Counts over the segments {@code [from, to)}: of the interviews in the hits, or with {@code complement},
     * of the live interviews not in them. With {@code byValue}, the dense dimensions are counted from their
     * value bits, always of the interviews in the hits.
     */
    private int[] tally(BitSet[] bits, long[] hitsInLeaf, boolean complement, boolean byValue, int from, int to) {
        int[] counts = new int[all.length];
        for (int l = from; l < to; l++) {
            Leaf leaf = leaves[l];
            BitSet in = bits[l];
            if (!complement && in == null) {
                continue;
            }
            long[] hitBits = byValue && in != null ? new long[(leaf.docs.length + 63) >>> 6] : null;
            if (!complement && hitsInLeaf[l] * FEW_HITS_PER_INTERVIEW < leaf.docs.length) {
                // Few hits: find each one among the segment's interviews instead of looking at them all.
                int i = 0;
                for (int doc = in.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                     doc = doc + 1 < in.length() ? in.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    int at = java.util.Arrays.binarySearch(leaf.docs, i, leaf.docs.length, doc);
                    if (at < 0) {
                        i = -at - 1; // not an interview document: nothing to count
                        continue;
                    }
                    i = at;
                    if (leaf.live == null || leaf.live.get(doc)) {
                        count(leaf, i, hitBits, byValue, counts);
                    }
                }
            } else {
                for (int i = 0; i < leaf.docs.length; i++) {
                    int doc = leaf.docs[i];
                    boolean hit = in != null && in.get(doc) && (leaf.live == null || leaf.live.get(doc));
                    if (hit && hitBits != null) {
                        hitBits[i >>> 6] |= 1L << i;
                    }
                    if (complement ? !hit && (leaf.live == null || leaf.live.get(doc)) : hit) {
                        if (byValue) {
                            addSparse(leaf, i, counts);
                        } else {
                            add(leaf, i, counts, 1);
                        }
                    }
                }
            }
            if (hitBits != null) {
                for (int k = 0; k < denseOrds.length; k++) {
                    long[] value = leaf.valueBits[k];
                    if (value != null) {
                        int c = 0;
                        for (int w = 0; w < value.length; w++) {
                            c += Long.bitCount(value[w] & hitBits[w]);
                        }
                        counts[denseOrds[k]] += c;
                    }
                }
            }
        }
        return counts;
    }

    /** Counts the {@code i}-th interview of the leaf, a hit. */
    private static void count(Leaf leaf, int i, long[] hitBits, boolean byValue, int[] counts) {
        if (hitBits != null) {
            hitBits[i >>> 6] |= 1L << i;
        }
        if (byValue) {
            addSparse(leaf, i, counts);
        } else {
            add(leaf, i, counts, 1);
        }
    }

    /**
     * A value's label. Doc values are opened only for a label not yet seen (they are not shared between
     * threads); a label is an immutable string, so two threads filling the same slot store equal values.
     */
    private String label(int ord) throws IOException {
        String label = labels[ord];
        if (label == null) {
            String[] parts = FacetsConfig.stringToPath(state.getDocValues().lookupOrd(ord).utf8ToString());
            label = parts[parts.length - 1];
            labels[ord] = label;
        }
        return label;
    }

    /** Top values per dimension from counts by global ordinal: most first, ties in ordinal (label) order. */
    private final class Counts extends Facets {
        private final int[] counts;

        Counts(int[] counts) {
            this.counts = counts;
        }

        @Override
        public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
            validateTopN(topN);
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            if (range == null) {
                throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
            }
            int sum = 0;
            int childCount = 0;
            for (int ord = range.start; ord <= range.end; ord++) {
                if (counts[ord] > 0) {
                    sum += counts[ord];
                    childCount++;
                }
            }
            if (childCount == 0) {
                return null;
            }
            PriorityQueue<int[]> best = new PriorityQueue<>(Math.min(topN, childCount)) {
                @Override
                protected boolean lessThan(int[] a, int[] b) {
                    return a[1] != b[1] ? a[1] < b[1] : a[0] > b[0];
                }
            };
            int size = Math.min(topN, childCount);
            for (int ord = range.start; ord <= range.end; ord++) {
                int c = counts[ord];
                if (c > 0 && (best.size() < size || c > best.top()[1])) {
                    // Ordinals come in increasing order, so on a tie the one already kept wins.
                    best.insertWithOverflow(new int[] {ord, c});
                }
            }
            LabelAndValue[] out = new LabelAndValue[best.size()];
            for (int i = out.length - 1; i >= 0; i--) {
                int[] e = best.pop();
                out[i] = new LabelAndValue(label(e[0]), e[1]);
            }
            return new FacetResult(dim, path, sum, out, childCount);
        }

        @Override
        public FacetResult getAllChildren(String dim, String... path) throws IOException {
            return getTopChildren(Integer.MAX_VALUE - 1, dim, path);
        }

        @Override
        public Number getSpecificValue(String dim, String... path) {
            throw new UnsupportedOperationException("only top values are read from these counts");
        }

        @Override
        public List<FacetResult> getAllDims(int topN) throws IOException {
            List<FacetResult> out = new ArrayList<>();
            for (String dim : state.getDims()) {
                FacetResult r = getTopChildren(topN, dim);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
    }
}
