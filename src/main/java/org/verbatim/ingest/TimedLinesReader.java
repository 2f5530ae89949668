package org.verbatim.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads transcripts written one timed line at a time: podcast and YouTube pastes ({@code 00:01:05 text},
 * {@code [00:01:05] text}), Whisper's text output ({@code [00:43.810 --> 00:47.850]  text}), LRC lyrics
 * files and Whisper's TSV (milliseconds). A speaker label after the time is honoured.
 */
public final class TimedLinesReader {

    private static final Pattern RANGE = Pattern.compile("^\\[(" + Timecodes.CLOCK + ")\\s*-->\\s*(" + Timecodes.CLOCK + ")\\]\\s*(.*)$");
    private static final Pattern STAMP = Pattern.compile("^[\\[(]?(" + Timecodes.CLOCK + ")[\\])]?(?:\\s+|(?<=\\])|$)(.*)$");

    private TimedLinesReader() {
    }

    private record Line(Double start, Double end, String text) {
    }

    static boolean looksTimed(String body) {
        int timed = 0;
        int total = 0;
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            total++;
            String l = line.strip();
            if (RANGE.matcher(l).matches() || STAMP.matcher(l).matches()) {
                timed++;
            }
        }
        return timed >= 3 && timed * 10 >= total * 6;
    }

    public static Transcript read(String body) throws UnreadableFileException {
        List<Line> lines = new ArrayList<>();
        Double start = null;
        Double end = null;
        // The timed line being read: untimed lines after it continue it.
        TextTranscriptReader.TurnText text = null;
        for (String raw : body.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher r = RANGE.matcher(l);
            Matcher s = STAMP.matcher(l);
            boolean range = r.matches();
            if (range || s.matches()) {
                if (text != null) {
                    lines.add(new Line(start, end, text.finish()));
                }
                start = Timecodes.parse(range ? r.group(1) : s.group(1));
                end = range ? Timecodes.parse(r.group(2)) : null;
                text = new TextTranscriptReader.TurnText();
                text.line(Markup.strip(range ? r.group(3) : s.group(2)));
            } else if (text != null) {
                text.line(Markup.strip(l));
            }
        }
        if (text != null) {
            lines.add(new Line(start, end, text.finish()));
        }
        return toTranscript(lines, TranscriptFormat.TIMESTAMPED_LINES);
    }

    /** LRC: {@code [mm:ss.xx]text}; an empty timed line marks where the previous line ends. */
    public static Transcript readLrc(String body) throws UnreadableFileException {
        List<Line> lines = new ArrayList<>();
        for (String raw : body.split("\n")) {
            Matcher s = STAMP.matcher(raw.strip());
            if (!s.matches()) {
                continue;
            }
            Double t = Timecodes.parse(s.group(1));
            String text = s.group(2).strip();
            if (text.isEmpty()) {
                if (!lines.isEmpty() && lines.get(lines.size() - 1).end() == null) {
                    Line last = lines.remove(lines.size() - 1);
                    lines.add(new Line(last.start(), t, last.text()));
                }
            } else {
                lines.add(new Line(t, null, text));
            }
        }
        return toTranscript(lines, TranscriptFormat.LRC);
    }

    /** Whisper's TSV: a {@code start end text} header, times in milliseconds. */
    public static Transcript readTsv(String body) throws UnreadableFileException {
        String[] rows = body.split("\n");
        if (rows.length == 0 || rows[0].isBlank()) {
            throw new UnreadableFileException("the file is empty");
        }
        String[] header = rows[0].toLowerCase(Locale.ROOT).split("\t");
        int start = indexOf(header, "start");
        int end = indexOf(header, "end");
        int text = indexOf(header, "text");
        int speaker = indexOf(header, "speaker");
        if (start < 0 || text < 0) {
            throw new UnreadableFileException("a TSV transcript needs a header row with 'start' and 'text' columns (and optionally 'end', 'speaker'); found '"
                    + rows[0].strip() + "'");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] cols = rows[i].split("\t", -1);
            if (cols.length <= Math.max(start, text)) {
                throw new UnreadableFileException("row " + (i + 1) + " has " + cols.length + " columns, the header has " + header.length);
            }
            Double s = millis(cols[start], i + 1);
            Double e = end >= 0 && end < cols.length ? millis(cols[end], i + 1) : null;
            String who = speaker >= 0 && speaker < cols.length && !cols[speaker].isBlank() ? cols[speaker].strip() : null;
            turns.add(Turn.of(who, cols[text].strip(), s, e));
        }
        boolean voiced = turns.stream().anyMatch(Turn::hasSpeaker);
        return new Transcript(Metadata.EMPTY, voiced ? mergeBySpeaker(turns) : turns,
                voiced ? Layout.TURNS : Layout.CAPTIONS, TranscriptFormat.WHISPER_TSV);
    }

    private static Double millis(String value, int row) throws UnreadableFileException {
        String v = value.strip();
        try {
            return Long.parseLong(v) / 1000.0;
        } catch (NumberFormatException e) {
            Double clock = Timecodes.parse(v);
            if (clock == null) {
                throw new UnreadableFileException("row " + row + ": '" + v + "' is not a time (milliseconds or h:mm:ss)");
            }
            return clock;
        }
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Transcript toTranscript(List<Line> lines, TranscriptFormat format) throws UnreadableFileException {
        if (lines.isEmpty()) {
            throw new UnreadableFileException("no timed lines with text found");
        }
        // Fill each line's end with the next line's start when the format gives only start times.
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Double end = l.end() != null ? l.end() : i + 1 < lines.size() ? lines.get(i + 1).start() : null;
            if (!l.text().isEmpty()) {
                turns.add(Turn.of(null, l.text(), l.start(), end));
            }
        }
        SpeakerLabels labels = SpeakerLabels.detect(turns.stream().map(Turn::text).toList());
        if (labels == null || labels.style() != SpeakerLabels.Kind.COLON) {
            return new Transcript(Metadata.EMPTY, turns, Layout.CAPTIONS, format);
        }
        List<Turn> labelled = new ArrayList<>();
        String speaker = null;
        for (Turn t : turns) {
            SpeakerLabels.Label l = labels.at(t.text(), "");
            if (l != null) {
                speaker = l.speaker();
            }
            labelled.add(Turn.of(speaker, l != null ? l.rest().strip() : t.text(), t.start(), t.end()));
        }
        return new Transcript(Metadata.EMPTY, mergeBySpeaker(labelled), Layout.TURNS, format);
    }

    /** Consecutive lines of one speaker become one turn. */
    static List<Turn> mergeBySpeaker(List<Turn> lines) {
        List<Turn> out = new ArrayList<>();
        Turn first = null;
        StringBuilder text = new StringBuilder();
        Double end = null;
        for (Turn t : lines) {
            if (t.text().isBlank()) {
                continue;
            }
            if (first != null && java.util.Objects.equals(first.speaker(), t.speaker())) {
                // Appended, not concatenated anew: a long monologue of short lines would take quadratic time.
                text.append(' ').append(t.text());
                end = t.end() != null ? t.end() : end;
                continue;
            }
            if (first != null) {
                out.add(new Turn(first.speaker(), first.role(), text.toString(), first.start(), end));
            }
            first = t;
            text.setLength(0);
            text.append(t.text());
            end = t.end();
        }
        if (first != null) {
            out.add(new Turn(first.speaker(), first.role(), text.toString(), first.start(), end));
        }
        return out;
    }
}
