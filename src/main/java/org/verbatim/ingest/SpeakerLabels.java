package org.verbatim.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds speaker labels at the start of lines: {@code Name: text}, {@code **Name:** [00:01:00] text},
 * press style {@code MS. PSAKI:} and a bare {@code Q}, and Otter's {@code Name  0:21} header lines. A
 * label counts only when the file uses it more than once (or it is a role word such as "Interviewer"),
 * so a sentence that happens to start with "Note:" is not a speaker.
 */
final class SpeakerLabels {

    private static final String WORD = "[\\p{Lu}\\d][\\p{L}\\p{M}\\d'’.\\-]*";
    private static final String PARTICLE = "(?:de|da|di|du|van|von|der|den|del|la|le|bin|al|y|of|the)";
    static final String NAME = WORD + "(?:[ ]+(?:" + WORD + "|" + PARTICLE + ")){0,5}(?:[ ]*\\([^)\\n]{1,30}\\))?";
    private static final String TIME = "[\\[(]?(" + Timecodes.CLOCK + ")[\\])]?";

    /** {@code **Name:** text}, {@code **Name**: text}, optionally with a time after the label. */
    private static final Pattern BOLD = Pattern.compile("^\\*\\*([^*\\n]{1,60}?)\\s*:?\\s*\\*\\*\\s*:?\\s*(?:" + TIME + "\\s*)?(.*)$");
    /** {@code [00:01:05] Name: text} or {@code Name [00:01:05]: text} or {@code Name: text}. */
    private static final Pattern COLON = Pattern.compile(
            "^(?:" + TIME + "\\s+)?(" + NAME + ")(?:\\s+" + TIME + ")?\\s*:(?:\\s+(?:" + TIME + "\\s+)?(.*)|\\s*$)");
    /** Press transcripts mark reporters' questions with a bare Q. */
    private static final Pattern PRESS_Q = Pattern.compile("^Q(?:[.:])?(?:\\s+(.*)|\\s*$)");
    /** Otter.ai: the name, two or more spaces, the time, alone on a line. */
    private static final Pattern OTTER = Pattern.compile("^(" + NAME + ")\\s{2,}(" + Timecodes.CLOCK + ")\\s*$");
    /** Otter.ai without times: the name alone on a line, the text on the next. */
    private static final Pattern BARE_NAME = Pattern.compile("^(" + NAME + ")\\s*$");

    private static final Set<String> ROLE_WORDS = Set.of("interviewer", "candidate", "interviewee", "host", "guest",
            "moderator", "q", "a", "question", "answer", "recruiter", "speaker", "unknown speaker");
    private static final Set<String> NOT_NAMES = Set.of("note", "notes", "update", "example", "summary", "warning",
            "important", "answer", "question", "tip", "source", "edit", "ps", "p.s.", "http", "https", "end", "end of transcript");

    enum Kind { BOLD, COLON, PRESS_Q, OTTER, BARE_NAME }

    /** A label found on a line: who, the time if any, and the text after the label on the same line. */
    record Label(Kind kind, String speaker, Double start, String rest) {
    }

    private final Set<String> accepted;
    private final Kind style;

    private SpeakerLabels(Set<String> accepted, Kind style) {
        this.accepted = accepted;
        this.style = style;
    }

