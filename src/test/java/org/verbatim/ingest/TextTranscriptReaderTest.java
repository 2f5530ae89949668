package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertPair;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.segment.Pair;
import org.verbatim.segment.Segmentation;
import org.verbatim.segment.Segmenter;

class TextTranscriptReaderTest {

    private static final String Q1 = "How did you first get into programming?";
    private static final String Q2 = "That sounds great. So how do you approach learning a new language today?";
    private static final String Q3 = "What was the hardest bug you ever fixed?";
    private static final String Q4 = "Why do you want to join our team?";

    @Test
    void unlabeledTranscriptSplitsIntoFourQuestionAnswerPairs() throws Exception {
        Transcript t = FormatFixtures.parse("plain-unlabelled.txt");
        assertEquals(TranscriptFormat.PLAIN_TEXT, t.format());
        assertEquals(Layout.PARAGRAPHS, t.layout());
        assertEquals(12, t.turns().size(), "one turn per paragraph");
        assertTrue(t.turns().stream().noneMatch(Turn::hasSpeaker));

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(4, pairs.size());
        assertEquals(List.of(Q1, Q2, Q3, Q4), pairs.stream().map(Pair::question).toList());
        assertEquals(List.of(0, 1, 2, 3), pairs.stream().map(Pair::index).toList());
    }

    @Test
    void questionParagraphOpeningWithARemarkKeepsTheRemarkInTheQuestion() throws Exception {
        Pair second = FormatFixtures.segment("plain-unlabelled.txt").pairs().get(1);

        assertEquals(Q2, second.question());
    }

    @Test
    void unlabeledAnswersHoldBothOfTheirParagraphsAndNothingOfTheNextQuestion() throws Exception {
        List<Pair> pairs = FormatFixtures.segment("plain-unlabelled.txt").pairs();

        assertPair(pairs.get(0), Q1, null,
                "I started with a hand-me-down laptop when I was twelve. My uncle showed me how to write small scripts in Python."
                        + "\n\nLater I joined a robotics club at school, and that is where I learned to work with other people on code.",
                null, null, null);
        assertPair(pairs.get(1), Q2, null,
                "I usually build a tiny project end to end. A to-do app or a chat bot is enough to see the rough edges."
                        + "\n\nAfter that I read the standard library documentation from start to finish.",
                null, null, null);
        assertPair(pairs.get(2), Q3, null,
                "A race condition in a payment service. It only showed up under load."
                        + "\n\nIt took us two weeks to reproduce it and one line to fix it.",
                null, null, null);
        assertPair(pairs.get(3), Q4, null,
                "Your team works on developer tools, and that is the work I enjoy most."
                        + "\n\nI also like that you publish your design documents openly.",
                null, null, null);
        for (int i = 0; i + 1 < pairs.size(); i++) {
            assertFalse(pairs.get(i).answer().contains("?"), "answer " + i + " holds a question");
            assertFalse(pairs.get(i).answer().contains(pairs.get(i + 1).question()), "answer " + i + " holds the next question");
        }
    }

