package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {

    @Test
    void scoresEveryPassageExactlyAsLucenesScorer() {
        Random random = new Random(5);
        PassageScorer lucene = new PassageScorer();
        PassageScorer lean = new LeanPassageScorer();
        String[] words = {"kafka", "latency", "team", "queue", "k8s", "a"};
        for (int round = 0; round < 20_000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(5_000);
            int length = 1 + random.nextInt(400);
            p.setStartOffset(start);
            p.setEndOffset(start + length);
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                int at = start + random.nextInt(length);
                p.addMatch(at, at + 1, new BytesRef(words[random.nextInt(words.length)]), 1 + random.nextInt(30));
            }
            int contentLength = start + length + random.nextInt(2_000);
            assertEquals(lucene.score(p, contentLength), lean.score(p, contentLength), p.toString());
        }
    }
}
