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
        String out = LINK.matcher(s).replaceAll("$1");
        out = BOLD.matcher(out).replaceAll(mr -> java.util.regex.Matcher.quoteReplacement(mr.group(1) != null ? mr.group(1) : mr.group(2)));
        out = EMPHASIS.matcher(out).replaceAll(mr -> java.util.regex.Matcher.quoteReplacement(mr.group(1)));
        out = ESCAPE.matcher(out).replaceAll("$1");
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
