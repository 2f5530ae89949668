package org.verbatim.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into clean text: detects UTF-8 / UTF-16 (with or without BOM) and falls back to
 * Windows-1252 for legacy files, then normalises line ends, no-break and zero-width spaces and control
 * characters. Words are never changed.
 */
public final class TextDecoder {


    private TextDecoder() {
    }

    /** Decodes and normalises; throws when the bytes are not text. */
    public static String decode(byte[] bytes) throws UnreadableFileException {
        String text = decodeCharset(bytes);
        return normalise(text);
    }

    /** Line ends to {@code \n}, odd spaces to plain spaces, control and zero-width characters removed. */
    public static String normalise(String text) {
        // One pass instead of a replace per rule: most texts need no change and are returned as they are.
        int first = 0;
        while (first < text.length() && !changes(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (isOddSpace(c)) {
                out.append(' ');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@link #normalise} rewrites or drops this character. */
    private static boolean changes(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        return c == '\r' || c == '\u2028' || c == '\u2029' || isOddSpace(c) || isControl(c);
    }

    /** No-break, fixed-width and ideographic spaces: {@code [\u00A0\u2000-\u200A\u202F\u205F\u3000]}. */
    static boolean isOddSpace(char c) {
        return c == '\u00A0' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /**
     * Control characters other than tab and line ends, the byte-order mark and zero-width characters:
     * {@code [\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFEFF\u200B\u200C\u200D\u2060]}.
     */
    static boolean isControl(char c) {
        return c <= 0x08 || c == 0x0B || c == 0x0C || c >= 0x0E && c <= 0x1F || c == 0x7F
                || c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    private static String decodeCharset(byte[] b) throws UnreadableFileException {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return strict(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return strict(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        Charset utf16 = guessUtf16WithoutBom(b);
        if (utf16 != null) {
            return strict(b, 0, utf16, utf16.name());
        }
        if (looksBinary(b)) {
            throw new UnreadableFileException("binary file, not text (it contains NUL bytes); export the transcript as text, VTT, SRT or JSON");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: legacy exports are nearly always Windows-1252 (a superset of Latin-1's printable range).
            return new String(b, Charset.forName("windows-1252"));
        }
    }

    private static String strict(byte[] b, int offset, Charset cs, String name) throws UnreadableFileException {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            // A truncated last character is common in cut files; keep what decodes.
            String lenient = new String(b, offset, b.length - offset, cs);
            if (lenient.chars().filter(c -> c == 0xFFFD).count() > Math.max(3, lenient.length() / 100)) {
                throw new UnreadableFileException("the file says it is " + name + " but its bytes are not valid " + name, e);
            }
            return lenient.replace("\uFFFD", "");
        }
    }

    private static Charset guessUtf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        int half = n / 2;
        if (zeroOdd > half * 0.6 && zeroEven < half * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven > half * 0.6 && zeroOdd < half * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