    @Test
    void speakerLabelledTextKeepsNamesAsWrittenAndFindsTheInterviewer() throws Exception {
        Transcript t = FormatFixtures.parse("labelled.txt");

        assertEquals(TranscriptFormat.LABELLED_TEXT, t.format());
        assertEquals(Layout.TURNS, t.layout());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "Thanks for joining us today. Can you tell us about your background?", null, null);
        assertTurn(t.turns().get(1), "Maria Lopez", "Sure. I studied physics and then moved into data engineering.", null, null);
        assertTurn(t.turns().get(2), "Interviewer", "What drew you to data engineering?", null, null);
        assertTurn(t.turns().get(3), "Maria Lopez", "I liked building pipelines that other people could rely on.", null, null);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("Interviewer"), seg.interviewers());
        assertEquals(List.of("Maria Lopez"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Thanks for joining us today. Can you tell us about your background?", "Interviewer",
                "Sure. I studied physics and then moved into data engineering.", "Maria Lopez", null, null);
        assertPair(seg.pairs().get(1), "What drew you to data engineering?", "Interviewer",
                "I liked building pipelines that other people could rely on.", "Maria Lopez", null, null);
    }

    @Test
    void boldMarkdownLabelsReadTheTimeAsSecondsAndJoinATurnsParagraphs() throws Exception {
        Transcript t = FormatFixtures.parse("markdown-bold.md");

        assertEquals(TranscriptFormat.MARKDOWN, t.format());
        assertEquals("Interview with Priya Shah", t.metadata().title());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Tom Becker", "Welcome, Priya. How did you end up working on compilers?", 5.0, null);
        assertTurn(t.turns().get(1), "Priya Shah",
                "It started in university. I took an optional course on parsing and never looked back."
                        + "\n\nAfter graduating I joined a small team building a query engine, which was mostly a compiler in disguise.",
                60.0, null);
        assertTurn(t.turns().get(2), "Tom Becker", "What do you enjoy most about that work?", 150.0, null);
        assertTurn(t.turns().get(3), "Priya Shah", "Seeing a slow query become fast because of one small rewrite.", 161.0, null);
    }

    @Test
    void boldMarkdownPairsCarryTheQuestionStartAndTheLastAnswerTime() throws Exception {
        Segmentation seg = FormatFixtures.segment("markdown-bold.md");

        assertEquals(List.of("Tom Becker"), seg.interviewers());
        assertEquals(List.of("Priya Shah"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Welcome, Priya. How did you end up working on compilers?", "Tom Becker",
                "It started in university. I took an optional course on parsing and never looked back."
                        + "\n\nAfter graduating I joined a small team building a query engine, which was mostly a compiler in disguise.",
                "Priya Shah", 5.0, 60.0);
        assertPair(seg.pairs().get(1), "What do you enjoy most about that work?", "Tom Becker",
                "Seeing a slow query become fast because of one small rewrite.", "Priya Shah", 150.0, 161.0);
    }

    @Test
    void pressTranscriptReadsBareQAsTheInterviewerAndNamesAsWritten() throws Exception {
        Transcript t = FormatFixtures.parse("press.txt");

        assertEquals(TranscriptFormat.PRESS, t.format());
        assertEquals(5, t.turns().size());
        assertTurn(t.turns().get(0), "MS. SMITH", "Good afternoon, everyone. I have two announcements before questions."
                + "\n\nThe new library opens on Monday, and the bridge repairs finish next week.", null, null);
        assertTurn(t.turns().get(1), "Q", "Will the bridge be closed during the repairs?", null, null);
        assertEquals(SpeakerRole.INTERVIEWER, t.turns().get(1).role());
        assertEquals(SpeakerRole.UNKNOWN, t.turns().get(2).role());
        assertTurn(t.turns().get(3), "Q", "And how much will the library cost to run each year?", null, null);
        assertTurn(t.turns().get(4), "MS. SMITH", "About two million dollars, which is already in the budget.", null, null);
    }

    @Test
    void pressOpeningStatementBecomesAPairWithAnEmptyQuestion() throws Exception {
        Segmentation seg = FormatFixtures.segment("press.txt");

        assertEquals(List.of("Q"), seg.interviewers());
        assertEquals(List.of("MS. SMITH"), seg.interviewees());
        assertEquals(3, seg.pairs().size());
        assertPair(seg.pairs().get(0), "", null, "Good afternoon, everyone. I have two announcements before questions."
                + "\n\nThe new library opens on Monday, and the bridge repairs finish next week.", "MS. SMITH", null, null);
        assertPair(seg.pairs().get(1), "Will the bridge be closed during the repairs?", "Q",
                "Only at night, between ten and five.", "MS. SMITH", null, null);
        assertPair(seg.pairs().get(2), "And how much will the library cost to run each year?", "Q",
                "About two million dollars, which is already in the budget.", "MS. SMITH", null, null);
    }

    @Test
    void otterExportReadsNameAndTimeHeaderLines() throws Exception {
        Transcript t = FormatFixtures.parse("otter-times.txt");

        assertEquals(TranscriptFormat.OTTER, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Dana Whitfield", "Thanks for making the time. What are you working on at the moment?", 21.0, null);
        assertTurn(t.turns().get(1), "Sam Okafor", "Mostly a migration from a monolith to a handful of services.", 34.0, null);
        assertTurn(t.turns().get(2), "Dana Whitfield", "How is that going so far?", 62.0, null);
        assertTurn(t.turns().get(3), "Sam Okafor", "Slower than planned, but the team is learning a lot.", 69.0, null);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("Dana Whitfield"), seg.interviewers());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Thanks for making the time. What are you working on at the moment?", "Dana Whitfield",
                "Mostly a migration from a monolith to a handful of services.", "Sam Okafor", 21.0, 34.0);
        assertPair(seg.pairs().get(1), "How is that going so far?", "Dana Whitfield",
                "Slower than planned, but the team is learning a lot.", "Sam Okafor", 62.0, 69.0);
    }

    @Test
    void otterExportWithoutTimesReadsNamesAloneOnALine() throws Exception {
        Transcript t = FormatFixtures.parse("otter-no-times.txt");

        assertEquals(TranscriptFormat.OTTER, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Dana Whitfield", "Thanks for making the time. What are you working on at the moment?", null, null);
        assertTurn(t.turns().get(1), "Sam Okafor", "Mostly a migration from a monolith to a handful of services.", null, null);
        assertTurn(t.turns().get(2), "Dana Whitfield", "How is that going so far?", null, null);
        assertTurn(t.turns().get(3), "Sam Okafor", "Slower than planned, but the team is learning a lot.", null, null);

        Segmentation seg = Segmenter.segment(t);
        assertEquals(List.of("Dana Whitfield"), seg.interviewers());
        assertEquals(List.of("Sam Okafor"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(1), "How is that going so far?", "Dana Whitfield",
                "Slower than planned, but the team is learning a lot.", "Sam Okafor", null, null);
    }

    @Test
    void detailsAboveTheTranscriptHeadingAreMetadataNotSpeech() throws Exception {
        Transcript t = FormatFixtures.parse("details-preamble.md");

        assertEquals(TranscriptFormat.MARKDOWN, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Jane Roe", "Thanks for coming. What got you into mobile development?", null, null);
        assertTurn(t.turns().get(3), "Tariq Aziz", "Android, on a very old phone.", null, null);
        assertTrue(t.turns().stream().noneMatch(turn -> turn.text().contains("took place")));
    }

    @Test
    void textWithoutLabelsOrQuestionsIsPlainParagraphs() throws Exception {
        Transcript t = TranscriptLoader.parse("notes.txt",
                "We met at the station.\n\nThen we walked to the museum together.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(TranscriptFormat.PLAIN_TEXT, t.format());
        assertEquals(2, t.turns().size());
        assertTurn(t.turns().get(0), null, "We met at the station.", null, null);
        assertTurn(t.turns().get(1), null, "Then we walked to the museum together.", null, null);
    }
}
