package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class SpeechAnalyzerTest {

    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = Schema.analyzer(); TokenStream ts = a.tokenStream(Schema.ANSWER, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + text.substring(off.startOffset(), off.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    @Test
    void technicalTermsStayWholeAndOffsetsPointAtWhatWasWritten() throws IOException {
        assertEquals(List.of("csharp@C#", "cplusplus@C++", "fsharp@F#", "dotnet@.NET", "nodejs@Node.js"),
                tokens("C#, C++, F#, .NET, Node.js"));
    }

    @Test
    void plainLetterCIsNotCSharp() throws IOException {
        assertEquals(List.of("c@C", "firmwar@firmware"), tokens("C firmware"));
    }

    @Test
    void englishWordsAreStemmedAndStopWordsDropped() throws IOException {
        assertEquals(List.of("deploi@deployed", "servic@services", "cluster@clusters"),
                tokens("They deployed the services to clusters"));
    }

    /** The speech chain as it was before stems were remembered: Porter stemming on every token. */
    private static final class UncachedSpeechAnalyzer extends Analyzer {
        @Override
        protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
            return new TechTermCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer source = new org.apache.lucene.analysis.standard.StandardTokenizer();
            TokenStream ts = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source);
            ts = new org.apache.lucene.analysis.LowerCaseFilter(ts);
            ts = new org.apache.lucene.analysis.StopFilter(ts, org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            ts = new org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter(ts);
            ts = new TechTermKeywordFilter(ts);
            ts = new org.apache.lucene.analysis.en.PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    }

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(Schema.ANSWER, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + off.startOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void rememberedStemsAreExactlyWhatPorterGives() throws IOException {
        try (Analyzer cached = Schema.analyzer(); Analyzer plain = new UncachedSpeechAnalyzer()) {
            List<String> texts = new ArrayList<>(List.of("running runs ran runner running RUNNING",
                    "C# developers develop C# and .NET; the developer's developments", "caresses ponies ties caress cats"));
            texts.addAll(randomStrings(3, "abcdeginorstuy #.", 60));
            // The same chain serves text after text, so words are remembered across them, as when indexing.
            for (String text : texts) {
                assertEquals(terms(plain, text), terms(cached, text), text);
            }
        }
    }

    @Test
    void offsetsStayRightAfterSeveralRewrittenTerms() throws IOException {
        String text = "I moved from C# to C++ and then Node.js, keeping .NET around.";
        List<String> t = tokens(text);
        assertEquals("nodejs@Node.js", t.get(t.size() - 4));
        assertEquals("dotnet@.NET", t.get(t.size() - 2));
        assertEquals("around@around", t.get(t.size() - 1));
    }

    /** The leftmost match of any rule (the earlier rule on a tie), found with the rules' patterns. */
    private static TechTermCharFilter.Match byPatterns(String s, int from) {
        TechTermCharFilter.Match best = null;
        for (TechTermCharFilter.Rule r : TechTermCharFilter.RULES) {
            java.util.regex.Matcher m = r.pattern().matcher(s);
            if (m.find(from) && (best == null || m.start() < best.start())) {
                best = new TechTermCharFilter.Match(m.start(), m.end(), r.replacement().apply(m));
            }
        }
        return best;
    }

    /** 20,000 strings of 1 to {@code maxLength} characters from the alphabet, the same for the same seed. */
    private static List<String> randomStrings(long seed, String alphabet, int maxLength) {
        java.util.Random random = new java.util.Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(maxLength); i >= 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void scanFindsWhatTheRulePatternsFind() {
        List<String> texts = new ArrayList<>(List.of("C#, C++, F#, .NET, Node.js", "c#.net", "a.NET", "x.js", "C##", "C+++",
                "#C#", "+C++", "Vue.js_", "Vue.jsx", "v2.js.", ".NETwork", "..NET", "A.B.js", "node.JS and .Net", "e.g. C, R"));
        texts.addAll(randomStrings(7, "cCnNeEtTjJsSxz019_.#+ ", 12));
        for (String text : texts) {
            for (int from = 0; from <= text.length(); from++) {
                assertEquals(byPatterns(text, from), TechTermCharFilter.nextMatch(text, from), text + " from " + from);
            }
        }
    }

    @Test
    void producedTermsAreRecognisedAsThePatternSays() {
        List<String> terms = new ArrayList<>(List.of("csharp", "cplusplus", "dotnet", "nodejs", "js", "xjs", "x1js", "1js",
                "sharp", "csharps", "ccplusplus", "dotnets", "node_js", "nodéjs", ""));
        terms.addAll(randomStrings(11, "abcdjspt0_", 8));
        for (String term : terms) {
            assertEquals(TechTermCharFilter.PRODUCED.matcher(term).matches(), TechTermCharFilter.produced(term.toCharArray(), term.length()), term);
        }
    }

    @Test
    void queryRewriteMatchesIndexRewrite() {
        assertEquals("Csharp OR Cplusplus AND \"Nodejs dotnet\"", TechTermCharFilter.rewriteText("C# OR C++ AND \"Node.js .NET\""));
    }
}
