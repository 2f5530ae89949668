package org.verbatim.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads one transcript file: picks the reader from the extension and the content, merges metadata
 * (manifest row, then sidecar {@code NAME.meta.json}, then what the file says, then the file name), and
 * hashes the inputs so unchanged files can be skipped. Thread-safe; holds no state.
 */
public final class TranscriptLoader {

    /** Bump when reading or segmentation changes, so that every file is read again. */
    public static final String PIPELINE_VERSION = "3";

    public static final Set<String> EXTENSIONS = Set.of("txt", "text", "md", "markdown", "vtt", "srt", "sbv", "json", "tsv", "lrc");
    public static final String SIDECAR_SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxFileBytes;

    public TranscriptLoader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** True for files a folder walk should offer to this loader (sidecars and hidden files are not transcripts). */
    public static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).endsWith(SIDECAR_SUFFIX);
    }

    /** The hash of a file's inputs, without parsing it. */
    public String hash(Path file, Metadata manifestRow) throws UnreadableFileException {
        return hash(readBytes(file), file, manifestRow);
    }

    private String hash(byte[] bytes, Path file, Metadata manifestRow) throws UnreadableFileException {
        MessageDigest md = sha256();
        md.update(PIPELINE_VERSION.getBytes(StandardCharsets.UTF_8));
        md.update(bytes);
        Path sidecar = sidecarOf(file);
        if (Files.isRegularFile(sidecar)) {
            md.update(readBytes(sidecar));
        }
        if (manifestRow != null) {
            md.update(manifestRow.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    public SourceFile load(Path file, Metadata manifestRow) throws UnreadableFileException {
        byte[] bytes = readBytes(file);
        String hash = hash(bytes, file, manifestRow);
        String name = file.getFileName().toString();
        Transcript t = parse(name, bytes);
        Metadata meta = manifestRow == null ? Metadata.EMPTY : manifestRow;
        meta = meta.orElse(sidecar(file)).orElse(t.metadata()).orElse(fromFileName(name));
        if (t.turns().isEmpty()) {
            throw new UnreadableFileException("no speech found: the file has no text to index");
        }
        return new SourceFile(file, hash, t.withMetadata(meta));
    }

    /** Reads bytes given the file name; exposed for tests and fuzzing. */
    public static Transcript parse(String fileName, byte[] bytes) throws UnreadableFileException {
        Transcript t = read(fileName, bytes);
        for (Turn turn : t.turns()) {
            // Speakers become the candidates and interviewers of the interview, which are facet labels.
            if (turn.hasSpeaker() && turn.speaker().strip().length() > MetadataFields.MAX_LABEL_CHARS) {
                throw new UnreadableFileException("a speaker name is " + turn.speaker().strip().length() + " characters long, over the limit of "
                        + MetadataFields.MAX_LABEL_CHARS + " ('" + turn.speaker().strip().substring(0, 40) + "...')");
            }
        }
        return t;
    }

    private static Transcript read(String fileName, byte[] bytes) throws UnreadableFileException {
        String ext = extension(fileName);
        if (bytes.length == 0) {
            throw new UnreadableFileException("the file is empty");
        }
        if (!EXTENSIONS.contains(ext) && !ext.isEmpty()) {
            throw new UnreadableFileException("unsupported file type '." + ext + "': Verbatim reads "
                    + String.join(", ", EXTENSIONS.stream().sorted().map(e -> "." + e).toList()));
        }
        String text = TextDecoder.decode(bytes);
        if (text.isBlank()) {
            throw new UnreadableFileException("the file has only whitespace");
        }
        String head = text.stripLeading();
        return switch (ext) {
            case "vtt" -> CaptionReader.read(text, TranscriptFormat.WEBVTT);
            case "srt" -> CaptionReader.read(text, TranscriptFormat.SRT);
            case "sbv" -> CaptionReader.read(text, TranscriptFormat.SBV);
            case "json" -> JsonTranscriptReader.read(text);
            case "tsv" -> TimedLinesReader.readTsv(text);
            case "lrc" -> TimedLinesReader.readLrc(text);
            default -> {
                if (head.startsWith("WEBVTT")) {
                    yield CaptionReader.read(head, TranscriptFormat.WEBVTT);
                }
                if (head.startsWith("{") && head.contains("\"")) {
                    yield JsonTranscriptReader.read(text);
                }
                yield TextTranscriptReader.read(text, TextTranscriptReader.isMarkdownName(fileName));
            }
        };
    }

    /** Metadata from {@code NAME.meta.json} beside the file, or empty when there is none. */
    public static Metadata sidecar(Path file) throws UnreadableFileException {
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return Metadata.EMPTY;
        }
        try {
            Map<?, ?> raw = JSON.readValue(sidecar.toFile(), Map.class);
            Map<String, Object> map = new LinkedHashMap<>();
            raw.forEach((k, v) -> map.put(String.valueOf(k), v));
            return MetadataFields.fromMap(map);
        } catch (JacksonException e) {
            throw new UnreadableFileException("its metadata file " + sidecar.getFileName() + " is not a JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read its metadata file " + sidecar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static Path sidecarOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + SIDECAR_SUFFIX);
    }

    /** What a file name tells: a title (the name without extension) and a date when it carries one. */
    static Metadata fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).strip();
        return new Metadata(null, base, null, null, null, MetadataFields.dateInFileName(name), null, null);
    }

    private byte[] readBytes(Path file) throws UnreadableFileException {
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new UnreadableFileException("the file is " + mb(size) + ", over the limit of " + mb(maxFileBytes)
                        + " (raise it with --max-file-size)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) Math.min(size + 1, maxFileBytes + 1));
            }
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("the file disappeared before it could be read", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UnreadableFileException("permission denied: the file is not readable by this user", e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
