package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.apache.lucene.util.LongHeap;
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

    /**
     * The answerers from {@code offset} on, at most {@code limit}, newest first. Only those that can reach
     * the page are sorted: the newest days are found first (a heap of days, cheap even when the archive's
     * documents come in date order, as files named by date do), and only the answers on those days are
     * ordered in full.
     */
    Page of(Query pairs, int offset, int limit) throws IOException {
        int keep = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
        List<Keyed> all = all(pairs);
        if (keep == 0) {
            return new Page(List.of(), all.size());
        }
        List<Keyed> candidates = all;
        if (all.size() > keep) {
            LongHeap newestDays = new LongHeap(keep);
            for (Keyed k : all) {
                newestDays.insertWithOverflow(k.day());
            }
            long oldestOnPage = newestDays.top();
            candidates = new ArrayList<>();
            for (Keyed k : all) {
                if (k.day() >= oldestOnPage) {
                    candidates.add(k);
                }
            }
        }
        candidates.sort(NEWEST_FIRST);
        int to = Math.min(keep, candidates.size());
        int from = Math.min(offset, to);
        return new Page(candidates.subList(from, to).stream().map(Keyed::answerer).toList(), all.size());
    }

    private List<Keyed> all(Query pairs) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(pairs), ScoreMode.COMPLETE_NO_SCORES, 1f);
        StoredFields stored = searcher.getIndexReader().storedFields();
        List<Keyed> out = new ArrayList<>();
        int[] block = new int[16];
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
            // A scorer's iterator also walks deleted documents (an interview written again leaves its old
            // block behind until merged away); only live ones are answers.
            DocIdSetIterator it = live(scorer.iterator(), leaf.reader().getLiveDocs());
            int doc = it.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                int parent = parentBits.nextSetBit(doc);
                int n = 0;
                for (; doc < parent; doc = it.nextDoc()) {
                    if (n == block.length) {
                        block = java.util.Arrays.copyOf(block, n * 2);
                    }
                    block[n++] = doc;
                }
                long day = days.advanceExact(parent) ? days.longValue() : Long.MIN_VALUE;
                int idOrd = ids.advanceExact(parent) ? ids.ordValue() : -1;
                n = firstOfEachSpeaker(block, n, leaf, speakers, stored);
                for (int i = 0; i < n; i++) {
                    out.add(new Keyed(new Answerer(leaf.docBase + block[i], leaf.docBase + parent), day, ids, idOrd));
                }
            }
        }
        return out;
    }

    /** The iterator without the documents {@code liveDocs} marks deleted. */
    static DocIdSetIterator live(DocIdSetIterator it, org.apache.lucene.util.Bits liveDocs) {
        if (liveDocs == null) {
            return it;
        }
        return new org.apache.lucene.search.FilteredDocIdSetIterator(it) {
            @Override
            protected boolean match(int doc) {
                return liveDocs.get(doc);
            }
        };
    }

    /**
     * Keeps, in place, the first pair of each speaker among the block's {@code n} pairs; returns how many.
     * Indexes written before speakers had doc values fall back to the stored field.
     */
    private static int firstOfEachSpeaker(int[] block, int n, LeafReaderContext leaf, SortedDocValues speakers,
                                          StoredFields stored) throws IOException {
        if (n <= 1) {
            return n;
        }
        List<Object> seen = new ArrayList<>(n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int pair = block[i];
            Object speaker;
            if (speakers != null) {
                speaker = speakers.advanceExact(pair) ? speakers.ordValue() : -1;
            } else {
                speaker = stored.document(leaf.docBase + pair, Set.of(Schema.SPEAKER)).get(Schema.SPEAKER);
            }
            Object key = speaker == null ? "" : speaker;
            if (!seen.contains(key)) {
                seen.add(key);
                block[kept++] = pair;
            }
        }
        return kept;
    }
}
