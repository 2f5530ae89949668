package org.verbatim.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.verbatim.index.PhraseShingles;

/**
 * An exact two-word phrase answered from its shingle: the pairs that hold the shingle are exactly the
 * pairs where the two words stand side by side, and the shingle's frequency in a pair is the phrase's.
 * It scores as {@link PhraseQuery} does (the text field's statistics and norms, both words' statistics),
 * so it answers and ranks as the phrase, without reading a position.
 */
final class ShinglePhraseQuery extends Query {

    private final PhraseQuery phrase;
    private final Term shingle;

    /** @param phrase an exact phrase of two adjacent terms on a text field that has a shingle field */
    ShinglePhraseQuery(PhraseQuery phrase, String shingleField) {
        Term[] terms = phrase.getTerms();
        if (terms.length != 2 || phrase.getSlop() != 0 || phrase.getPositions()[1] != phrase.getPositions()[0] + 1) {
            throw new IllegalArgumentException("not an exact phrase of two adjacent words: " + phrase);
        }
        this.phrase = phrase;
        this.shingle = new Term(shingleField, PhraseShingles.shingle(terms[0].text(), terms[1].text()));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        String field = phrase.getField();
        Similarity.SimScorer sim = null;
        if (scoreMode.needsScores()) {
            TermStatistics[] stats = new TermStatistics[2];
            int n = 0;
            for (Term t : phrase.getTerms()) {
                TermStates states = TermStates.build(searcher, t, true);
                if (states.docFreq() > 0) {
                    stats[n++] = searcher.termStatistics(t, states.docFreq(), states.totalTermFreq());
                }
            }
            if (n > 0) {
                sim = searcher.getSimilarity().scorer(boost, searcher.collectionStatistics(field),
                        java.util.Arrays.copyOf(stats, n));
            }
        }
        Similarity.SimScorer simScorer = sim;
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Terms terms = context.reader().terms(shingle.field());
                if (terms == null) {
                    return null;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(shingle.bytes())) {
                    return null;
                }
                PostingsEnum postings = te.postings(null, scoreMode.needsScores() ? PostingsEnum.FREQS : PostingsEnum.NONE);
                LeafSimScorer leafSim = simScorer == null ? null : new LeafSimScorer(simScorer, context.reader(), field, true);
                return new Scorer(this) {
                    @Override
                    public DocIdSetIterator iterator() {
                        return postings;
                    }

                    @Override
                    public int docID() {
                        return postings.docID();
                    }

                    @Override
                    public float getMaxScore(int upTo) {
                        return Float.POSITIVE_INFINITY;
                    }

                    @Override
                    public float score() throws IOException {
                        return leafSim == null ? 0f : leafSim.score(postings.docID(), postings.freq());
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Scorer s = scorer(context);
                if (s == null || s.iterator().advance(doc) != doc) {
                    return Explanation.noMatch("no shingle " + shingle.text() + " in this pair");
                }
                return Explanation.match(s.score(), "exact phrase " + phrase + ", from its shingle " + shingle.text());
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        // What the phrase would offer, so highlighting and term extraction see its words.
        phrase.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return phrase.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && phrase.equals(((ShinglePhraseQuery) other).phrase)
                && shingle.equals(((ShinglePhraseQuery) other).shingle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), phrase, shingle);
    }
}
