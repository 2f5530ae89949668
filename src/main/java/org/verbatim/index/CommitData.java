package org.verbatim.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;

/**
 * What each commit records besides the documents: when it was made, and which optional index structures
 * every document in the index has (a structure added in a later version is only relied on once the
 * index has been rebuilt with it).
 */
public final class CommitData {

    /** Present when every pair was indexed with its two-word shingles ({@link Schema#QUESTION_PHRASES}). */
    public static final String PHRASE_SHINGLES = "phraseShingles";
    public static final String UPDATED = "updated";

    private CommitData() {
    }

    /** Marks a writer on a new, empty index as having every structure this version writes. */
    static void markNew(IndexWriter writer) {
        writer.setLiveCommitData(Map.of(PHRASE_SHINGLES, "2-with-frequencies").entrySet());
    }

    /** Sets the time of the next commit, keeping what earlier commits recorded. */
    static void stamp(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.put(UPDATED, Instant.now().toString());
        writer.setLiveCommitData(data.entrySet());
    }

    public static boolean hasPhraseShingles(Map<String, String> userData) {
        return "2-with-frequencies".equals(userData.get(PHRASE_SHINGLES));
    }
}
