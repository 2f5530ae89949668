package org.verbatim.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where an interview's recording plays. A URL is given as it was written; a file under the server's media
 * folder is served at {@code api/interviews/ID/recording} (relative to the page), with range requests.
 *
 * @param url   where the browser loads it; a time is added as {@code #t=SECONDS}
 * @param kind  {@code audio} or {@code video}, from the file's extension (video when it does not say)
 * @param local whether the server serves it from its media folder (such links may need signing)
 */
public record Recording(String url, String kind, boolean local) {

    /** Media types by file extension: what the server sends, and whether the page needs an audio or a video player. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"), Map.entry("ogv", "video/ogg"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
            Map.entry("wav", "audio/wav"), Map.entry("wave", "audio/wav"), Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("weba", "audio/webm"));

    /** The media type of a file or URL path by its extension; {@code application/octet-stream} when unknown. */
    public static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        return TYPES.getOrDefault(dot > slash ? p.substring(dot + 1) : "", "application/octet-stream");
    }

    /** The recording of interview {@code id} as stored, or {@code null} when it has none. */
    public static Recording of(String id, String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String lower = stored.toLowerCase(Locale.ROOT);
        boolean remote = lower.startsWith("http://") || lower.startsWith("https://");
        String kind = contentType(stored).startsWith("audio/") ? "audio" : "video";
        if (remote) {
            return new Recording(stored, kind, false);
        }
        return new Recording("api/interviews/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/recording", kind, true);
    }
}
