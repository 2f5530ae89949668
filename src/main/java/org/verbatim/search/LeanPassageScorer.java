package org.verbatim.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Scores passages exactly as {@link PassageScorer} does (the same BM25-like sum over the distinct terms
 * of a passage, in the order they first occur), without building a hash of the terms for every passage
 * looked at: that hash took a 32 KB block each time, most of what highlighting a page allocated. A
 * passage holds a handful of matches, so distinct terms are found by comparing them directly.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        int[] first = new int[n];
        int[] inPassage = new int[n];
        int[] inDoc = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            int k = 0;
            while (k < distinct && !terms[first[k]].bytesEquals(terms[i])) {
                k++;
            }
            if (k == distinct) {
                first[k] = i;
                inDoc[k] = freqsInDoc[i];
                distinct++;
            }
            inPassage[k]++;
        }
        double score = 0;
        for (int k = 0; k < distinct; k++) {
            score += tf(inPassage[k], passage.getLength()) * weight(contentLength, inDoc[k]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
