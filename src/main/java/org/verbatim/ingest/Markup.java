package org.verbatim.ingest;

import java.util.regex.Pattern;

/** Removes the light Markdown emphasis and escapes that transcript exports carry around plain words. */
public final class Markup {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])[*_](\\S(?:.*?\\S)?)[*_](?![\\w*])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\((?:https?://|/)[^)\\s]*\\)");
    private static final Pattern SPACES = Pattern.compile("[ ]{2,}");

    private Markup() {
    }

    public static String strip(String s) {
        // Each pattern needs a character that most lines do not have; without it the pattern is not run.
        String out = s;
        if (out.indexOf('[') >= 0) {
            out = LINK.matcher(out).replaceAll("$1");
        }
        boolean star = out.indexOf('*') >= 0;
        boolean underscore = out.indexOf('_') >= 0;
        if (star || underscore) {
            out = BOLD.matcher(out).replaceAll(mr -> java.util.regex.Matcher.quoteReplacement(mr.group(1) != null ? mr.group(1) : mr.group(2)));
            out = EMPHASIS.matcher(out).replaceAll(mr -> java.util.regex.Matcher.quoteReplacement(mr.group(1)));
        }
        if (out.indexOf('\\') >= 0) {
            out = ESCAPE.matcher(out).replaceAll("$1");
        }
        if (out.contains("  ")) {
            out = SPACES.matcher(out).replaceAll(" ");
        }
        return out.strip();
    }
}
