package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.verbatim.ingest.FormatFixtures.assertPair;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.segment.Segmentation;
import org.verbatim.segment.Segmenter;

class CaptionReaderTest {

    @Test
    void teamsVoiceTagsMergeConsecutiveCuesOfOneSpeakerIntoOneTurn() throws Exception {
        Transcript t = FormatFixtures.parse("teams.vtt");

        assertEquals(TranscriptFormat.WEBVTT, t.format());
        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Alice Martin",
                "Good morning, and thanks for joining. Could you start by describing your current role?", 1.0, 8.0);
        assertTurn(t.turns().get(1), "Ben Carter",
                "I lead a small platform team at a logistics company. We look after the build system and the deployment pipeline.",
                8.5, 17.25);
        assertTurn(t.turns().get(2), "Alice Martin", "What would you change about that pipeline?", 18.0, 21.0);
        assertTurn(t.turns().get(3), "Ben Carter", "I would make the test stage run in parallel.", 21.5, 25.0);
    }

    @Test
    void teamsTranscriptPairsTheInterviewersQuestionsWithTheAnswers() throws Exception {
        Segmentation seg = FormatFixtures.segment("teams.vtt");

        assertEquals(List.of("Alice Martin"), seg.interviewers());
        assertEquals(List.of("Ben Carter"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Good morning, and thanks for joining. Could you start by describing your current role?",
                "Alice Martin",
                "I lead a small platform team at a logistics company. We look after the build system and the deployment pipeline.",
                "Ben Carter", 1.0, 17.25);
        assertPair(seg.pairs().get(1), "What would you change about that pipeline?", "Alice Martin",
                "I would make the test stage run in parallel.", "Ben Carter", 18.0, 25.0);
    }

    @Test
    void byteOrderMarkNoteAndStyleBlocksAndCueSettingsAreNotText() throws Exception {
        Transcript t = FormatFixtures.parse("bom-note-style.vtt");

        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Host", "What is your favourite part of the job?", 2.0, 5.0);
        assertTurn(t.turns().get(1), "Guest", "Mentoring new people on the team.", 5.5, 9.0);
        assertTurn(t.turns().get(2), "Host", "Why is that?", 9.5, 12.0);
        assertTurn(t.turns().get(3), "Guest", "Because I remember how lost I felt at first.", 12.5, 16.0);
    }

    @Test
    void vttWithByteOrderMarkIsRecognisedByContentUnderATextName() throws Exception {
        Transcript t = TranscriptLoader.parse("captions.txt", FormatFixtures.bytes("bom-note-style.vtt"));

        assertEquals(TranscriptFormat.WEBVTT, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(3), "Guest", "Because I remember how lost I felt at first.", 12.5, 16.0);
    }

    @Test
    void twoVoicesInOneCueBecomeTwoTurnsSharingTheCueTimes() throws Exception {
        Transcript t = FormatFixtures.parse("two-voices.vtt");

        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "Do you prefer tabs or spaces?", 1.0, 3.0);
        assertTurn(t.turns().get(1), "Candidate", "Spaces, mostly.", 3.2, 6.0);
        assertTurn(t.turns().get(2), "Interviewer", "Why?", 3.2, 6.0);
        assertTurn(t.turns().get(3), "Candidate", "Because every editor shows them the same way.", 6.2, 9.0);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Do you prefer tabs or spaces?", "Interviewer", "Spaces, mostly.", "Candidate", 1.0, 6.0);
        assertPair(seg.pairs().get(1), "Why?", "Interviewer", "Because every editor shows them the same way.", "Candidate", 3.2, 9.0);
    }

    @Test
    void youtubeRollingCaptionsKeepEachLineOnce() throws Exception {
        Transcript t = FormatFixtures.parse("youtube-rolling.vtt");

        assertEquals(Layout.CAPTIONS, t.layout());
        String words = String.join(" ", t.turns().stream().map(Turn::text).toList());
        assertEquals("so what got you interested in robotics in the first place? I built a line-following car "
                + "for a school fair when I was ten.", words);
    }

    @Test
    void captionsThatGrowCueByCueKeepOnlyTheNewWords() throws Exception {
        Transcript t = FormatFixtures.parse("cumulative-captions.vtt");

        assertEquals(Layout.CAPTIONS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), null, "what got you", 0.0, 1.0);
        assertTurn(t.turns().get(1), null, "into robotics?", 1.0, 2.0);
        assertTurn(t.turns().get(2), null, "a car", 2.0, 3.0);
        assertTurn(t.turns().get(3), null, "I built at ten.", 3.0, 4.0);
    }

    @Test
    void whitespaceOnlyLineInsideACueDoesNotEndTheCue() throws Exception {
        Transcript t = FormatFixtures.parse("youtube-space-line.vtt");

        assertEquals(2, t.turns().size());
        assertTurn(t.turns().get(0), null, "so what got you interested in", 0.0, 2.0);
    }

    @Test
    void srtNameLabelInTheFirstCueOfATurnNamesTheSpeakerOfFollowingCues() throws Exception {
        Transcript t = FormatFixtures.parse("labels.srt");

        assertEquals(TranscriptFormat.SRT, t.format());
        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Karen Holt", "Welcome to the show. What are you building these days?", 1.0, 3.5);
        assertTurn(t.turns().get(1), "Luis Ortega", "A scheduling app for small clinics. It replaces paper calendars.", 4.0, 9.0);
        assertTurn(t.turns().get(2), "Karen Holt", "Who are your first customers?", 10.0, 12.0);
        assertTurn(t.turns().get(3), "Luis Ortega", "Two dental practices in Leeds.", 12.5, 15.0);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("Karen Holt"), seg.interviewers());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Welcome to the show. What are you building these days?", "Karen Holt",
                "A scheduling app for small clinics. It replaces paper calendars.", "Luis Ortega", 1.0, 9.0);
    }

    @Test
    void sbvCuesWithoutSpeakersBecomeTimedCaptions() throws Exception {
        Transcript t = FormatFixtures.parse("captions.sbv");

        assertEquals(TranscriptFormat.SBV, t.format());
        assertEquals(Layout.CAPTIONS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), null, "What kind of music do you write?", 0.5, 3.0);
        assertTurn(t.turns().get(3), null, "About three months from first meeting to final mix.", 10.5, 14.0);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "What kind of music do you write?", null,
                "Mostly film scores, with some songs for friends.", null, 0.5, 7.0);
        assertPair(seg.pairs().get(1), "How long does a score take?", null,
                "About three months from first meeting to final mix.", null, 8.0, 14.0);
    }

    @Test
    void malformedTimingLineIsUnreadableAndNamesItsLineNumber() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("malformed-timing.vtt"));

        assertEquals("line 6: malformed cue timing '00:00:04.500 --> 00:00:08:000'", e.getMessage());
    }

    @Test
    void cueWithoutTimingLineIsUnreadableAndNamesItsLineNumber() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("missing-timing.srt"));

        assertEquals("line 5: expected a cue timing line (start --> end) but found '2'; is a timing line missing?", e.getMessage());
    }

    @Test
    void timingWithSecondsPastFiftyNineIsMalformed() {
        byte[] vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:75.000\nHello?\n".getBytes(StandardCharsets.UTF_8);

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TranscriptLoader.parse("x.vtt", vtt));

        assertEquals("line 3: malformed cue timing '00:00:01.000 --> 00:00:75.000'", e.getMessage());
    }

    @Test
    void emptyCaptionFileIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("zero-bytes.vtt"));

        assertEquals("the file is empty", e.getMessage());
    }

    @Test
    void headerOnlyCaptionFileIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("header-only.vtt"));

        assertEquals("no captions: the file has no cues with text", e.getMessage());
    }

    @Test
    void cueTextLosesMarkupTagsAndEntities() {
        assertEquals("Tom & Jerry <said> hi", CaptionReader.cueText("<v.loud Tom><b>Tom</b> &amp; <i>Jerry</i> &lt;said&gt;<00:00:01.000> hi</v>"));
    }
}
