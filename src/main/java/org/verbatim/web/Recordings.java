package org.verbatim.web;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.verbatim.search.LiveIndex;
import org.verbatim.search.Recording;

/**
 * Interview recordings kept in the server's media folder ({@code serve --media DIR}), served with HTTP
 * range requests so that players can seek. Only files inside that folder are served, and only for an
 * interview whose metadata names them.
 *
 * <p>Who may play a recording is who may read its transcript. A media element cannot send the bearer
 * token, so on an archive with users the interview's API answer carries a link signed for that interview
 * (HMAC with a key made at start, valid for {@link #LINK_LIFETIME_SECONDS}); the link is the permission.
 */
final class Recordings {

    static final long LINK_LIFETIME_SECONDS = 6 * 3600;

    private final Path folder;
    private final LiveIndex index;
    private final Clock clock;
    private final byte[] key = new byte[32];

    /** @param folder the media folder, or {@code null} when this server serves no recordings */
    Recordings(Path folder, LiveIndex index, Clock clock) {
        this.folder = folder;
        this.index = index;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The recording as the page should load it: a local one signed for this interview when {@code signed}. */
    Recording link(Recording r, String interviewId, boolean signed) {
        if (r == null || !r.local() || !signed) {
            return r;
        }
        long expires = clock.instant().getEpochSecond() + LINK_LIFETIME_SECONDS;
        return new Recording(r.url() + "?expires=" + expires + "&sig=" + signature(interviewId, expires), r.kind(), true);
    }

    /** Whether this request is for a recording and carries a valid, unexpired signature for it. */
    boolean signedRequest(Context ctx) {
        if (!ctx.path().startsWith("/api/interviews/") || !ctx.path().endsWith("/recording")) {
            return false;
        }
        String sig = ctx.queryParam("sig");
        String expires = ctx.queryParam("expires");
        if (sig == null || expires == null || !expires.matches("\\d{1,12}")) {
            return false;
        }
        long until = Long.parseLong(expires);
        if (until < clock.instant().getEpochSecond()) {
            return false;
        }
        String id = ctx.path().substring("/api/interviews/".length(), ctx.path().length() - "/recording".length());
        id = java.net.URLDecoder.decode(id, StandardCharsets.UTF_8);
        return MessageDigest.isEqual(signature(id, until).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code GET /api/interviews/{id}/recording}: the file, whole or the range asked for. */
    void serve(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (folder == null) {
            throw new NotFoundException("this server serves no recordings: start it with --media DIR (or VERBATIM_MEDIA)");
        }
        String stored = index.archive().recordingOf(id);
        Recording r = Recording.of(id, stored);
        if (r == null || !r.local()) {
            throw new NotFoundException("interview '" + id + "' has no recording in the media folder");
        }
        Path file = inside(stored);
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(Recording.contentType(file.getFileName().toString()));
        long[] range = range(ctx.header("Range"), size);
        if (range == null) {
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(Files.newInputStream(file));
            return;
        }
        if (range.length == 0) {
            ctx.header("Content-Range", "bytes */" + size);
            ctx.status(416).result("");
            return;
        }
        long first = range[0];
        long last = range[1];
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(first);
        ctx.status(206);
        ctx.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        ctx.header("Content-Length", Long.toString(last - first + 1));
        ctx.result(new BoundedInputStream(in, last - first + 1));
    }

    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /**
     * The byte range a {@code Range} header asks for, as {first, last}; {@code null} for the whole file (no
     * header, or a form this server does not serve, such as several ranges); an empty array when the range
     * lies outside the file.
     */
    static long[] range(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = ONE_RANGE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                return new long[0];
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            return new long[0];
        }
        return new long[] {first, last};
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

    /** The file a stored path names, refused when it is not a regular file inside the media folder (links followed). */
    private Path inside(String stored) throws IOException {
        Path root = folder.toRealPath();
        Path file;
        try {
            file = root.resolve(stored).normalize().toRealPath();
        } catch (NoSuchFileException e) {
            throw new NotFoundException("the recording '" + stored + "' is not in the media folder");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new NotFoundException("the recording '" + stored + "' is not a file inside the media folder");
        }
        return file;
    }

    private String signature(String interviewId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((interviewId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }
}
