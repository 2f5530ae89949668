package org.verbatim.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What is known about an interview apart from its words. Every field may be absent: strings are
 * {@code null} and lists are empty when a source does not give them.
 */
public record Metadata(
        String id,
        String title,
        List<String> candidates,
        List<String> interviewers,
        String role,
        LocalDate date,
        List<String> tags,
        String outcome,
        String recording) {

    public static final Metadata EMPTY = new Metadata(null, null, List.of(), List.of(), null, null, List.of(), null, null);

    /** Metadata without a recording. */
    public Metadata(String id, String title, List<String> candidates, List<String> interviewers, String role, LocalDate date,
                    List<String> tags, String outcome) {
        this(id, title, candidates, interviewers, role, date, tags, outcome, null);
    }

    public Metadata {
        id = blankToNull(id);
        title = blankToNull(title);
        role = blankToNull(role);
        outcome = blankToNull(outcome);
        recording = blankToNull(recording);
        candidates = cleanList(candidates);
        interviewers = cleanList(interviewers);
        tags = cleanList(tags);
    }

    /** This metadata with every absent field taken from {@code fallback}. */
    public Metadata orElse(Metadata fallback) {
        return new Metadata(
                id != null ? id : fallback.id,
                title != null ? title : fallback.title,
                !candidates.isEmpty() ? candidates : fallback.candidates,
                !interviewers.isEmpty() ? interviewers : fallback.interviewers,
                role != null ? role : fallback.role,
                date != null ? date : fallback.date,
                !tags.isEmpty() ? tags : fallback.tags,
                outcome != null ? outcome : fallback.outcome,
                recording != null ? recording : fallback.recording);
    }

    public Metadata withCandidates(List<String> value) {
        return new Metadata(id, title, value, interviewers, role, date, tags, outcome, recording);
    }

    public Metadata withInterviewers(List<String> value) {
        return new Metadata(id, title, candidates, value, role, date, tags, outcome, recording);
    }

    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u3000]+");

    /** Trimmed, with every run of spaces (no-break ones included) made one plain space; blank is absent. */
    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = SPACE.matcher(s).replaceAll(" ").strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> cleanList(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String t = blankToNull(v);
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
