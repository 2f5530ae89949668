package org.verbatim.index;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Rewrites technical terms that the standard tokenizer would break ({@code C#}, {@code C++}, {@code F#},
 * {@code .NET}, {@code Node.js}) into single word tokens ({@code csharp}, {@code cplusplus},
 * {@code fsharp}, {@code dotnet}, {@code nodejs}) before tokenizing, with offset corrections so that
 * highlights still mark the characters that were written.
 */
public final class TechTermCharFilter extends BaseCharFilter {

    /** A rule: what to find and how to spell it as one token. */
    record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![\\w.#+])([A-Za-z])#(?![\\w#+])"), m -> m.group(1) + "sharp"),
            new Rule(Pattern.compile("(?<![\\w.#+])([A-Za-z])\\+\\+(?![\\w#+])"), m -> m.group(1) + "plusplus"),
            new Rule(Pattern.compile("(?<![\\w.])\\.([Nn][Ee][Tt])(?![\\w])"), m -> "dotnet"),
            new Rule(Pattern.compile("(?<![\\w.])([A-Za-z][A-Za-z0-9]*)\\.([Jj][Ss])(?![\\w])"), m -> m.group(1) + "js"));

    /** Tokens these rules produce; they must not be stemmed. */
    static final Pattern PRODUCED = Pattern.compile("[a-z]sharp|[a-z]plusplus|dotnet|[a-z][a-z0-9]*js");

    private final String output;
    private int pos;

    public TechTermCharFilter(Reader in) {
        super(in);
        String text;
        try {
            text = readAll(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.output = rewrite(text);
    }

    /** Applies the rules to a query string or a text, without offset bookkeeping. */
    public static String rewriteText(String text) {
        String s = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(s);
            s = m.replaceAll(mr -> Matcher.quoteReplacement(r.replacement().apply((Matcher) mr)));
        }
        return s;
    }

    private String rewrite(String input) {
        // Collect every match of every rule, left to right, without overlaps.
        StringBuilder out = new StringBuilder(input.length() + 16);
        int i = 0;
        int cumulative = 0;
        while (i < input.length()) {
            int bestStart = -1;
            int bestEnd = -1;
            String bestText = null;
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(input);
                if (m.find(i) && (bestStart < 0 || m.start() < bestStart)) {
                    bestStart = m.start();
                    bestEnd = m.end();
                    bestText = r.replacement().apply(m);
                }
            }
            if (bestStart < 0) {
                out.append(input, i, input.length());
                break;
            }
            out.append(input, i, bestStart);
            out.append(bestText);
            int inLen = bestEnd - bestStart;
            int outLen = bestText.length();
            if (inLen != outLen) {
                cumulative += inLen - outLen;
                // From the end of the replacement on, output offsets map back by the accumulated difference.
                addOffCorrectMap(out.length(), cumulative);
            }
            i = bestEnd;
        }
        return out.toString();
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (pos >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - pos);
        output.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
    }
}
