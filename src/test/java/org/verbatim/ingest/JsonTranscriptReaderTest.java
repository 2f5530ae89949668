package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertPair;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.segment.Segmentation;
import org.verbatim.segment.Segmenter;

class JsonTranscriptReaderTest {

    @Test
    void verbatimJsonCarriesItsMetadata() throws Exception {
        Metadata m = FormatFixtures.parse("verbatim.json").metadata();

        assertEquals("int-0042", m.id());
        assertEquals("Backend engineer, second round", m.title());
        assertEquals(List.of("Nora Lind"), m.candidates());
        assertEquals(List.of("Omar Haddad", "Jill Park"), m.interviewers());
        assertEquals("Backend Engineer", m.role());
        assertEquals(LocalDate.of(2024, 5, 14), m.date());
        assertEquals(List.of("backend", "second-round"), m.tags());
        assertEquals("hired", m.outcome());
    }

    @Test
    void verbatimJsonTurnsKeepSpeakersRolesAndTimes() throws Exception {
        Transcript t = FormatFixtures.parse("verbatim.json");

        assertEquals(TranscriptFormat.VERBATIM_JSON, t.format());
        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Omar Haddad", "How would you design a rate limiter?", 3.5, 7.0);
        assertEquals(SpeakerRole.INTERVIEWER, t.turns().get(0).role());
        assertTurn(t.turns().get(1), "Nora Lind", "I would start with a token bucket per client.", 7.5, 15.25);
        assertEquals(SpeakerRole.INTERVIEWEE, t.turns().get(1).role());
        assertTurn(t.turns().get(2), "Jill Park", "Where would the counters live?", 16.0, 18.0);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("Omar Haddad", "Jill Park"), seg.interviewers());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "How would you design a rate limiter?", "Omar Haddad",
                "I would start with a token bucket per client.", "Nora Lind", 3.5, 15.25);
        assertPair(seg.pairs().get(1), "Where would the counters live?", "Jill Park",
                "In Redis, with a short expiry on each key.", "Nora Lind", 16.0, 24.0);
    }

    @Test
    void whisperSegmentsWithoutSpeakersBecomeTimedCaptions() throws Exception {
        Transcript t = FormatFixtures.parse("whisper.json");

        assertEquals(TranscriptFormat.WHISPER_JSON, t.format());
        assertEquals(Layout.CAPTIONS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), null, "What languages do you use at work?", 0.0, 3.2);
        assertTurn(t.turns().get(1), null, "Mostly Kotlin, and some Go for small tools.", 3.2, 6.8);
        assertTurn(t.turns().get(3), null, "Kotlin, for its null safety.", 10.0, 12.6);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of(), seg.interviewers());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "What languages do you use at work?", null,
                "Mostly Kotlin, and some Go for small tools.", null, 0.0, 6.8);
        assertPair(seg.pairs().get(1), "Which one do you prefer?", null, "Kotlin, for its null safety.", null, 7.4, 12.6);
    }

    @Test
    void callAnalyticsMillisecondOffsetsBecomeSecondsAndOneRolesItemsMerge() throws Exception {
        Transcript t = FormatFixtures.parse("aws-call-analytics.json");

        assertEquals(TranscriptFormat.AWS_TRANSCRIBE, t.format());
        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "AGENT", "Thank you for calling. How can I help you today?", 0.04, 5.05);
        assertTurn(t.turns().get(1), "CUSTOMER", "Hi, my order arrived damaged. The box was crushed on one side.", 5.6, 10.48);
        assertTurn(t.turns().get(2), "AGENT", "I am sorry to hear that. Could you read me the order number?", 11.0, 14.9);
        assertTurn(t.turns().get(3), "CUSTOMER", "It is 4471 2290.", 15.3, 17.75);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("AGENT"), seg.interviewers());
        assertEquals(List.of("CUSTOMER"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Thank you for calling. How can I help you today?", "AGENT",
                "Hi, my order arrived damaged. The box was crushed on one side.", "CUSTOMER", 0.04, 10.48);
    }

    @Test
    void invalidJsonIsUnreadableAndNamesLineAndColumn() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("invalid.json"));

        assertTrue(e.getMessage().startsWith("invalid JSON at line 4, column 5: "), e.getMessage());
    }

    @Test
    void unrelatedJsonIsUnreadableAndListsTheKeysFound() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("unrelated.json"));

        assertEquals("JSON is not a transcript format Verbatim reads: expected Verbatim JSON (\"turns\"), Whisper output "
                + "(\"segments\") or Amazon Transcribe output (\"Transcript\" or \"results\"); found keys name, version, dependencies",
                e.getMessage());
    }

    @Test
    void jsonArrayIsUnreadableAndSaysWhatItIs() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TranscriptLoader.parse("list.json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().endsWith("found a JSON array"), e.getMessage());
    }

    @Test
    void verbatimJsonWithATurnThatIsNotAnObjectNamesItsIndex() {
        byte[] json = "{\"turns\": [{\"speaker\": \"A\", \"text\": \"Hi?\"}, \"oops\"]}".getBytes(StandardCharsets.UTF_8);

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TranscriptLoader.parse("t.json", json));

        assertEquals("turns[1] is not an object with \"speaker\" and \"text\"", e.getMessage());
    }

    @Test
    void jsonContentInATextFileIsReadAsJson() throws Exception {
        Transcript t = TranscriptLoader.parse("export.txt", FormatFixtures.bytes("whisper.json"));

        assertEquals(TranscriptFormat.WHISPER_JSON, t.format());
        assertEquals(4, t.turns().size());
    }
}
