package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertPair;
import static org.verbatim.ingest.FormatFixtures.assertTime;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.segment.Pair;
import org.verbatim.segment.Segmenter;

class TimedLinesReaderTest {

    @Test
    void timestampedLinesGiveEachLineItsStartAndTheNextLinesStartAsEnd() throws Exception {
        Transcript t = FormatFixtures.parse("timestamped.txt");

        assertEquals(TranscriptFormat.TIMESTAMPED_LINES, t.format());
        assertEquals(Layout.CAPTIONS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), null,
                "What made you apply for this role? I saw the posting on a friend's feed and the product looked fun.", 12.0, 31.0);
        assertTurn(t.turns().get(1), null, "It reminded me of a tool I built in my last job.", 31.0, 65.0);
        assertTurn(t.turns().get(2), null, "How big was the team there?", 65.0, 69.0);
        assertTurn(t.turns().get(3), null, "Six engineers and one designer.", 69.0, null);
    }

    @Test
    void questionAndStartOfItsAnswerOnOneTimedLineAreCutApart() throws Exception {
        List<Pair> pairs = Segmenter.segment(FormatFixtures.parse("timestamped.txt")).pairs();

        assertEquals(2, pairs.size());
        assertPair(pairs.get(0), "What made you apply for this role?", null,
                "I saw the posting on a friend's feed and the product looked fun. It reminded me of a tool I built in my last job.",
                null, 12.0, 65.0);
        assertPair(pairs.get(1), "How big was the team there?", null, "Six engineers and one designer.", null, 65.0, 69.0);
    }

    @Test
    void bracketedTimestampsAreReadAsSecondsAndLeftOutOfTheText() throws Exception {
        Transcript t = FormatFixtures.parse("timestamped-brackets.txt");

        assertEquals(TranscriptFormat.TIMESTAMPED_LINES, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), null, "Where did you grow up?", 65.0, 69.0);
        assertTurn(t.turns().get(1), null, "In a small town on the coast, near the harbour.", 69.0, 80.0);
        assertTurn(t.turns().get(3), null, "My mother taught music and my father repaired boats.", 84.0, null);

        List<Pair> pairs = Segmenter.segment(t).pairs();
        assertEquals(2, pairs.size());
        assertPair(pairs.get(0), "Where did you grow up?", null, "In a small town on the coast, near the harbour.", null, 65.0, 80.0);
        assertPair(pairs.get(1), "What did your parents do?", null, "My mother taught music and my father repaired boats.", null, 80.0, 84.0);
    }

    @Test
    void whisperTextRangesKeepBothStartAndEndWithFractions() throws Exception {
        Transcript t = FormatFixtures.parse("whisper.txt");

        assertEquals(TranscriptFormat.TIMESTAMPED_LINES, t.format());
        assertEquals(5, t.turns().size());
        assertTurn(t.turns().get(0), null, "What do you remember about your first job?", 0.0, 4.2);
        assertTurn(t.turns().get(3), null, "Would you do it again?", 43.81, 47.85);
        assertTurn(t.turns().get(4), null, "Without a doubt.", 47.85, 50.1);

        List<Pair> pairs = Segmenter.segment(t).pairs();
        assertEquals(2, pairs.size());
        assertPair(pairs.get(0), "What do you remember about your first job?", null,
                "I was a dishwasher in a busy restaurant. The kitchen taught me to stay calm.", null, 0.0, 12.0);
        assertPair(pairs.get(1), "Would you do it again?", null, "Without a doubt.", null, 43.81, 50.1);
    }

    @Test
    void speakerLabelAfterTheTimeMakesLabelledTurns() throws Exception {
        String text = "00:00:05 Eva Lund: Where do you work now?\n"
                + "00:00:09 Max Berg: At a bakery.\n"
                + "00:00:12 Max Berg: Mostly night shifts.\n"
                + "00:00:20 Eva Lund: Do you like it?\n"
                + "00:00:23 Max Berg: Very much.\n";
        Transcript t = TranscriptLoader.parse("lines.txt", text.getBytes(StandardCharsets.UTF_8));

        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Eva Lund", "Where do you work now?", 5.0, 9.0);
        assertTurn(t.turns().get(1), "Max Berg", "At a bakery. Mostly night shifts.", 9.0, 20.0);
        assertTurn(t.turns().get(3), "Max Berg", "Very much.", 23.0, null);
    }

    @Test
    void whisperTsvReadsMillisecondsAsSeconds() throws Exception {
        String tsv = "start\tend\ttext\n0\t2500\tWhat is your name?\n2500\t4100\tAda.\n";
        Transcript t = TranscriptLoader.parse("clip.tsv", tsv.getBytes(StandardCharsets.UTF_8));

        assertEquals(TranscriptFormat.WHISPER_TSV, t.format());
        assertEquals(2, t.turns().size());
        assertTurn(t.turns().get(0), null, "What is your name?", 0.0, 2.5);
        assertTurn(t.turns().get(1), null, "Ada.", 2.5, 4.1);
    }

    @Test
    void oneSpeakersHundredThousandLinesMergeIntoOneTurnInLinearTime() throws Exception {
        StringBuilder tsv = new StringBuilder("start\tend\ttext\tspeaker\n");
        for (int i = 0; i < 100_000; i++) {
            tsv.append(i * 1000).append('\t').append(i * 1000 + 900).append("\tline ").append(i).append(".\tAda\n");
        }
        byte[] bytes = tsv.toString().getBytes(StandardCharsets.UTF_8);

        // Joining each line to a copy of the turn so far took minutes here.
        Transcript t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TranscriptLoader.parse("talk.tsv", bytes));

        assertEquals(1, t.turns().size());
        assertTrue(t.turns().get(0).text().startsWith("line 0. line 1. line 2."));
        assertTrue(t.turns().get(0).text().endsWith("line 99998. line 99999."));
        assertTime(99_999.9, t.turns().get(0).end(), "end of the turn");
    }

    @Test
    void tsvWithoutStartColumnIsUnreadableAndQuotesTheHeader() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TranscriptLoader.parse("clip.tsv", "from\tto\twords\n0\t1\tHi.\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("a TSV transcript needs a header row with 'start' and 'text' columns (and optionally 'end', 'speaker'); "
                + "found 'from\tto\twords'", e.getMessage());
    }
}
