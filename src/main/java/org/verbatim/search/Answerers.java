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

    /** An answer with its sort keys; the interview id is read from its doc values only when a tie on the day needs it. */
    private static final class Keyed {
        private final Answerer answerer;
        private final long day;
        private final SortedDocValues ids;
        private final int idOrd;
        private String interviewId;

        Keyed(Answerer answerer, long day, SortedDocValues ids, int idOrd) {
            this.answerer = answerer;
            this.day = day;
            this.ids = ids;
            this.idOrd = idOrd;
        }

        Answerer answerer() {
            return answerer;
        }

        long day() {
            return day;
        }

        String interviewId() {
            if (interviewId == null) {
                try {
                    interviewId = idOrd < 0 ? "" : ids.lookupOrd(idOrd).utf8ToString();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return interviewId;
        }
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

    /** One page of the answerers, and how many there are in all. */
    record Page(List<Answerer> answers, int total) {
    }

    /** The answerers from {@code offset} on, at most {@code limit}, newest first; only those up to the page are sorted. */
    Page of(Query pairs, int offset, int limit) throws IOException {
        int keep = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
        // The worst kept answer on top, so a newer one replaces it.
        java.util.PriorityQueue<Keyed> kept = new java.util.PriorityQueue<>(NEWEST_FIRST.reversed());
        int total = 0;
        for (Keyed k : all(pairs)) {
            total++;
            if (kept.size() < keep) {
                kept.add(k);
            } else if (NEWEST_FIRST.compare(k, kept.peek()) < 0) {
                kept.poll();
                kept.add(k);
            }
        }
        List<Keyed> sorted = new ArrayList<>(kept);
        sorted.sort(NEWEST_FIRST);
        int from = Math.min(offset, sorted.size());
        return new Page(sorted.subList(from, sorted.size()).stream().map(Keyed::answerer).toList(), total);
    }

    private List<Keyed> all(Query pairs) throws IOException {
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
                int idOrd = ids.advanceExact(parent) ? ids.ordValue() : -1;
                for (int pair : firstOfEachSpeaker(block, leaf, speakers, stored)) {
                    out.add(new Keyed(new Answerer(leaf.docBase + pair, leaf.docBase + parent), day, ids, idOrd));
                }
            }
        }
        return out;
    }

    /** Indexes written before speakers had doc values fall back to the stored field. */
    private static List<Integer> firstOfEachSpeaker(List<Integer> block, LeafReaderContext leaf, SortedDocValues speakers,
                                                    StoredFields stored) throws IOException {
        if (block.size() == 1) {
            return block;
        }
        List<Integer> first = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int pair : block) {
            Object speaker;
            if (speakers != null) {
                speaker = speakers.advanceExact(pair) ? speakers.ordValue() : -1;
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
