package org.verbatim.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertPair;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.ingest.FormatFixtures;
import org.verbatim.ingest.Layout;
import org.verbatim.ingest.Metadata;
import org.verbatim.ingest.SpeakerRole;
import org.verbatim.ingest.Transcript;
import org.verbatim.ingest.TranscriptFormat;
import org.verbatim.ingest.Turn;

class SegmenterTest {

    @Test
    void panelQuestionAnsweredByTwoIntervieweesGivesOnePairPerInterviewee() throws Exception {
        Segmentation seg = FormatFixtures.segment("panel.txt");

        assertEquals(List.of("Interviewer"), seg.interviewers());
        assertEquals(List.of("Mia Chen", "Leo Grant"), seg.interviewees());
        assertEquals(4, seg.pairs().size());
        String q1 = "Welcome to you both. What does your studio make?";
        String q2 = "How did the two of you meet?";
        assertPair(seg.pairs().get(0), q1, "Interviewer", "Small puzzle games for phones.", "Mia Chen", null, null);
        assertPair(seg.pairs().get(1), q1, "Interviewer", "And the occasional board game, when we have time.", "Leo Grant", null, null);
        assertPair(seg.pairs().get(2), q2, "Interviewer", "At a game jam in 2015.", "Mia Chen", null, null);
        assertPair(seg.pairs().get(3), q2, "Interviewer", "We were the only two people who brought a soldering iron.", "Leo Grant",
                null, null);
        assertEquals(List.of(0, 1, 2, 3), seg.pairs().stream().map(Pair::index).toList());
    }

