package org.verbatim.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into sentences at '.', '!' or '?' followed by space, without breaking "Mr. Smith" or "U.S. policy". */
public final class Sentences {

    private static final Pattern END = Pattern.compile("[.!?…]+[\"'”’)\\]]*(?=\\s+|$)");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:\\b(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|etc|e\\.g|i\\.e|approx|no|inc|ltd|co)|\\b\\p{Lu}(?:\\.\\p{Lu})*)\\.$");

    /**
     * How far back from a period an abbreviation is looked for: past any word the pattern lists. Longer
     * runs of initials ("U.S.A.") are still found by their last letters.
     */
    private static final int ABBREVIATION_REACH = 32;

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = END.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.group().equals(".") && abbreviationEndsAt(text, from, m.end())) {
                continue;
            }
            String candidate = text.substring(from, m.end());
            if (!candidate.isBlank()) {
                out.add(candidate.strip());
            }
            from = m.end();
        }
        if (from < text.length() && !text.substring(from).isBlank()) {
            out.add(text.substring(from).strip());
        }
        return out;
    }

    /**
     * Whether the period just before {@code end} closes an abbreviation. Only the last few characters are
     * searched (with transparent bounds, so word boundaries still see the text around them): text with
     * abbreviation after abbreviation ("A. B. C. ...") would otherwise be searched again from the start
     * of the sentence at every period, which takes minutes for a few tens of kilobytes.
     */
    private static boolean abbreviationEndsAt(String text, int from, int end) {
        return ABBREVIATION.matcher(text).region(Math.max(from, end - ABBREVIATION_REACH), end).useTransparentBounds(true).find();
    }
}
