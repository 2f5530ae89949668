package org.verbatim.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Two-word shingles of a text field, indexed beside it so that an exact phrase is first narrowed to the
 * pairs holding each of its adjacent word pairs (as Elasticsearch's {@code index_phrases} does). The
 * shingles are taken from the tokens the text field was indexed with, recorded as it is inverted, so the
 * text is not analysed a second time; the shingle field must therefore come after its text field in the
 * document. Words a stop word separated are not adjacent and give no shingle.
 */
public final class PhraseShingles {

    /**
     * Which pairs hold a shingle and how often (a two-word phrase's frequency); no positions, and no norms,
     * since a phrase scores with its text field's norms.
     */
    public static final FieldType TYPE;

    static {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.freeze();
        TYPE = t;
    }

    /** The term for two adjacent indexed tokens. */
    public static String shingle(String first, String second) {
        return first + ' ' + second;
    }

    private PhraseShingles() {
    }

    /** Tokens recorded from one field of one document: their text and whether each follows the previous directly. */
    static final class Recording {
        private char[][] terms = new char[64][];
        private int[] lengths = new int[64];
        private boolean[] adjacent = new boolean[64];
        private int size;

        void add(char[] buffer, int length, boolean follows) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                adjacent = Arrays.copyOf(adjacent, size * 2);
            }
            char[] t = terms[size];
            if (t == null || t.length < length) {
                t = new char[Math.max(16, length)];
                terms[size] = t;
            }
            System.arraycopy(buffer, 0, t, 0, length);
            lengths[size] = length;
            adjacent[size] = follows;
            size++;
        }
    }

    /** The text field: indexed as usual through the analyzer, its tokens recorded on the way. */
    static Field recorded(String name, String value, FieldType type, Recording into) {
        return new Field(name, value, type) {
            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                into.size = 0;
                return new Recorder(super.tokenStream(analyzer, reuse), into);
            }
        };
    }

    /** The shingle field, read from the recording when the writer inverts it. */
    static Field shingles(String name, Recording from) {
        return new Field(name, TYPE) {
            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                return new Replay(from);
            }
        };
    }

    private static final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final Recording into;

        Recorder(TokenStream in, Recording into) {
            super(in);
            this.into = into;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            into.add(term.buffer(), term.length(), increment.getPositionIncrement() == 1);
            return true;
        }
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Recording from;
        private int next = 1;

        Replay(Recording from) {
            this.from = from;
        }

        @Override
        public boolean incrementToken() {
            while (next < from.size && !from.adjacent[next]) {
                next++;
            }
            if (next >= from.size) {
                return false;
            }
            clearAttributes();
            int a = next - 1;
            int la = from.lengths[a];
            int lb = from.lengths[next];
            char[] buffer = term.resizeBuffer(la + 1 + lb);
            System.arraycopy(from.terms[a], 0, buffer, 0, la);
            buffer[la] = ' ';
            System.arraycopy(from.terms[next], 0, buffer, la + 1, lb);
            term.setLength(la + 1 + lb);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 1;
        }
    }
}