    @Test
    void interviewersNamedInMetadataAreUsedEvenWhenTheyAskLess() throws Exception {
        Transcript t = FormatFixtures.parse("interviewer-asks-little.txt");
        assertEquals(List.of("Grace Kim"), t.metadata().interviewers());

        Segmentation seg = Segmenter.segment(t);

        assertEquals(List.of("Grace Kim"), seg.interviewers());
        assertEquals(List.of("Paul Novak"), seg.interviewees());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Tell me about the project you are proudest of.\n\nAnything you like.", "Grace Kim",
                "Should I pick something recent? Or can it be from my first job?"
                        + "\n\nThen the billing rewrite. Have you heard of our old batch system? It ran every night and failed every week.",
                "Paul Novak", null, null);
        assertPair(seg.pairs().get(1), "What was the hardest part of replacing it?", "Grace Kim",
                "Moving the customers without a single missed invoice. Does that answer it?", "Paul Novak", null, null);
    }

    @Test
    void withoutMetadataTheSpeakerWhoAsksMostIsTakenAsInterviewer() throws Exception {
        Transcript t = FormatFixtures.parse("interviewer-asks-little.txt").withMetadata(Metadata.EMPTY);

        Segmentation seg = Segmenter.segment(t);

        assertEquals(List.of("Paul Novak"), seg.interviewers());
        assertEquals(List.of("Grace Kim"), seg.interviewees());
    }

    @Test
    void interviewerWhoDoesNotSpeakFirstIsFoundByTheQuestionsAsked() throws Exception {
        Segmentation seg = FormatFixtures.segment("asks-most.txt");

        assertEquals(List.of("Victor Osei"), seg.interviewers());
        assertEquals(List.of("Hannah Weiss"), seg.interviewees());
        assertEquals(3, seg.pairs().size());
        assertPair(seg.pairs().get(1), "No problem at all. How was the traffic?", "Victor Osei",
                "Terrible, there was an accident on the ring road.", "Hannah Weiss", null, null);
        assertPair(seg.pairs().get(2), "Let's begin then. What do you know about our company?", "Victor Osei",
                "You make accounting software for small shops.", "Hannah Weiss", null, null);
    }

    @Test
    void candidatesNamedInMetadataMakeTheOtherSpeakerTheInterviewer() throws Exception {
        Transcript t = FormatFixtures.parse("interviewer-asks-little.txt")
                .withMetadata(new Metadata(null, null, List.of("Paul Novak"), null, null, null, null, null));

        Segmentation seg = Segmenter.segment(t);

        assertEquals(List.of("Grace Kim"), seg.interviewers());
        assertEquals(2, seg.pairs().size());
    }

    @Test
    void labelledSpeechBeforeTheFirstQuestionBecomesAPairWithAnEmptyQuestion() throws Exception {
        Pair first = FormatFixtures.segment("asks-most.txt").pairs().get(0);

        assertPair(first, "", null, "Hi, sorry I'm a few minutes late.", "Hannah Weiss", null, null);
    }

    @Test
    void unlabeledSpeechBeforeTheFirstQuestionBecomesAPairWithAnEmptyQuestion() throws Exception {
        List<Pair> pairs = FormatFixtures.segment("plain-intro.txt").pairs();

        assertEquals(3, pairs.size());
        assertPair(pairs.get(0), "", null,
                "This recording was made at the spring meetup in the back room of the library.", null, null, null);
        assertPair(pairs.get(1), "What do you teach?", null, "Chemistry, to students aged fourteen to eighteen.", null, null, null);
        assertPair(pairs.get(2), "How long have you taught?", null, "Eleven years, all of them at the same school.", null, null, null);
    }

    @Test
    void interviewerTurnShapedAsAQuestionWithoutQuestionMarkStartsANewPair() throws Exception {
        Segmentation seg = FormatFixtures.segment("interrogative-no-mark.txt");

        assertEquals(List.of("Ruth Adler"), seg.interviewers());
        assertEquals(3, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Thanks for joining. What are you working on right now?", "Ruth Adler",
                "A small platformer about a lighthouse keeper.", "Kenji Sato", null, null);
        assertPair(seg.pairs().get(1), "So how did you get started in games.", "Ruth Adler",
                "I made levels for a racing game when I was a teenager.", "Kenji Sato", null, null);
        assertPair(seg.pairs().get(2), "And what came after that?", "Ruth Adler", "A job at a mobile studio.", "Kenji Sato", null, null);
    }

    @Test
    void tagQuestionAtTheEndOfALongAnswerDoesNotMakeItAQuestion() throws Exception {
        List<Pair> pairs = FormatFixtures.segment("plain-tag-question.txt").pairs();

        assertEquals(2, pairs.size());
        assertPair(pairs.get(0), "What did you learn from your first startup?", null,
                "That small teams move faster than big ones, but only when everyone knows the goal. We had five people and a clear "
                        + "plan, and we shipped more in a year than my next employer did in three. It only worked because we kept the "
                        + "scope small, right?", null, null, null);
        assertPair(pairs.get(1), "How did you keep the scope small?", null,
                "We said no to every feature that did not help our first ten customers.", null, null, null);
    }

    @Test
    void longInterviewerTurnAfterAnAnswerStartsANewPairWithoutAsking() throws Exception {
        String longRemark = "Thanks, that is really helpful context for the rest of the conversation and I want to build on it now "
                + "because our team works in a very similar way with small groups and clear goals for every quarter.";
        assertTrue(Questions.wordCount(longRemark) >= Segmenter.LONG_TURN_WORDS);
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of("Ann", "How do you plan a quarter?", null, null),
                Turn.of("Ben", "We pick three goals.", null, null),
                Turn.of("Ann", longRemark, null, null),
                Turn.of("Ben", "Sounds familiar.", null, null),
                Turn.of("Ann", "What happens when a goal slips?", null, null),
                Turn.of("Ben", "We talk about it on Monday.", null, null)), Layout.TURNS, TranscriptFormat.LABELLED_TEXT);

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(3, pairs.size());
        assertPair(pairs.get(1), longRemark, "Ann", "Sounds familiar.", "Ben", null, null);
    }

    @Test
    void shortInterviewerRemarkAfterAnAnswerJoinsTheQuestion() throws Exception {
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of("Ann", "How do you plan a quarter?", 1.0, 2.0),
                Turn.of("Ben", "We pick three goals.", 3.0, 4.0),
                Turn.of("Ann", "Nice.", 5.0, 5.5),
                Turn.of("Ben", "And we review them monthly.", 6.0, 8.0)), Layout.TURNS, TranscriptFormat.LABELLED_TEXT);

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(1, pairs.size());
        assertPair(pairs.get(0), "How do you plan a quarter?\n\nNice.", "Ann",
                "We pick three goals.\n\nAnd we review them monthly.", "Ben", 1.0, 8.0);
    }

    @Test
    void turnRolesFromTheFileNameTheInterviewerWhenTheIntervieweeAsksMore() throws Exception {
        List<Turn> turns = List.of(
                new Turn("Ann", SpeakerRole.INTERVIEWER, "Tell me about yourself.", null, null),
                new Turn("Ben", SpeakerRole.INTERVIEWEE, "Who, me? Why do you ask?", null, null),
                new Turn("Ann", SpeakerRole.INTERVIEWER, "Yes, you.", null, null),
                new Turn("Ben", SpeakerRole.INTERVIEWEE, "Is this the interview?", null, null),
                new Turn("Ann", SpeakerRole.INTERVIEWER, "It is. Where did you grow up?", null, null),
                new Turn("Ben", SpeakerRole.INTERVIEWEE, "In Oslo. Have you been there?", null, null));
        Transcript withRoles = new Transcript(Metadata.EMPTY, turns, Layout.TURNS, TranscriptFormat.VERBATIM_JSON);
        Transcript withoutRoles = new Transcript(Metadata.EMPTY,
                turns.stream().map(x -> Turn.of(x.speaker(), x.text(), null, null)).toList(), Layout.TURNS, TranscriptFormat.VERBATIM_JSON);

        Segmentation seg = Segmenter.segment(withRoles);

        assertEquals(List.of("Ben"), Segmenter.segment(withoutRoles).interviewers(), "Ben asks most");
        assertEquals(List.of("Ann"), seg.interviewers());
        assertEquals(2, seg.pairs().size());
        assertPair(seg.pairs().get(0), "Tell me about yourself.\n\nYes, you.", "Ann",
                "Who, me? Why do you ask?\n\nIs this the interview?", "Ben", null, null);
        assertPair(seg.pairs().get(1), "It is. Where did you grow up?", "Ann", "In Oslo. Have you been there?", "Ben", null, null);
    }

    @Test
    void interviewerQuestionNobodyAnsweredIsKeptWithAnEmptyAnswer() throws Exception {
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of("Ann", "Where do you live?", 1.0, 2.0),
                Turn.of("Ben", "Near the sea.", 2.5, 4.0),
                Turn.of("Ann", "Any questions for us?", 5.0, 6.0)), Layout.TURNS, TranscriptFormat.WEBVTT);

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(2, pairs.size());
        assertPair(pairs.get(1), "Any questions for us?", "Ann", "", null, 5.0, null);
    }

    @Test
    void unlabeledParagraphsWithoutAnyQuestionAreNoDialogue() {
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of(null, "We met at the station.", null, null),
                Turn.of(null, "Then we walked to the museum.", null, null)), Layout.PARAGRAPHS, TranscriptFormat.PLAIN_TEXT);

        NoDialogueException e = assertThrows(NoDialogueException.class, () -> Segmenter.segment(t));

        assertTrue(e.getMessage().startsWith("no dialogue found: no speaker labels, no timestamps and no questions"), e.getMessage());
    }

    @Test
    void captionsWithoutQuestionsBecomeOneOpeningPair() throws Exception {
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of(null, "We met at the", 0.0, 1.0),
                Turn.of(null, "station. Then we left.", 1.0, 2.5)), Layout.CAPTIONS, TranscriptFormat.SRT);

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(1, pairs.size());
        assertPair(pairs.get(0), "", null, "We met at the station. Then we left.", null, 0.0, 2.5);
    }

    @Test
    void promptRightBeforeACaptionQuestionBelongsToIt() throws Exception {
        Transcript t = new Transcript(Metadata.EMPTY, List.of(
                Turn.of(null, "Tell me about the game. What", 0.0, 2.0),
                Turn.of(null, "is it called? It is called Lantern.", 2.0, 4.0)), Layout.CAPTIONS, TranscriptFormat.WEBVTT);

        List<Pair> pairs = Segmenter.segment(t).pairs();

        assertEquals(1, pairs.size());
        assertPair(pairs.get(0), "Tell me about the game. What is it called?", null, "It is called Lantern.", null, 0.0, 4.0);
    }
}
