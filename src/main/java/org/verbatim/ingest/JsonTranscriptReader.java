package org.verbatim.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON transcripts: Verbatim's own format (metadata plus {@code turns}), Whisper and
 * faster-whisper output ({@code segments}, with a {@code speaker} per segment when diarised), and
 * Amazon Transcribe (Call Analytics' {@code Transcript[]} with {@code ParticipantRole}, or the standard
 * job output's {@code results.audio_segments}).
 */
public final class JsonTranscriptReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonTranscriptReader() {
    }

    public static Transcript read(String text) throws UnreadableFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new UnreadableFileException("invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new UnreadableFileException("the file is empty");
        }
        if (root.isObject() && root.path("turns").isArray()) {
            return readVerbatim(root);
        }
        if (root.isObject() && root.path("segments").isArray()) {
            return readWhisper(root);
        }
        if (root.isObject() && root.path("Transcript").isArray()) {
            return readCallAnalytics(root);
        }
        if (root.isObject() && root.path("results").path("audio_segments").isArray()) {
            return readTranscribeJob(root);
        }
        throw new UnreadableFileException("JSON is not a transcript format Verbatim reads: expected Verbatim JSON "
                + "(\"turns\"), Whisper output (\"segments\") or Amazon Transcribe output (\"Transcript\" or \"results\"); "
                + "found " + describe(root));
    }

    private static Transcript readVerbatim(JsonNode root) throws UnreadableFileException {
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("turns")) {
                fields.put(e.getKey(), plain(e.getValue()));
            }
        }
        Metadata meta = MetadataFields.fromMap(fields);
        List<Turn> turns = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.get("turns")) {
            i++;
            if (!t.isObject()) {
                throw new UnreadableFileException("turns[" + (i - 1) + "] is not an object with \"speaker\" and \"text\"");
            }
            String text = t.path("text").asText("").strip();
            if (text.isEmpty()) {
                continue;
            }
            turns.add(new Turn(textOrNull(t.get("speaker")), SpeakerRole.parse(textOrNull(t.get("role"))),
                    TextDecoder.normalise(text), seconds(t.get("start")), seconds(t.get("end"))));
        }
        return new Transcript(meta, turns, Layout.TURNS, TranscriptFormat.VERBATIM_JSON);
    }

    private static Transcript readWhisper(JsonNode root) {
        List<Turn> turns = new ArrayList<>();
        for (JsonNode s : root.get("segments")) {
            String text = s.path("text").asText("").strip();
            if (!text.isEmpty()) {
                turns.add(Turn.of(textOrNull(s.get("speaker")), TextDecoder.normalise(text), seconds(s.get("start")), seconds(s.get("end"))));
            }
        }
        boolean voiced = turns.stream().anyMatch(Turn::hasSpeaker);
        return new Transcript(Metadata.EMPTY, voiced ? TimedLinesReader.mergeBySpeaker(turns) : turns,
                voiced ? Layout.TURNS : Layout.CAPTIONS, TranscriptFormat.WHISPER_JSON);
    }

    private static Transcript readCallAnalytics(JsonNode root) {
        List<Turn> turns = new ArrayList<>();
        for (JsonNode t : root.get("Transcript")) {
            String text = t.path("Content").asText("").strip();
            if (text.isEmpty()) {
                continue;
            }
            turns.add(Turn.of(textOrNull(t.get("ParticipantRole")), TextDecoder.normalise(text),
                    millis(t.get("BeginOffsetMillis")), millis(t.get("EndOffsetMillis"))));
        }
        return new Transcript(Metadata.EMPTY, TimedLinesReader.mergeBySpeaker(turns), Layout.TURNS, TranscriptFormat.AWS_TRANSCRIBE);
    }

    private static Transcript readTranscribeJob(JsonNode root) {
        List<Turn> turns = new ArrayList<>();
        for (JsonNode s : root.path("results").get("audio_segments")) {
            String text = s.path("transcript").asText("").strip();
            if (!text.isEmpty()) {
                turns.add(Turn.of(textOrNull(s.get("speaker_label")), TextDecoder.normalise(text),
                        seconds(s.get("start_time")), seconds(s.get("end_time"))));
            }
        }
        boolean voiced = turns.stream().anyMatch(Turn::hasSpeaker);
        return new Transcript(Metadata.EMPTY, voiced ? TimedLinesReader.mergeBySpeaker(turns) : turns,
                voiced ? Layout.TURNS : Layout.CAPTIONS, TranscriptFormat.AWS_TRANSCRIBE);
    }

    private static Object plain(JsonNode n) {
        if (n.isArray()) {
            List<String> out = new ArrayList<>();
            n.forEach(x -> out.add(x.asText()));
            return out;
        }
        return n.isNull() ? null : n.asText();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }

    private static Double seconds(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        String s = n.asText().strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Timecodes.parse(s);
        }
    }

    private static Double millis(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble() / 1000.0;
    }

    private static String describe(JsonNode root) {
        if (!root.isObject()) {
            return "a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        return keys.isEmpty() ? "an empty object" : "keys " + String.join(", ", keys.subList(0, Math.min(6, keys.size())));
    }
}
