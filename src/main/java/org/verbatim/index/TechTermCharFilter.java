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

    /** Characters {@code start} to {@code end} of the text are written as {@code text}. */
    record Match(int start, int end, String text) {
    }

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

    /** Whether a lower-cased term matches {@link #PRODUCED}; checked by hand as it runs for every token. */
    static boolean produced(char[] term, int length) {
        if (length == 0 || term[0] < 'a' || term[0] > 'z') {
            return false;
        }
        if (length == 6 && (endsWith(term, length, "sharp") || endsWith(term, length, "dotnet"))
                || length == 9 && endsWith(term, length, "plusplus")) {
            return true;
        }
        if (length < 3 || !endsWith(term, length, "js")) {
            return false;
        }
        for (int i = 1; i < length - 2; i++) {
            char c = term[i];
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(char[] term, int length, String end) {
        int from = length - end.length();
        for (int i = 0; i < end.length(); i++) {
            if (term[from + i] != end.charAt(i)) {
                return false;
            }
        }
        return true;
    }

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
     * Where the next rewrite starts at or after {@code from}: the leftmost match of any rule, the earlier
     * rule on a tie, as running each rule's pattern would find it. A scan by hand, because the patterns
     * start with a look-behind that the regular-expression engine tries at every character.
     *
     * @return the match, or {@code null} when none is left
     */
    static Match nextMatch(String s, int from) {
        int n = s.length();
        for (int p = from; p < n; p++) {
            char c = s.charAt(p);
            if (c == '.') {
                // .NET
                if (p + 3 < n && !wordOrDot(s, p - 1) && (s.charAt(p + 1) == 'N' || s.charAt(p + 1) == 'n')
                        && (s.charAt(p + 2) == 'E' || s.charAt(p + 2) == 'e') && (s.charAt(p + 3) == 'T' || s.charAt(p + 3) == 't')
                        && !word(s, p + 4)) {
                    return new Match(p, p + 4, "dotnet");
                }
                continue;
            }
            if (!asciiLetter(c) || wordOrDot(s, p - 1)) {
                continue;
            }
            boolean afterSign = p > 0 && (s.charAt(p - 1) == '#' || s.charAt(p - 1) == '+');
            // C#, F#
            if (!afterSign && p + 1 < n && s.charAt(p + 1) == '#' && !wordOrSign(s, p + 2)) {
                return new Match(p, p + 2, c + "sharp");
            }
            // C++
            if (!afterSign && p + 2 < n && s.charAt(p + 1) == '+' && s.charAt(p + 2) == '+' && !wordOrSign(s, p + 3)) {
                return new Match(p, p + 3, c + "plusplus");
            }
            // Node.js: the whole run of letters and digits, then ".js"
            int q = p + 1;
            while (q < n && (asciiLetter(s.charAt(q)) || s.charAt(q) >= '0' && s.charAt(q) <= '9')) {
                q++;
            }
            if (q + 2 < n && s.charAt(q) == '.' && (s.charAt(q + 1) == 'J' || s.charAt(q + 1) == 'j')
                    && (s.charAt(q + 2) == 'S' || s.charAt(q + 2) == 's') && !word(s, q + 3)) {
                return new Match(p, q + 3, s.substring(p, q) + "js");
            }
        }
        return null;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code \w} as the patterns use it (ASCII letters, digits, underscore); false outside the text. */
    private static boolean word(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return asciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean wordOrDot(String s, int i) {
        return word(s, i) || i >= 0 && i < s.length() && s.charAt(i) == '.';
    }

    private static boolean wordOrSign(String s, int i) {
        return word(s, i) || i >= 0 && i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == '+');
    }

    private String rewrite(String input) {
        // Every match of every rule, left to right, without overlaps.
        Match m = nextMatch(input, 0);
        if (m == null) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length() + 16);
        int i = 0;
        int cumulative = 0;
        while (m != null) {
            out.append(input, i, m.start());
            out.append(m.text());
            if (m.end() - m.start() != m.text().length()) {
                cumulative += m.end() - m.start() - m.text().length();
                // From the end of the replacement on, output offsets map back by the accumulated difference.
                addOffCorrectMap(out.length(), cumulative);
            }
            i = m.end();
            m = nextMatch(input, i);
        }
        out.append(input, i, input.length());
        return out.toString();
    }

    /** A read buffer per thread: a filter is made for every text analysed, and most texts are short. */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    private static String readAll(Reader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = BUFFER.get();
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