    /** The labelling the lines use, or {@code null} when they carry no speaker labels. */
    static SpeakerLabels detect(List<String> lines) {
        Map<Kind, Map<String, Integer>> counts = new HashMap<>();
        Map<Kind, Integer> atParagraphStart = new HashMap<>();
        int paragraphs = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean paragraphStart = i == 0 || lines.get(i - 1).isBlank();
            if (paragraphStart) {
                paragraphs++;
            }
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            for (Kind kind : Kind.values()) {
                Label l = match(kind, line.strip(), next);
                if (l != null) {
                    counts.computeIfAbsent(kind, k -> new HashMap<>()).merge(key(l.speaker()), 1, Integer::sum);
                    if (paragraphStart) {
                        atParagraphStart.merge(kind, 1, Integer::sum);
                    }
                }
            }
        }
        Kind best = null;
        Set<String> bestAccepted = Set.of();
        int bestTurns = 0;
        int pressQuestions = counts.getOrDefault(Kind.PRESS_Q, Map.of()).getOrDefault("q", 0);
        for (Kind kind : List.of(Kind.OTTER, Kind.BOLD, Kind.COLON, Kind.BARE_NAME)) {
            Map<String, Integer> c = new HashMap<>(counts.getOrDefault(kind, Map.of()));
            if (kind == Kind.COLON && pressQuestions >= 2) {
                // Press transcripts: reporters' bare "Q" paragraphs are the other side of the labelled answers.
                c.merge("q", pressQuestions, Integer::sum);
            }
            Set<String> ok = new HashSet<>();
            int turns = 0;
            // When most paragraphs open with a label, a speaker who talks once is still a speaker.
            boolean mostlyLabelled = c.size() >= 2 && atParagraphStart.getOrDefault(kind, 0) * 2 >= paragraphs;
            for (Map.Entry<String, Integer> e : c.entrySet()) {
                if (e.getValue() >= 2 || mostlyLabelled || ROLE_WORDS.contains(e.getKey())) {
                    ok.add(e.getKey());
                    turns += e.getValue();
                }
            }
            int minTurns = kind == Kind.BARE_NAME ? 4 : 3;
            // One speaker alone counts too when most paragraphs open with that label (a monologue, a talk).
            boolean soleSpeaker = ok.size() == 1 && kind == Kind.COLON && atParagraphStart.getOrDefault(kind, 0) * 2 >= paragraphs;
            if (turns >= minTurns && (ok.size() >= 2 || soleSpeaker || kind == Kind.OTTER || kind == Kind.BOLD) && turns > bestTurns) {
                best = kind;
                bestAccepted = ok;
                bestTurns = turns;
            }
        }
        return best == null ? null : new SpeakerLabels(Set.copyOf(bestAccepted), best);
    }

    Kind style() {
        return style;
    }

    boolean usesPressQuestions() {
        return accepted.contains("q") && style == Kind.COLON;
    }

    /** The label that starts {@code line}, or {@code null} when the line continues the current turn. */
    Label at(String line, String nextLine) {
        Label l = match(style, line, nextLine);
        if (l == null && usesPressQuestions()) {
            l = match(Kind.PRESS_Q, line, nextLine);
        }
        return l != null && accepted.contains(key(l.speaker())) ? l : null;
    }

    private static Label match(Kind kind, String line, String next) {
        Matcher m;
        switch (kind) {
            case BOLD -> {
                m = BOLD.matcher(line);
                if (m.matches() && plausible(m.group(1))) {
                    return new Label(kind, m.group(1).strip(), Timecodes.parse(m.group(2)), m.group(3));
                }
            }
            case COLON -> {
                m = COLON.matcher(line);
                if (m.matches() && plausible(m.group(2))) {
                    String t = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
                    return new Label(kind, m.group(2).strip(), Timecodes.parse(t), m.group(5) == null ? "" : m.group(5));
                }
            }
            case PRESS_Q -> {
                m = PRESS_Q.matcher(line);
                if (m.matches()) {
                    return new Label(kind, "Q", null, m.group(1) == null ? "" : m.group(1));
                }
            }
            case OTTER -> {
                m = OTTER.matcher(line);
                if (m.matches() && plausible(m.group(1))) {
                    return new Label(kind, m.group(1).strip(), Timecodes.parse(m.group(2)), "");
                }
            }
            case BARE_NAME -> {
                m = BARE_NAME.matcher(line);
                if (m.matches() && plausible(m.group(1)) && !next.isBlank() && !line.strip().endsWith(".")) {
                    return new Label(kind, m.group(1).strip(), null, "");
                }
            }
            default -> throw new IllegalStateException("unknown label kind " + kind);
        }
        return null;
    }

    private static boolean plausible(String name) {
        String n = name.strip();
        return !n.isEmpty() && n.length() <= 60 && !NOT_NAMES.contains(n.toLowerCase(Locale.ROOT)) && !n.contains("://");
    }

    private static String key(String speaker) {
        return speaker.strip().toLowerCase(Locale.ROOT);
    }
}
