package org.verbatim.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads metadata fields from the key/value forms they arrive in (YAML front matter, sidecar JSON, a CSV
 * manifest row, Verbatim's own JSON). Keys are case-insensitive and a few common synonyms are accepted;
 * lists may be arrays or strings separated by ';'.
 */
public final class MetadataFields {

    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ENGLISH),
    };
    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** The longest name, role, tag or id, in characters; see {@link #label}. */
    public static final int MAX_LABEL_CHARS = 200;
    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");

    private MetadataFields() {
    }

    /** Builds metadata from a map; throws when a field has a value of the wrong kind. */
    public static Metadata fromMap(Map<String, ?> raw) throws UnreadableFileException {
        String id = null;
        String title = null;
        String role = null;
        String outcome = null;
        String recording = null;
        LocalDate date = null;
        List<String> candidates = List.of();
        List<String> interviewers = List.of();
        List<String> tags = List.of();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            String key = e.getKey().trim();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "id", "interview_id", "interviewid" -> id = label(key, scalar(v));
                case "title", "name" -> title = scalar(v);
                case "candidates", "candidate", "interviewees", "interviewee" -> candidates = labels(key, list(v));
                case "interviewers", "interviewer" -> interviewers = labels(key, list(v));
                case "role", "position", "job" -> role = label(key, scalar(v));
                case "date", "interview_date" -> date = date(scalar(v), "date");
                case "tags", "tag", "labels" -> tags = labels(key, list(v));
                case "outcome", "decision", "result" -> outcome = scalar(v);
                case "recording", "recording_url", "media", "video", "audio" -> recording = recording(key, scalar(v));
                default -> {
                    // other keys (source_url, published_time...) are kept out of the model
                }
            }
        }
        return new Metadata(id, title, candidates, interviewers, role, date, tags, outcome, recording);
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    /**
     * Checks where an interview's recording is: an http(s) URL, or a path under the server's media folder
     * (relative to it, with '/' between folders). Anything else (another scheme, a way out of the folder,
     * control characters) is refused with the reason.
     */
    public static String recording(String field, String value) throws UnreadableFileException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 2048 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new UnreadableFileException("metadata field '" + field + "' is not a URL or a path: it is over 2,048 characters or has control characters");
        }
        Matcher scheme = SCHEME.matcher(v);
        if (scheme.find() && scheme.group(1).length() > 1) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                throw new UnreadableFileException("metadata field '" + field + "' is a " + s + ": address; a recording is an http(s) URL "
                        + "or a path under the media folder");
            }
            try {
                java.net.URI uri = new java.net.URI(v);
                if (uri.getHost() == null) {
                    throw new UnreadableFileException("metadata field '" + field + "' has no host: '" + v + "'");
                }
            } catch (java.net.URISyntaxException e) {
                throw new UnreadableFileException("metadata field '" + field + "' is not a valid URL: " + e.getMessage());
            }
            return v;
        }
        String path = v.replace('\\', '/');
        if (path.startsWith("/") || SCHEME.matcher(path).find()) {
            throw new UnreadableFileException("metadata field '" + field + "' is an absolute path ('" + v + "'); write it relative to "
                    + "the media folder (verbatim serve --media DIR)");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new UnreadableFileException("metadata field '" + field + "' leads out of the media folder ('" + v + "')");
            }
        }
        return path;
    }

    /**
     * Checks a value that becomes a facet label or an id (a name, a role, a tag). Lucene refuses a facet
     * label over 8,191 characters with an exception that would stop the whole indexing run; no real
     * label comes near this much lower limit.
     */
    public static String label(String field, String value) throws UnreadableFileException {
        if (value != null && value.strip().length() > MAX_LABEL_CHARS) {
            throw new UnreadableFileException("metadata field '" + field + "' is " + value.strip().length()
                    + " characters long, over the limit of " + MAX_LABEL_CHARS + " for names, roles, tags and ids");
        }
        return value;
    }

    private static List<String> labels(String field, List<String> values) throws UnreadableFileException {
        for (String v : values) {
            label(field, v);
        }
        return values;
    }

    /** Parses a date written as ISO, "November 19, 2020", "19 Nov 2020" or "2020/11/19". */
    public static LocalDate date(String value, String field) throws UnreadableFileException {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d = parseDate(value);
        if (d == null) {
            throw new UnreadableFileException("metadata field '" + field + "' is not a date: '" + value.strip()
                    + "' (write it as YYYY-MM-DD)");
        }
        return d;
    }

    /** A date, or {@code null} when the text is not one. */
    public static LocalDate parseDate(String value) {
        String v = value.strip();
        Matcher iso = ISO_PREFIX.matcher(v);
        if (iso.find()) {
            try {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        String cleaned = v.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    /** The date a file name carries ("2020-11-19", "20201119"), or {@code null}. */
    public static LocalDate dateInFileName(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        while (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException ignored) {
                // not a real date; look further
            }
        }
        return null;
    }

    private static String scalar(Object v) {
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? null : String.valueOf(c.iterator().next());
        }
        return String.valueOf(v);
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null) {
                    out.add(String.valueOf(o));
                }
            }
        } else {
            for (String part : String.valueOf(v).split(";")) {
                out.add(part);
            }
        }
        return out;
    }
}
