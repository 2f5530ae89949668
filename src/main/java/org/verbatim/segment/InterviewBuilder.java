package org.verbatim.segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.verbatim.ingest.Metadata;
import org.verbatim.ingest.SourceFile;

/** Builds an {@link Interview} from a loaded file: segments it and fills in what metadata left open. */
public final class InterviewBuilder {

    private InterviewBuilder() {
    }

    public static Interview build(SourceFile file) throws NoDialogueException {
        Segmentation seg = Segmenter.segment(file.transcript());
        Metadata m = file.transcript().metadata();
        String source = file.path().toAbsolutePath().normalize().toString();
        List<String> candidates = !m.candidates().isEmpty() ? m.candidates() : seg.interviewees();
        List<String> interviewers = !m.interviewers().isEmpty() ? m.interviewers() : seg.interviewers();
        return new Interview(
                m.id() != null ? m.id() : idFor(source),
                m.title() != null ? m.title() : file.path().getFileName().toString(),
                candidates, interviewers, m.role(), m.date(), m.tags(), m.outcome(), m.recording(),
                source, file.transcript().format().label(), file.hash(), seg.pairs());
    }

    /** A stable id from a file's path: a readable slug of its name plus a short hash of the full path. */
    public static String idFor(String absolutePath) {
        String name = absolutePath.substring(absolutePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolutePath.getBytes(StandardCharsets.UTF_8));
            String h = HexFormat.of().formatHex(digest, 0, 4);
            return slug.isEmpty() ? h : slug + "-" + h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
