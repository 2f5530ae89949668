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

    /**
     * Whether a rule could match: each needs a {@code #}, a {@code +}, or a dot before {@code n} or
     * {@code j}. Most texts have none, and then the regular expressions need not run at all.
     */
    static boolean mayMatch(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '#' || c == '+') {
                return true;
            }
            if (c == '.' && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == 'n' || next == 'N' || next == 'j' || next == 'J') {
                    return true;
                }
            }
        }
        return false;
    }

    private String rewrite(String input) {
        if (!mayMatch(input)) {
            return input;
        }
        // Collect every match of every rule, left to right, without overlaps. Each rule's next match is
        // kept until the scan passes its start, so every rule scans the text once.
        StringBuilder out = new StringBuilder(input.length() + 16);
        Matcher[] matchers = new Matcher[RULES.size()];
        boolean[] found = new boolean[RULES.size()];
        for (int r = 0; r < matchers.length; r++) {
            matchers[r] = RULES.get(r).pattern().matcher(input);
            found[r] = matchers[r].find(0);
        }
        int i = 0;
        int cumulative = 0;
        while (i < input.length()) {
            int best = -1;
            for (int r = 0; r < matchers.length; r++) {
                if (found[r] && matchers[r].start() < i) {
                    found[r] = matchers[r].find(i);
                }
                if (found[r] && (best < 0 || matchers[r].start() < matchers[best].start())) {
                    best = r;
                }
            }
            if (best < 0) {
                out.append(input, i, input.length());
                break;
            }
            int bestStart = matchers[best].start();
            int bestEnd = matchers[best].end();
            String bestText = RULES.get(best).replacement().apply(matchers[best]);
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
