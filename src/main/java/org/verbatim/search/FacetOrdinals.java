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
 * <p>Built once per reader (a few ordinals per facet value an interview has; about 16 bytes per
 * interview and value), it gives exactly what {@code SortedSetDocValuesFacetCounts} would.
 */
final class FacetOrdinals {

    /** Below about this many interviews to count, a second thread costs more than it saves. */
    static final long PARALLEL_FROM = 5_000;

    private final SortedSetDocValuesReaderState state;
    /** Labels by global ordinal, looked up the first time a count shows them. */
    private final String[] labels;
    private final Leaf[] leaves;
    private final int[] all;
    private final long liveInterviews;

    /** One segment: its interview documents in order, and where each one's ordinals start. */
    private record Leaf(int[] docs, int[] starts, int[] ords, Bits live) {
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
        return new Leaf(docs, starts, java.util.Arrays.copyOf(ords, used), ctx.reader().getLiveDocs());
    }

    private static void add(Leaf leaf, int i, int[] counts, int delta) {
        for (int j = leaf.starts[i], end = leaf.starts[i + 1]; j < end; j++) {
            counts[leaf.ords[j]] += delta;
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
        BitSet[] bits = new BitSet[leaves.length];
        long total = 0;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            bits[md.context.ord] = ((BitDocIdSet) md.bits).bits();
            total += md.totalHits;
        }
        // Most interviews match: take those that do not away from the whole archive's counts.
        boolean complement = total * 2 > liveInterviews;
        int split = half();
        int[] counts;
        if (executor == null || split <= 0 || split >= leaves.length || (complement ? liveInterviews - total : total) < parallelFrom) {
            counts = tally(bits, complement, 0, leaves.length);
        } else {
            java.util.concurrent.Future<int[]> first = executor.submit(() -> tally(bits, complement, 0, split));
            counts = tally(bits, complement, split, leaves.length);
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
                counts[i] = all[i] - counts[i];
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
     * of the live interviews not in them.
     */
    private int[] tally(BitSet[] bits, boolean complement, int from, int to) {
        int[] counts = new int[all.length];
        for (int l = from; l < to; l++) {
            Leaf leaf = leaves[l];
            BitSet in = bits[l];
            if (!complement && in == null) {
                continue;
            }
            for (int i = 0; i < leaf.docs.length; i++) {
                int doc = leaf.docs[i];
                boolean hit = in != null && in.get(doc);
                if (complement ? !hit && (leaf.live == null || leaf.live.get(doc)) : hit) {
                    add(leaf, i, counts, 1);
                }
            }
        }
        return counts;
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
