package org.verbatim.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata a text file carries about itself: YAML front matter, the first heading, and the
 * sentences of a preamble that say who interviewed and when ("Interview took place on November 19,
 * 2020. Interviewer is Jonas Rosland.").
 */
public final class FrontMatter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern BLOCK = Pattern.compile("\\A\\s*---[ \\t]*\\n(.*?)\\n---[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INTERVIEWERS = Pattern.compile(
            "(?i)\\binterviewers?\\s*(?:is|are|was|were|:)\\s+([^\\n]+?)(?:\\.(?:\\s|$)|\\n|$)");
    private static final Pattern CANDIDATES = Pattern.compile(
            "(?i)^\\s*(?:candidates?|interviewees?)\\s*:\\s+([^\\n]+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ROLE = Pattern.compile("(?i)^\\s*(?:role|position)\\s*:\\s+([^\\n]+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern DATE = Pattern.compile(
            "(?i)(?:took place on|recorded on|interviewed on|date\\s*:)\\s*(\\d{4}-\\d{1,2}-\\d{1,2}|[A-Za-z0-9][A-Za-z0-9 ,/\\-]{3,30}?\\d{4})");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|&|\\band\\b)\\s*");

    private FrontMatter() {
    }

    /** Text with its front matter removed, and the metadata it held. */
    public record Split(Metadata metadata, String body) {
    }

    /** Splits off YAML front matter; a block that is not valid YAML is an error naming the problem. */
    public static Split split(String text) throws UnreadableFileException {
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            return new Split(Metadata.EMPTY, text);
        }
        Map<String, Object> map;
        try {
            Object parsed = YAML.readValue(m.group(1), Object.class);
            if (!(parsed instanceof Map<?, ?> raw)) {
                // A '---' rule that does not start a YAML map is Markdown, not front matter.
                return new Split(Metadata.EMPTY, text);
            }
            map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                map.put(String.valueOf(e.getKey()), e.getValue());
            }
        } catch (JacksonException e) {
            throw new UnreadableFileException("the front matter between the '---' lines is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        return new Split(MetadataFields.fromMap(map), text.substring(m.end()));
    }

    /** The first Markdown heading of a text, or {@code null}. */
    public static String firstHeading(String text) {
        Matcher m = HEADING.matcher(text);
        return m.find() ? Markup.strip(m.group(1)) : null;
    }

    /** What a free-text preamble says about the interview. Absent fields stay absent. */
    public static Metadata fromPreamble(String preamble) {
        List<String> interviewers = List.of();
        List<String> candidates = List.of();
        String role = null;
        java.time.LocalDate date = null;
        Matcher m = INTERVIEWERS.matcher(preamble);
        if (m.find()) {
            interviewers = names(m.group(1));
        }
        m = CANDIDATES.matcher(preamble);
        if (m.find()) {
            candidates = names(m.group(1));
        }
        m = ROLE.matcher(preamble);
        if (m.find() && m.group(1).length() <= MetadataFields.MAX_LABEL_CHARS) {
            // A longer "Role: ..." line is prose about the role, not its name.
            role = m.group(1);
        }
        m = DATE.matcher(preamble);
        while (date == null && m.find()) {
            date = MetadataFields.parseDate(m.group(1).replaceAll("[.,]$", "").strip());
        }
        return new Metadata(null, null, candidates, interviewers, role, date, List.of(), null);
    }

    private static List<String> names(String list) {
        return List.of(NAME_SPLIT.split(list.strip())).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty() && s.length() <= 60)
                .toList();
    }
}
