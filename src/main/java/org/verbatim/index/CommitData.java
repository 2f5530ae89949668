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
    /** Present, naming the model, when every pair with an answer has its passage vectors ({@link Schema#ANSWER_VECTOR}). */
    public static final String ANSWER_VECTORS = "answerVectors";

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

    /** Records whether the index has answer vectors from {@code model} ({@code null}: it has none). */
    static void answerVectors(IndexWriter writer, String model) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (model == null) {
            data.remove(ANSWER_VECTORS);
        } else {
            data.put(ANSWER_VECTORS, model);
        }
        writer.setLiveCommitData(data.entrySet());
    }

    /** The model of the index's answer vectors, or {@code null} when it was indexed without meaning search. */
    public static String answerVectors(Map<String, String> userData) {
        return userData.get(ANSWER_VECTORS);
    }

    public static boolean hasPhraseShingles(Map<String, String> userData) {
        return "2-with-frequencies".equals(userData.get(PHRASE_SHINGLES));
    }
}
