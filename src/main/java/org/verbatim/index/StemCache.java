package org.verbatim.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Remembers what a stemmer made of each word, so that a word seen before is not stemmed again: speech
 * repeats a small vocabulary, and stemming was a tenth of the indexing time. {@link #before} goes in
 * front of the stemmer and {@link #after} behind it; a remembered word passes the stemmer marked as a
 * keyword, which it leaves alone. The output is exactly the stemmer's.
 */
final class StemCache {

    /** Words remembered per analysis chain (one per field and thread) before the cache starts again. */
    private static final int MAX_WORDS = 50_000;

    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private char[] word = new char[32];
    private int wordLength;
    /** What the current token is: a remembered word, a keyword of its own, or a word to learn. */
    private boolean hit;
    private boolean keyword;

    TokenStream before(TokenStream in) {
        return new TokenFilter(in) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keywordAttr = addAttribute(KeywordAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                keyword = keywordAttr.isKeyword();
                hit = false;
                if (keyword) {
                    return true;
                }
                char[] stem = stems.get(term.buffer(), 0, term.length());
                if (stem != null) {
                    hit = true;
                    term.copyBuffer(stem, 0, stem.length);
                    keywordAttr.setKeyword(true);
                } else {
                    wordLength = term.length();
                    if (word.length < wordLength) {
                        word = new char[Math.max(wordLength, word.length * 2)];
                    }
                    System.arraycopy(term.buffer(), 0, word, 0, wordLength);
                }
                return true;
            }
        };
    }

    TokenStream after(TokenStream in) {
        return new TokenFilter(in) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keywordAttr = addAttribute(KeywordAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                if (hit) {
                    keywordAttr.setKeyword(false);
                } else if (!keyword) {
                    if (stems.size() >= MAX_WORDS) {
                        stems.clear();
                    }
                    stems.put(Arrays.copyOf(word, wordLength), Arrays.copyOf(term.buffer(), term.length()));
                }
                return true;
            }
        };
    }
}
