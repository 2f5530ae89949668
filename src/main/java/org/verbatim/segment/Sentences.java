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

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = END.matcher(text);
        int from = 0;
        while (m.find()) {
            String candidate = text.substring(from, m.end());
            if (m.group().equals(".") && ABBREVIATION.matcher(candidate.strip()).find()) {
                continue;
            }
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
}
