package org.verbatim.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the clock times transcripts write ("1:02:03", "00:43.810", "00:00:43,810", "0:21") as seconds. */
public final class Timecodes {

    /** A clock time: [h:]m:s with an optional fraction after '.' or ','. */
    public static final String CLOCK = "(?:\\d{1,3}:)?\\d{1,2}:\\d{1,2}(?:[.,]\\d{1,3})?";

    private static final Pattern PARTS = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,3}))?");

    private Timecodes() {
    }

    /** Seconds, or {@code null} when {@code text} is not a clock time. */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PARTS.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int h = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = Integer.parseInt(m.group(3));
        if (min > 59 || s > 59) {
            return null;
        }
        double frac = 0;
        if (m.group(4) != null) {
            String f = m.group(4);
            frac = Integer.parseInt(f) / Math.pow(10, f.length());
        }
        return h * 3600.0 + min * 60.0 + s + frac;
    }

    /** "m:ss" or "h:mm:ss" for display. */
    public static String format(double seconds) {
        long total = (long) Math.floor(seconds);
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
