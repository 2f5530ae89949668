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
