package org.verbatim.cli;

/** Turns HTML snippets into terminal text: marks become reverse video on a terminal, **bold** elsewhere. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    static String render(String html, boolean ansi) {
        if (html == null) {
            return "";
        }
        String open = ansi ? "\u001b[1;7m" : "**";
        String close = ansi ? "\u001b[0m" : "**";
        return html.replace("<mark>", open).replace("</mark>", close)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replace('\n', ' ');
    }
}
