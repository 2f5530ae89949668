package org.verbatim.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Where an interview's recording plays. A URL is given as it was written; a file under the server's media
 * folder is served at {@code api/interviews/ID/recording} (relative to the page), with range requests.
 *
 * @param url   where the browser loads it; a time is added as {@code #t=SECONDS}
 * @param kind  {@code audio} or {@code video}, from the file's extension (video when it does not say)
 * @param local whether the server serves it from its media folder (such links may need signing)
 */
public record Recording(String url, String kind, boolean local) {

    private static final Set<String> AUDIO = Set.of("mp3", "m4a", "aac", "wav", "wave", "ogg", "oga", "opus", "flac", "weba");

    /** The recording of interview {@code id} as stored, or {@code null} when it has none. */
    public static Recording of(String id, String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String lower = stored.toLowerCase(Locale.ROOT);
        boolean remote = lower.startsWith("http://") || lower.startsWith("https://");
        String path = remote ? lower.replaceFirst("[?#].*$", "") : lower;
        String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "";
        String kind = AUDIO.contains(ext) ? "audio" : "video";
        if (remote) {
            return new Recording(stored, kind, false);
        }
        return new Recording("api/interviews/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/recording", kind, true);
    }
}
