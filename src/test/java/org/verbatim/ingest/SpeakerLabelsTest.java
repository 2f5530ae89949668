package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeakerLabelsTest {

    private static void assertLabel(SpeakerLabels.Label label, String speaker, Double start, String rest) {
        assertNotNull(label, "expected a label");
        assertEquals(speaker, label.speaker());
        FormatFixtures.assertTime(start, label.start(), "label time");
        assertEquals(rest, label.rest());
    }

    @Test
    void colonLabelsUsedTwiceByTwoSpeakersAreDetected() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "Anna Berg: Hello there?", "Bo Lind: Hi.", "Anna Berg: How are you?", "Bo Lind: Fine."));

        assertNotNull(labels);
        assertEquals(SpeakerLabels.Kind.COLON, labels.style());
        assertFalse(labels.usesPressQuestions());
        assertLabel(labels.at("Bo Lind: Fine, thanks.", ""), "Bo Lind", null, "Fine, thanks.");
    }

    @Test
    void wordBeforeAColonOnceIsNotASpeaker() {
        assertNull(SpeakerLabels.detect(List.of(
                "Note: the recording starts late.", "We talked about the weather.", "Then we went home.")));
    }

    @Test
    void labelSeenOnceInMostlyUnlabelledParagraphsIsNotASpeaker() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "Anna Berg: Hello there?", "", "Bo Lind: Hi.", "", "Anna Berg: How are you?", "", "Bo Lind: Fine.", "",
                "We walked on.", "", "It rained.", "", "The bus was late.", "", "We waited.", "", "It got dark.", "",
                "Then it came.", "", "Reminder: water the plants."));

        assertNotNull(labels);
        assertNull(labels.at("Reminder: water the plants.", ""));
        assertLabel(labels.at("Anna Berg: Bye?", ""), "Anna Berg", null, "Bye?");
    }

    @Test
    void speakerWhoTalksOnceCountsWhenMostParagraphsOpenWithALabel() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "Anna Berg: Hello, both of you?", "", "Bo Lind: Hi.", "", "Anna Berg: And you, Cy?", "", "Cy Dahl: Fine.", "",
                "Bo Lind: Shall we start?"));

        assertNotNull(labels);
        assertLabel(labels.at("Cy Dahl: Fine.", ""), "Cy Dahl", null, "Fine.");
    }

    @Test
    void roleWordCountsAsASpeakerEvenWhenUsedOnce() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "Interviewer: How are you?", "Sam Lee: Fine.", "Sam Lee: Really fine."));

        assertNotNull(labels);
        assertLabel(labels.at("Interviewer: How are you?", ""), "Interviewer", null, "How are you?");
    }

    @Test
    void timeBeforeOrAfterTheNameIsReadAsTheStart() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "[00:01:05] Anna Berg: Hello there?", "Bo Lind [01:10]: Hi.", "Anna Berg: How are you?", "Bo Lind: Fine."));

        assertNotNull(labels);
        assertLabel(labels.at("[00:01:05] Anna Berg: Hello there?", ""), "Anna Berg", 65.0, "Hello there?");
        assertLabel(labels.at("Bo Lind [01:10]: Hi.", ""), "Bo Lind", 70.0, "Hi.");
    }

    @Test
    void boldMarkdownLabelsCarryTheirTime() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "**Tom Becker:** [00:00:05] Welcome.", "**Priya Shah:** Thanks.", "**Tom Becker:** Go on?", "**Priya Shah**: Sure."));

        assertNotNull(labels);
        assertEquals(SpeakerLabels.Kind.BOLD, labels.style());
        assertLabel(labels.at("**Tom Becker:** [00:01:00] Next question?", ""), "Tom Becker", 60.0, "Next question?");
        assertLabel(labels.at("**Priya Shah**: Sure.", ""), "Priya Shah", null, "Sure.");
    }

    @Test
    void otterHeaderLinesGiveNameAndTime() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "Dana Whitfield  0:21", "Hello?", "", "Sam Okafor  0:34", "Hi.", "", "Dana Whitfield  1:02:03", "Bye?", "",
                "Sam Okafor  1:02:09", "Bye."));

        assertNotNull(labels);
        assertEquals(SpeakerLabels.Kind.OTTER, labels.style());
        assertLabel(labels.at("Dana Whitfield  1:02:03", "Bye?"), "Dana Whitfield", 3723.0, "");
    }

    @Test
    void bareNameLinesNeedFourTurnsToCount() {
        assertNull(SpeakerLabels.detect(List.of("Dana Whitfield", "Hello?", "", "Sam Okafor", "Hi.", "", "Dana Whitfield", "Bye?")));
    }

    @Test
    void bareNameLineIsALabelOnlyWhenTextFollowsOnTheNextLine() {
        List<String> lines = List.of("Dana Whitfield", "Hello?", "", "Sam Okafor", "Hi.", "",
                "Dana Whitfield", "Bye?", "", "Sam Okafor", "Bye.");
        SpeakerLabels labels = SpeakerLabels.detect(lines);

        assertNotNull(labels);
        assertEquals(SpeakerLabels.Kind.BARE_NAME, labels.style());
        assertLabel(labels.at("Sam Okafor", "Bye."), "Sam Okafor", null, "");
        assertNull(labels.at("Sam Okafor", ""));
    }

    @Test
    void pressTranscriptsPairNamedAnswersWithBareQ() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "MS. SMITH: Good afternoon.", "Q Will it rain?", "MS. SMITH: No.", "Q Are you sure?", "MS. SMITH: Yes."));

        assertNotNull(labels);
        assertEquals(SpeakerLabels.Kind.COLON, labels.style());
        assertTrue(labels.usesPressQuestions());
        assertLabel(labels.at("Q Will it rain?", ""), "Q", null, "Will it rain?");
        assertLabel(labels.at("Q", "Next line"), "Q", null, "");
        assertLabel(labels.at("MS. SMITH: No.", ""), "MS. SMITH", null, "No.");
    }

    @Test
    void sentenceStartingWithQuestionIsNotAPressQuestion() {
        SpeakerLabels labels = SpeakerLabels.detect(List.of(
                "MS. SMITH: Good afternoon.", "Q Will it rain?", "MS. SMITH: No.", "Q Are you sure?", "MS. SMITH: Yes."));

        assertNotNull(labels);
        assertNull(labels.at("Quite a day, wasn't it.", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Note", "Https", "Summary", "Example"})
    void commonLeadWordsAreNeverSpeakersEvenWhenRepeated(String word) {
        SpeakerLabels labels = SpeakerLabels.detect(List.of("Anna Berg: Hi?", "Bo Lind: Hi.", word + ": one thing",
                "Anna Berg: Anything else?", "Bo Lind: No.", word + ": another thing"));

        assertNotNull(labels);
        assertNull(labels.at(word + ": another thing", ""));
    }
}
