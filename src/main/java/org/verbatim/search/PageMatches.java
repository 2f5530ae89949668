package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BitSet;
import org.verbatim.index.Schema;

/**
 * The best matching pairs of each interview on a page of results, with highlighted snippets.
 *
 * <p>An interview's pairs are the block of documents just before its parent document, so the child query
 * is run once per page: one weight, one forward pass over each block, and one highlighting call for all
 * the pairs kept, instead of a search and a highlighter per interview.
 */
final class PageMatches {

    private static final Comparator<ScoredPair> BEST_FIRST =
            Comparator.comparingDouble(ScoredPair::score).reversed().thenComparingInt(ScoredPair::doc);

    private record ScoredPair(int doc, float score) {
    }

    private final IndexSearcher searcher;
    private final BitSetProducer parents;

    private final PageHighlighter highlighter;

    /** @param highlighter from {@link #highlighter} for the same searcher, new for this page */
    PageMatches(IndexSearcher searcher, PageHighlighter highlighter, BitSetProducer parents) {
        this.searcher = searcher;
        this.highlighter = highlighter;
        this.parents = parents;
    }

    /** For each parent document (in the given order), up to {@code max} matching pairs, best first. */
    /**
     * @param matching    finds and scores the pairs (may be a faster equivalent of the query, see {@link PhraseFilters})
     * @param highlighted marks the words, as the user wrote the query
     */
    List<List<Match>> find(Query matching, Query highlighted, int[] parentDocs, int max) throws IOException {
        return matches(bestPairs(matching, parentDocs, Math.max(1, max)), highlighted, doc -> null);
    }

    /**
     * Matches for pairs chosen elsewhere (by meaning, say), each list in the order given, words of
     * {@code highlighted} marked; a pair without them shows {@code lead}'s text for it, or its beginning.
     */
    List<List<Match>> of(List<int[]> pairDocs, Query highlighted, java.util.function.IntFunction<String> lead) throws IOException {
        List<List<ScoredPair>> kept = new ArrayList<>();
        for (int[] docs : pairDocs) {
            List<ScoredPair> pairs = new ArrayList<>();
            for (int d : docs) {
                pairs.add(new ScoredPair(d, 0f));
            }
            kept.add(pairs);
        }
        return matches(kept, highlighted, lead);
    }

    private List<List<Match>> matches(List<List<ScoredPair>> kept, Query highlighted, java.util.function.IntFunction<String> lead)
            throws IOException {
        int total = kept.stream().mapToInt(List::size).sum();
        int[] ids = new int[total];
        int n = 0;
        for (List<ScoredPair> pairs : kept) {
            for (ScoredPair p : pairs) {
                ids[n++] = p.doc();
            }
        }
        Map<String, String[]> hl = ids.length == 0 || highlighted == null ? Map.of() : highlighter
                .highlightFields(new String[] {Schema.QUESTION, Schema.ANSWER}, highlighted, ids, new int[] {1, 2});
        List<List<Match>> out = new ArrayList<>(kept.size());
        n = 0;
        for (List<ScoredPair> pairs : kept) {
            List<Match> matches = new ArrayList<>(pairs.size());
            for (ScoredPair p : pairs) {
                Document d = highlighter.document(p.doc());
                String question = d.get(Schema.QUESTION);
                String answer = d.get(Schema.ANSWER);
                String qSnippet = hl.isEmpty() ? null : hl.get(Schema.QUESTION)[n];
                String aSnippet = hl.isEmpty() ? null : hl.get(Schema.ANSWER)[n];
                n++;
                String passage = lead.apply(p.doc());
                matches.add(new Match(Searcher.intField(d, Schema.PAIR_INDEX), question,
                        Snippets.toHtml(qSnippet != null ? qSnippet : Snippets.lead(question, 300)),
                        Snippets.toHtml(aSnippet != null ? aSnippet : Snippets.lead(passage != null ? passage : answer, 240)),
                        d.get(Schema.SPEAKER), Searcher.doubleField(d, Schema.START), d.get(Schema.QUESTION_GROUP)));
            }
            out.add(matches);
        }
        return out;
    }

    /** The highlighter for one page of snippets, sharing the searcher's merged field infos. */
    static PageHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer, FieldInfos merged) {
        return new PageHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withScorer(new LeanPassageScorer())
                .withFormatter(Snippets.formatter())
                .withMaxNoHighlightPassages(0)
                .withMaxLength(100_000), merged, true);
    }

    /** Walks each parent's block of pairs in doc-id order, so each segment's scorer only moves forward. */
    private List<List<ScoredPair>> bestPairs(Query childQuery, int[] parentDocs, int max) throws IOException {
        Query pairsOnly = new BooleanQuery.Builder()
                .add(childQuery, BooleanClause.Occur.MUST)
                .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER).build();
        Weight weight = searcher.createWeight(searcher.rewrite(pairsOnly), ScoreMode.COMPLETE, 1f);
        Integer[] order = new Integer[parentDocs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> parentDocs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<List<ScoredPair>> out = new ArrayList<>(java.util.Collections.nCopies(parentDocs.length, List.<ScoredPair>of()));
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        BitSet parentBits = null;
        for (int i : order) {
            int parent = parentDocs[i];
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(parent, leaves));
            if (at != leaf) {
                leaf = at;
                scorer = weight.scorer(leaf);
                parentBits = parents.getBitSet(leaf);
            }
            if (scorer == null || parentBits == null) {
                continue;
            }
            int local = parent - leaf.docBase;
            int first = local == 0 ? 0 : parentBits.prevSetBit(local - 1) + 1;
            out.set(i, block(scorer, leaf.docBase, first, local, max));
        }
        return out;
    }

    private static List<ScoredPair> block(Scorer scorer, int docBase, int first, int end, int max) throws IOException {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        int doc = it.docID() < first ? it.advance(first) : it.docID();
        List<ScoredPair> found = new ArrayList<>();
        for (; doc < end; doc = it.nextDoc()) {
            if (twoPhase == null || twoPhase.matches()) {
                found.add(new ScoredPair(docBase + doc, scorer.score()));
            }
        }
        found.sort(BEST_FIRST);
        return found.size() > max ? List.copyOf(found.subList(0, max)) : found;
    }
}
