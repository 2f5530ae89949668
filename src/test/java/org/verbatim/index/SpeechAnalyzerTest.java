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

    @Test
    void queryRewriteMatchesIndexRewrite() {
        assertEquals("Csharp OR Cplusplus AND \"Nodejs dotnet\"", TechTermCharFilter.rewriteText("C# OR C++ AND \"Node.js .NET\""));
    }
}
