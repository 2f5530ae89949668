package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.NoDialogueException;
import org.verbatim.segment.Pair;
import org.verbatim.support.Fixtures;

/**
 * {@link Schema#distinctWords} analyses each space-separated piece of text once; the words must be
 * exactly those the words field's analyzer finds in the whole text.
 */
class DistinctWordsTest {

    private static final Analyzer NAMES = new Schema.NameAnalyzer();

    @Test
    void realTranscriptsGiveTheWordsOfTheirWholeText() throws IOException {
        TranscriptLoader loader = new TranscriptLoader(64L << 20);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixtures.corpus())) {
            files = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).sorted().toList();
        }
        int checked = 0;
        for (Path f : files) {
            Interview interview;
            try {
                interview = InterviewBuilder.build(loader.load(f, null));
            } catch (UnreadableFileException | NoDialogueException e) {
                continue;
            }
            Set<String> expected = new LinkedHashSet<>();
            for (Pair p : interview.pairs()) {
                expected.addAll(wholeText(p.question()));
                expected.addAll(wholeText(p.answer()));
            }
            assertEquals(expected, Schema.distinctWords(interview), f.toString());
            checked++;
        }
        assertTrue(checked >= 5, "only " + checked + " transcripts read from " + Fixtures.corpus());
    }

    @Test
    void randomTextWithMarksDigitsAndScriptsGivesTheWordsOfTheWholeText() {
        // Characters chosen to sit at word boundaries: apostrophes, periods, combining marks, digits,
        // joiners, ideographs, emoji, non-breaking and other spaces, and the breaks the pieces are cut at.
        String alphabet = "ab Z9'.,-_:@/#+ \u0301\u00e9\u00df\u200d\u00a0\u2009\u4e2d\u6587\u3042\ud83d\ude00\t\n\r";
        Random random = new Random(20261127);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                    sb.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    sb.append(c);
                }
            }
            String text = sb.toString();
            Interview one = new Interview("i", "t", List.of(), List.of(), null, null, List.of(), null, null, "s", "text", "h",
                    List.of(new Pair(0, "Q", "q", text, "a", null, null)));
            Set<String> expected = new LinkedHashSet<>(wholeText("Q"));
            expected.addAll(wholeText(text));
            assertEquals(expected, Schema.distinctWords(one), () -> "text: " + text.codePoints()
                    .mapToObj(cp -> String.format("U+%04X", cp)).toList());
        }
    }

    private static List<String> wholeText(String text) {
        return wholeText(NAMES, text);
    }

    /** The words field's tokens of a whole text, in order, as {@code analyzer} gives them. */
    static List<String> wholeText(Analyzer analyzer, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
