package org.verbatim.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads caption files: WebVTT (voice tags as Teams and Zoom write them, NOTE/STYLE/REGION blocks, cue
 * ids and settings, YouTube's rolling captions), SRT and SBV. Cues of the same voice are joined into
 * one turn; files without voices become a stream of captions for segmentation to cut into sentences.
 */
public final class CaptionReader {

    private static final Pattern ARROW_TIMING = Pattern.compile("^\\s*(" + Timecodes.CLOCK + ")\\s*-->\\s*(" + Timecodes.CLOCK + ")(?:\\s.*)?$");
    private static final Pattern SBV_TIMING = Pattern.compile("^\\s*(" + Timecodes.CLOCK + "),(" + Timecodes.CLOCK + ")\\s*$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?(?:\\s+([^>]*))?>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<\\d[^>]*>");
    private static final Pattern CLOSE_VOICE = Pattern.compile("</v>");
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", " ",
            "&lrm;", "", "&rlm;", "", "&quot;", "\"", "&#39;", "'", "&apos;", "'");

    private CaptionReader() {
    }

    private record Cue(Double start, Double end, String voice, String text, List<String> lines) {
        Cue(Double start, Double end, String voice, String text) {
            this(start, end, voice, text, List.of(text));
        }
    }

    /** True when most blocks of a text start with a cue timing line (captions pasted into a .md or .txt). */
    static boolean looksLikeCues(String body) {
        int timings = 0;
        int blocks = 0;
        for (String block : body.strip().split("\n\\s*\n")) {
            if (block.isBlank()) {
                continue;
            }
            blocks++;
            String[] lines = block.strip().split("\n");
            if (ARROW_TIMING.matcher(lines[0]).matches() || (lines.length > 1 && ARROW_TIMING.matcher(lines[1]).matches())) {
                timings++;
            }
        }
        return timings >= 2 && timings * 2 >= blocks;
    }

    public static Transcript read(String text, TranscriptFormat format) throws UnreadableFileException {
        if (text.isBlank()) {
            throw new UnreadableFileException("the file is empty");
        }
        List<Cue> cues = parseCues(text, format);
        if (cues.isEmpty()) {
            throw new UnreadableFileException("no captions: the file has no cues with text");
        }
        return toTranscript(cues, format);
    }

    private static List<Cue> parseCues(String text, TranscriptFormat format) throws UnreadableFileException {
        String[] lines = text.split("\n", -1);
        Pattern timing = format == TranscriptFormat.SBV ? SBV_TIMING : ARROW_TIMING;
        List<Cue> cues = new ArrayList<>();
        int i = 0;
        if (lines.length > 0 && lines[0].strip().startsWith("WEBVTT")) {
            // The header and its metadata lines (Kind:, Language:, Style:...) run to the first blank line.
            while (i < lines.length && !lines[i].isBlank()) {
                i++;
            }
        }
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (line.startsWith("NOTE") || line.equals("STYLE") || line.equals("REGION") || line.startsWith("STYLE ") || line.equals("##")) {
                i = skipBlock(lines, i);
                continue;
            }
            if (line.startsWith("::cue")) {
                i = skipBlock(lines, i);
                continue;
            }
            Matcher m = timing.matcher(line);
            if (!m.matches()) {
                // A cue id (SRT's number or a VTT identifier) stands on the line before the timing.
                if (i + 1 < lines.length && timing.matcher(lines[i + 1].strip()).matches()) {
                    i++;
                    continue;
                }
                if (line.contains("-->") || (format == TranscriptFormat.SBV && line.matches(".*\\d+:\\d+.*,.*"))) {
                    throw new UnreadableFileException("line " + (i + 1) + ": malformed cue timing '" + line + "'");
                }
                throw new UnreadableFileException("line " + (i + 1) + ": expected a cue timing line (start --> end) but found '"
                        + abbreviate(line) + "'; is a timing line missing?");
            }
            Double start = Timecodes.parse(m.group(1));
            Double end = Timecodes.parse(m.group(2));
            if (start == null || end == null) {
                throw new UnreadableFileException("line " + (i + 1) + ": malformed cue timing '" + line + "'");
            }
            i++;
            List<String> textLines = new ArrayList<>();
            // A cue ends at an empty line or the next timing line. A line of spaces does not end it (YouTube
            // writes one after the timing), unless what follows is a cue id and its timing.
            while (i < lines.length && !lines[i].isEmpty() && !timing.matcher(lines[i].strip()).matches()) {
                if (lines[i].isBlank()) {
                    boolean idFollows = i + 2 < lines.length && !lines[i + 1].isBlank()
                            && timing.matcher(lines[i + 2].strip()).matches();
                    if (idFollows) {
                        break;
                    }
                    i++;
                    continue;
                }
                if (lines[i].contains("-->")) {
                    throw new UnreadableFileException("line " + (i + 1) + ": malformed cue timing '" + lines[i].strip() + "'");
                }
                textLines.add(lines[i]);
                i++;
            }
            addCue(cues, start, end, textLines);
        }
        return cues;
    }

    private static int skipBlock(String[] lines, int i) {
        while (i < lines.length && !lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    /** One cue may hold lines of several voices; each becomes its own cue. */
    private static void addCue(List<Cue> cues, Double start, Double end, List<String> textLines) {
        String voice = null;
        StringBuilder sb = new StringBuilder();
        List<String> kept = new ArrayList<>();
        for (String raw : textLines) {
            Matcher v = VOICE.matcher(raw);
            String lineVoice = null;
            if (v.find()) {
                lineVoice = v.group(1) == null ? "" : v.group(1).strip();
            }
            String clean = cueText(raw);
            if (lineVoice != null && voice != null && !lineVoice.equals(voice) && sb.length() > 0) {
                cues.add(new Cue(start, end, voice, sb.toString(), List.copyOf(kept)));
                sb.setLength(0);
                kept.clear();
            }
            if (lineVoice != null) {
                voice = lineVoice;
            }
            if (!clean.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(clean);
                kept.add(clean);
            }
        }
        if (sb.length() > 0) {
            cues.add(new Cue(start, end, voice == null || voice.isEmpty() ? null : voice, sb.toString(), List.copyOf(kept)));
        }
    }

    static String cueText(String raw) {
        String s = CLOSE_VOICE.matcher(raw).replaceAll("");
        s = VOICE.matcher(s).replaceAll("");
        s = TAG.matcher(s).replaceAll("");
        for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static Transcript toTranscript(List<Cue> cues, TranscriptFormat format) {
        cues = dropRollingRepeats(cues);
        boolean voiced = cues.stream().anyMatch(c -> c.voice() != null);
        if (!voiced) {
            cues = labelsInCueText(cues);
            voiced = cues.stream().anyMatch(c -> c.voice() != null);
        }
        List<Turn> turns = new ArrayList<>();
        if (!voiced) {
            for (Cue c : cues) {
                turns.add(Turn.of(null, c.text(), c.start(), c.end()));
            }
            return new Transcript(Metadata.EMPTY, turns, Layout.CAPTIONS, format);
        }
        String speaker = null;
        StringBuilder sb = new StringBuilder();
        Double start = null;
        Double end = null;
        for (Cue c : cues) {
            // A cue without a voice in a voiced file is a stage note or a continuation of the last speaker.
            String who = c.voice() != null ? c.voice() : speaker;
            if (speaker != null && !who.equals(speaker) && sb.length() > 0) {
                turns.add(Turn.of(speaker, sb.toString(), start, end));
                sb.setLength(0);
                start = null;
            }
            speaker = who;
            if (start == null) {
                start = c.start();
            }
            end = c.end();
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(c.text());
        }
        if (sb.length() > 0) {
            turns.add(Turn.of(speaker, sb.toString(), start, end));
        }
        return new Transcript(Metadata.EMPTY, turns, Layout.TURNS, format);
    }

    /** "Name: text" at the start of cues (as some SRT exports write the first cue of each turn). */
    private static List<Cue> labelsInCueText(List<Cue> cues) {
        List<String> firstLines = cues.stream().map(Cue::text).toList();
        SpeakerLabels labels = SpeakerLabels.detect(firstLines);
        if (labels == null || labels.style() != SpeakerLabels.Kind.COLON) {
            return cues;
        }
        List<Cue> out = new ArrayList<>();
        for (Cue c : cues) {
            SpeakerLabels.Label l = labels.at(c.text(), "");
            out.add(l == null ? c : new Cue(c.start(), c.end(), l.speaker(), l.rest().strip()));
        }
        return out;
    }

    /**
     * YouTube's rolling captions show two lines at a time: each cue repeats the line(s) the previous cue
     * ended with, then adds new words. When a file does that throughout, the repeated leading lines are
     * dropped; in other files a repeated line is real speech and stays.
     */
    private static List<Cue> dropRollingRepeats(List<Cue> cues) {
        int repeats = 0;
        for (int i = 1; i < cues.size(); i++) {
            Cue prev = cues.get(i - 1);
            Cue cur = cues.get(i);
            if (repeatedLines(prev.lines(), cur.lines()) > 0 || cur.text().startsWith(prev.text() + " ")) {
                repeats++;
            }
        }
        if (cues.size() < 3 || repeats * 10 < (cues.size() - 1) * 3) {
            return cues;
        }
        List<Cue> out = new ArrayList<>();
        List<String> previous = List.of();
        for (Cue c : cues) {
            int drop = repeatedLines(previous, c.lines());
            List<String> fresh = new ArrayList<>(c.lines().subList(drop, c.lines().size()));
            String previousText = String.join(" ", previous);
            if (drop == 0 && !fresh.isEmpty() && !previousText.isEmpty() && fresh.get(0).startsWith(previousText + " ")) {
                // Captions that grow word by word: keep the words this cue adds.
                fresh.set(0, fresh.get(0).substring(previousText.length() + 1));
            }
            previous = c.lines();
            if (!fresh.isEmpty()) {
                out.add(new Cue(c.start(), c.end(), c.voice(), String.join(" ", fresh), List.copyOf(fresh)));
            }
        }
        return out;
    }

    /** How many of {@code next}'s first lines repeat the last lines of {@code previous}. */
    private static int repeatedLines(List<String> previous, List<String> next) {
        for (int n = Math.min(previous.size(), next.size()); n > 0; n--) {
            if (previous.subList(previous.size() - n, previous.size()).equals(next.subList(0, n))) {
                return n;
            }
        }
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
