package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.verbatim.index.Schema;

/**
 * Who answered a question: among matching pairs, the first one of each interviewee, ordered newest
 * interview first (then by interview id, then transcript order).
 *
 * <p>Everything is decided from the block structure and doc values: a pair's interview is the next
 * parent document, the date and id come from the parent's doc values, and the speaker is read only in
 * the rare interview where the question was asked more than once (panels). So ordering thousands of
 * answers costs no stored-field reads, and only the page shown loads its documents.
 */
final class Answerers {

    /** An answer: the pair document and its interview's document. */
    record Answerer(int pairDoc, int parentDoc) {
    }

    private record Keyed(Answerer answerer, long day, String interviewId) {
    }

    private static final Comparator<Keyed> NEWEST_FIRST = Comparator.comparingLong(Keyed::day).reversed()
            .thenComparing(Keyed::interviewId)
            .thenComparingInt(k -> k.answerer().pairDoc());

    private final IndexSearcher searcher;
    private final BitSetProducer parents;

    Answerers(IndexSearcher searcher, BitSetProducer parents) {
        this.searcher = searcher;
        this.parents = parents;
    }

    List<Answerer> of(Query pairs) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(pairs), ScoreMode.COMPLETE_NO_SCORES, 1f);
        StoredFields stored = searcher.getIndexReader().storedFields();
        List<Keyed> out = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            BitSet parentBits = parents.getBitSet(leaf);
            if (scorer == null || parentBits == null) {
                continue;
            }
            NumericDocValues days = DocValues.getNumeric(leaf.reader(), Schema.DATE);
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.INTERVIEW_ID_SORT);
            SortedDocValues speakers = leaf.reader().getFieldInfos().fieldInfo(Schema.SPEAKER_KEY) == null ? null
                    : DocValues.getSorted(leaf.reader(), Schema.SPEAKER_KEY);
            DocIdSetIterator it = scorer.iterator();
            int doc = it.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                int parent = parentBits.nextSetBit(doc);
                List<Integer> block = new ArrayList<>();
                for (; doc < parent; doc = it.nextDoc()) {
                    block.add(doc);
                }
                long day = days.advanceExact(parent) ? days.longValue() : Long.MIN_VALUE;
                String id = ids.advanceExact(parent) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "";
                for (int pair : firstOfEachSpeaker(block, leaf, speakers, stored)) {
                    out.add(new Keyed(new Answerer(leaf.docBase + pair, leaf.docBase + parent), day, id));
                }
            }
        }
        out.sort(NEWEST_FIRST);
        return out.stream().map(Keyed::answerer).toList();
    }

    /** Indexes written before speakers had doc values fall back to the stored field. */
    private static List<Integer> firstOfEachSpeaker(List<Integer> block, LeafReaderContext leaf, SortedDocValues speakers,
                                                    StoredFields stored) throws IOException {
        if (block.size() == 1) {
            return block;
        }
        List<Integer> first = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int pair : block) {
            String speaker;
            if (speakers != null) {
                speaker = speakers.advanceExact(pair) ? Integer.toString(speakers.ordValue()) : "";
            } else {
                speaker = stored.document(leaf.docBase + pair, Set.of(Schema.SPEAKER)).get(Schema.SPEAKER);
            }
            if (seen.add(speaker == null ? "" : speaker)) {
                first.add(pair);
            }
        }
        return first;
    }
}
