package org.verbatim.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the text family (.txt, .md, .text): front matter first, then whichever layout the body has:
 * caption cues pasted into text, timestamped lines, speaker-labelled turns (plain, bold Markdown, press,
 * Otter), or plain paragraphs with no labels at all.
 */
public final class TextTranscriptReader {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s.*");
    private static final Pattern RULE = Pattern.compile("^\\s*(?:-{3,}|\\*{3,}|_{3,})\\s*$");
    private static final Pattern TRANSCRIPT_HEADING = Pattern.compile("(?im)^#{1,6}\\s+transcript\\s*$");
    private static final Pattern INLINE_TIME = Pattern.compile("\\s*\\[" + Timecodes.CLOCK + "\\]\\s*");

    private TextTranscriptReader() {
    }

    public static Transcript read(String text, boolean markdown) throws UnreadableFileException {
        FrontMatter.Split split = FrontMatter.split(text);
        String body = split.body();
        Metadata meta = split.metadata();
        String heading = FrontMatter.firstHeading(body);
        if (meta.title() == null && heading != null) {
            meta = meta.orElse(new Metadata(null, heading, null, null, null, null, null, null));
        }
        // A "Transcript" heading marks everything above it as details about the interview.
        java.util.regex.Matcher th = TRANSCRIPT_HEADING.matcher(body);
        if (th.find()) {
            meta = meta.orElse(FrontMatter.fromPreamble(body.substring(0, th.start())));
            body = body.substring(th.end());
        }

        if (CaptionReader.looksLikeCues(body)) {
            Transcript t = CaptionReader.read(body, TranscriptFormat.WEBVTT);
            return new Transcript(meta.orElse(t.metadata()), t.turns(), t.layout(), TranscriptFormat.WEBVTT);
        }
        if (TimedLinesReader.looksTimed(body)) {
            Transcript t = TimedLinesReader.read(body);
            return new Transcript(meta.orElse(t.metadata()), t.turns(), t.layout(), t.format());
        }

        List<String> lines = contentLines(body);
        SpeakerLabels labels = SpeakerLabels.detect(lines);
        if (labels != null) {
            return readLabelled(lines, labels, meta, markdown);
        }
        return readParagraphs(lines, meta, markdown);
    }

    /** Lines with headings and rules blanked (they are structure, not speech). */
    private static List<String> contentLines(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            out.add(HEADING.matcher(line).matches() || RULE.matcher(line).matches() ? "" : line.stripTrailing());
        }
        return out;
    }

    private static Transcript readLabelled(List<String> lines, SpeakerLabels labels, Metadata meta, boolean markdown) {
        List<Turn> turns = new ArrayList<>();
        StringBuilder preamble = new StringBuilder();
        String speaker = null;
        Double start = null;
        TurnText text = new TurnText();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            SpeakerLabels.Label label = line.isBlank() ? null : labels.at(line.strip(), next);
            if (label != null) {
                if (speaker != null) {
                    addTurn(turns, speaker, text.finish(), start);
                }
                speaker = label.speaker();
                start = label.start();
                text = new TurnText();
                text.line(label.rest());
            } else if (speaker == null) {
                preamble.append(line).append('\n');
            } else if (line.isBlank()) {
                text.paragraphBreak();
            } else {
                text.line(line.strip());
            }
        }
        if (speaker != null) {
            addTurn(turns, speaker, text.finish(), start);
        }
        Metadata fromPreamble = FrontMatter.fromPreamble(preamble.toString());
        TranscriptFormat format = switch (labels.style()) {
            case OTTER, BARE_NAME -> TranscriptFormat.OTTER;
            case BOLD -> TranscriptFormat.MARKDOWN;
            default -> labels.usesPressQuestions() ? TranscriptFormat.PRESS
                    : markdown ? TranscriptFormat.MARKDOWN : TranscriptFormat.LABELLED_TEXT;
        };
        List<Turn> cleaned = new ArrayList<>();
        for (Turn t : turns) {
            cleaned.add(t.withText(clean(t.text())));
        }
        return new Transcript(meta.orElse(fromPreamble), cleaned, Layout.TURNS, format);
    }

    private static void addTurn(List<Turn> turns, String speaker, String text, Double start) {
        SpeakerRole role = speaker.equals("Q") ? SpeakerRole.INTERVIEWER : SpeakerRole.UNKNOWN;
        turns.add(new Turn(speaker, role, text, start, null));
    }

    private static Transcript readParagraphs(List<String> lines, Metadata meta, boolean markdown) {
        TranscriptFormat format = markdown ? TranscriptFormat.MARKDOWN : TranscriptFormat.PLAIN_TEXT;
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        long paragraphs = countParagraphs(lines);
        if (nonBlank >= 20 && nonBlank > paragraphs * 15) {
            // Speech-to-text output: one caption per line, no paragraphs; sentences run across lines.
            List<Turn> captions = new ArrayList<>();
            for (String line : lines) {
                if (!line.isBlank()) {
                    captions.add(Turn.of(null, Markup.strip(line), null, null));
                }
            }
            return new Transcript(meta, captions, Layout.CAPTIONS, format);
        }
        List<Turn> turns = new ArrayList<>();
        TurnText para = new TurnText();
        for (String line : lines) {
            if (line.isBlank()) {
                String p = clean(para.finish());
                if (!p.isEmpty()) {
                    turns.add(Turn.of(null, p, null, null));
                }
                para = new TurnText();
            } else {
                para.line(line.strip());
            }
        }
        String p = clean(para.finish());
        if (!p.isEmpty()) {
            turns.add(Turn.of(null, p, null, null));
        }
        return new Transcript(meta, turns, Layout.PARAGRAPHS, format);
    }

    private static long countParagraphs(List<String> lines) {
        long n = 0;
        boolean inPara = false;
        for (String l : lines) {
            if (!l.isBlank() && !inPara) {
                n++;
            }
            inPara = !l.isBlank();
        }
        return n;
    }

    /** Markup and inline time markers removed, each paragraph's whitespace collapsed. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n\n")) {
            String p = Markup.strip(para.indexOf('[') < 0 ? para : INLINE_TIME.matcher(para).replaceAll(" "));
            if (!p.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(p);
            }
        }
        return out.toString();
    }

    /** Accumulates a turn's lines: lines of a paragraph are joined by a space (hard wraps), paragraphs by a blank line. */
    static final class TurnText {
        private final StringBuilder sb = new StringBuilder();
        private boolean pendingBreak;

        void line(String s) {
            if (s == null || s.isBlank()) {
                return;
            }
            if (sb.length() > 0) {
                sb.append(pendingBreak ? "\n\n" : " ");
            }
            pendingBreak = false;
            sb.append(s.strip());
        }

        void paragraphBreak() {
            pendingBreak = sb.length() > 0;
        }

        String finish() {
            return sb.toString().strip();
        }
    }

    static boolean isMarkdownName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }
}
