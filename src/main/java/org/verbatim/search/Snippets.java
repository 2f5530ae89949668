package org.verbatim.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Safe highlighting: the highlighter marks matches with private-use sentinels that cannot occur in
 * transcript text (the ingest step never produces them), the whole snippet is HTML-escaped, and only
 * then do the sentinels become {@code <mark>} and {@code </mark>}.
 */
public final class Snippets {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final String ELLIPSIS = "… ";

    private Snippets() {
    }

    /** A formatter joining passages with an ellipsis and marking matches with sentinels. */
    static PassageFormatter formatter() {
        return new PassageFormatter() {
            @Override
            public Object format(Passage[] passages, String content) {
                StringBuilder sb = new StringBuilder();
                int pos = 0;
                for (Passage p : passages) {
                    if (p.getStartOffset() > pos && sb.length() > 0) {
                        sb.append(ELLIPSIS);
                    } else if (p.getStartOffset() > 0 && sb.length() == 0) {
                        sb.append("… ");
                    }
                    // A phrase match can run past the end of the passage before; never go back over it.
                    pos = Math.max(pos, p.getStartOffset());
                    for (int i = 0; i < p.getNumMatches(); i++) {
                        int start = p.getMatchStarts()[i];
                        int end = p.getMatchEnds()[i];
                        if (start < pos) {
                            continue; // overlapping match, already inside a mark
                        }
                        int stop = Math.min(end, content.length());
                        sb.append(clean(content, pos, start)).append(OPEN).append(clean(content, start, stop)).append(CLOSE);
                        pos = stop;
                    }
                    if (p.getEndOffset() > pos) {
                        sb.append(clean(content, pos, p.getEndOffset()));
                        pos = p.getEndOffset();
                    }
                }
                if (pos < content.length() && sb.length() > 0) {
                    sb.append(" …");
                }
                return sb.toString().strip();
            }
        };
    }

    private static String clean(String content, int from, int to) {
        return content.substring(from, to).replace(OPEN, ' ').replace(CLOSE, ' ');
    }

    /** HTML-escapes text and turns the sentinels into marks. */
    public static String toHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case OPEN -> sb.append("<mark>");
                case CLOSE -> sb.append("</mark>");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** For terminals: marks shown with the given strings instead of HTML. */
    public static String toPlain(String marked, String open, String close) {
        return marked == null ? null : marked.replace(String.valueOf(OPEN), open).replace(String.valueOf(CLOSE), close);
    }

    /** The start of a text, cut at a word boundary, escaped, for when nothing in it matched. */
    static String lead(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.replace(OPEN, ' ').replace(CLOSE, ' ');
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max) + " …";
    }
}
