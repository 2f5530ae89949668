package org.verbatim.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the front end: from the jar's {@code web/} resources, or from a working copy folder given
 * with {@code --web DIR}. Only plain file names below that root are served; anything else is not found.
 */
final class StaticFiles {

    private static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final Path dir;

    /** @param dir a folder to serve, or {@code null} for the resources packed in the jar */
    StaticFiles(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    /** A file to send, or {@code null} when there is no such file. */
    record Asset(byte[] bytes, String contentType) {
    }

    Asset find(String requestPath) throws IOException {
        String p = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (p.isEmpty()) {
            p = "index.html";
        }
        if (!SAFE.matcher(p).matches() || p.contains("..")) {
            return null;
        }
        byte[] bytes;
        if (dir != null) {
            Path file = dir.resolve(p).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                return null;
            }
            bytes = Files.readAllBytes(file);
        } else {
            try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("web/" + p)) {
                if (in == null) {
                    return null;
                }
                bytes = in.readAllBytes();
            }
        }
        String ext = p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return new Asset(bytes, TYPES.getOrDefault(ext, "application/octet-stream"));
    }
}
