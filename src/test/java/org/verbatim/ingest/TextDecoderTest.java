package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** What normalising is defined as: line ends, then odd spaces, then control characters, each replaced over the whole text. */
    private static String normalisedByPatterns(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        s = s.replaceAll("[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]", " ");
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFEFF\\u200B\\u200C\\u200D\\u2060]", "");
    }

    @Test
    void normalisingInOnePassDoesWhatTheReplacementsDo() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "\r" + c + "\n\r\nb" + c;
            assertEquals(normalisedByPatterns(text), TextDecoder.normalise(text), "character " + (int) c);
        }
        String plain = "nothing to change here\n";
        org.junit.jupiter.api.Assertions.assertSame(plain, TextDecoder.normalise(plain));
    }

    @Test
    void lineEndsBecomeLineFeeds() throws Exception {
        assertEquals("one\ntwo\nthree\nfour\nfive",
                TextDecoder.decode("one\r\ntwo\rthree\u2028four\u2029five".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noBreakAndOtherWideSpacesBecomePlainSpaces() throws Exception {
        assertEquals("a b c d e", TextDecoder.decode("a\u00A0b\u202Fc\u2009d\u3000e".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void zeroWidthAndControlCharactersAreRemovedButTabsStay() throws Exception {
        assertEquals("word\tjoined", TextDecoder.decode("wo\u200Brd\u0007\tjoi\u2060ned\u007F".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Olá".getBytes(StandardCharsets.UTF_8));

        assertEquals("Olá", TextDecoder.decode(bytes));
    }

    @Test
    void utf16LittleEndianWithByteOrderMarkIsDecoded() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "José: ¿Qué?\r\n".getBytes(StandardCharsets.UTF_16LE));

        assertEquals("José: ¿Qué?\n", TextDecoder.decode(bytes));
    }

    @Test
    void utf16BigEndianWithByteOrderMarkIsDecoded() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "Zoë".getBytes(StandardCharsets.UTF_16BE));

        assertEquals("Zoë", TextDecoder.decode(bytes));
    }

    @Test
    void utf16LittleEndianWithoutByteOrderMarkIsRecognisedByItsZeroBytes() throws Exception {
        assertEquals("Interviewer: Hello?", TextDecoder.decode("Interviewer: Hello?".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() throws Exception {
        byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'h', 'i', (byte) 0x94, ' ', 'I', (byte) 0x92, 'm'};

        assertEquals("café “hi” I’m", TextDecoder.decode(bytes));
    }

    @Test
    void binaryFileWithNulBytesIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TextDecoder.decode(FormatFixtures.bytes("binary.txt")));

        assertEquals("binary file, not text (it contains NUL bytes); export the transcript as text, VTT, SRT or JSON", e.getMessage());
    }

    @Test
    void binaryFixtureIsRejectedByTheLoader() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> FormatFixtures.parse("binary.txt"));

        assertTrue(e.getMessage().startsWith("binary file, not text"), e.getMessage());
    }

    @Test
    void crlfTranscriptReadsLikeOneWithLineFeeds() throws Exception {
        Transcript t = FormatFixtures.parse("crlf.txt");

        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "What is your favourite data structure?", null, null);
        assertTurn(t.turns().get(1), "Ivo Petrov",
                "The heap. It makes schedulers simple.\n\nIt also shows up in every graph algorithm I like.", null, null);
        assertTurn(t.turns().get(3), "Ivo Petrov", "Dijkstra's, because it is easy to explain.", null, null);
        assertTrue(t.turns().stream().noneMatch(turn -> turn.text().contains("\r")));
    }

    @Test
    void noBreakSpacesInATranscriptBecomePlainSpaces() throws Exception {
        Transcript t = FormatFixtures.parse("nbsp.txt");

        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "Where did you live before Berlin?", null, null);
        assertTurn(t.turns().get(1), "Ola Nowak", "In Kraków, for six years.", null, null);
        assertTurn(t.turns().get(3), "Ola Nowak", "My partner found a job here in 2019.", null, null);
        assertFalse(t.turns().stream().anyMatch(turn -> turn.text().indexOf('\u00A0') >= 0));
    }

    @Test
    void utf16TranscriptWithByteOrderMarkKeepsAccentedNames() throws Exception {
        Transcript t = FormatFixtures.parse("utf16le-bom.txt");

        assertEquals(TranscriptFormat.LABELLED_TEXT, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "Where did you study, José?", null, null);
        assertTurn(t.turns().get(1), "José Núñez", "In Sevilla, at the university.", null, null);
        assertTurn(t.turns().get(3), "José Núñez", "Telecommunications engineering.", null, null);
    }

    @Test
    void windows1252TranscriptKeepsAccentsAndCurlyQuotes() throws Exception {
        Transcript t = FormatFixtures.parse("windows-1252.txt");

        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Interviewer", "Who taught you to cook, Renée?", null, null);
        assertTurn(t.turns().get(1), "Renée Faure", "My grandmother. She said “never rush a sauce”.", null, null);
        assertTurn(t.turns().get(3), "Renée Faure", "A café-style crème brûlée.", null, null);
    }
}
