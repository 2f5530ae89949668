package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.verbatim.segment.NoDialogueException;
import org.verbatim.segment.Pair;
import org.verbatim.segment.Segmentation;
import org.verbatim.segment.Segmenter;

/** Loads the format fixtures from the test classpath and checks turns against exact expectations. */
public final class FormatFixtures {

    private static final String FOLDER = "/fixtures/formats/";

    private FormatFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = FormatFixtures.class.getResourceAsStream(FOLDER + name)) {
            assertNotNull(in, "fixture missing from the classpath: " + FOLDER + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a fixture the way the loader does: the file name picks the reader. */
    public static Transcript parse(String name) throws UnreadableFileException {
        return TranscriptLoader.parse(name, bytes(name));
    }

    /** Seconds compared to the microsecond; {@code null} when the format has no time. */
    public static void assertTime(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what + " should have no time");
        } else {
            assertNotNull(actual, what + " should have a time");
            assertEquals(expected, actual, 1e-6, what);
        }
    }

    public static void assertTurn(Turn turn, String speaker, String text, Double start, Double end) {
        assertEquals(speaker, turn.speaker(), "speaker");
        assertEquals(text, turn.text(), "text");
        assertTime(start, turn.start(), "turn start");
        assertTime(end, turn.end(), "turn end");
    }

    /** Parses a fixture and segments it into question/answer pairs. */
    public static Segmentation segment(String name) throws UnreadableFileException, NoDialogueException {
        return Segmenter.segment(parse(name));
    }

    public static void assertPair(Pair pair, String question, String questionSpeaker, String answer, String answerSpeaker,
                                  Double start, Double end) {
        assertEquals(question, pair.question(), "question of pair " + pair.index());
        assertEquals(questionSpeaker, pair.questionSpeaker(), "question speaker of pair " + pair.index());
        assertEquals(answer, pair.answer(), "answer of pair " + pair.index());
        assertEquals(answerSpeaker, pair.answerSpeaker(), "answer speaker of pair " + pair.index());
        assertTime(start, pair.start(), "start of pair " + pair.index());
        assertTime(end, pair.end(), "end of pair " + pair.index());
    }
}
