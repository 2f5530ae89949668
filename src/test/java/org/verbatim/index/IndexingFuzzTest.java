package org.verbatim.index;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.Metadata;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.NoDialogueException;
import org.verbatim.support.Fixtures;

/**
 * Any bytes, as any kind of file the indexer reads, go through what the indexer does with one file
 * (load, segment, enrich, group questions, write to an index) and either become an interview or are
 * refused with the documented reasons: {@link UnreadableFileException} from reading and
 * {@link NoDialogueException} from segmentation. Any other exception is a finding.
 *
 * <p>The first line of an input names its kind: a transcript extension ({@code vtt}, {@code srt},
 * {@code json}...), {@code manifest} (a CSV manifest naming a transcript) or {@code sidecar} (the
 * {@code .meta.json} beside a transcript); the rest is the file. When the first line names no kind,
 * the first byte picks one and the whole input is the file.
 *
 * <p>The unit tests run the inputs under {@code IndexingFuzzTestInputs} once each. The POM's {@code fuzz}
 * execution sets {@code JAZZER_FUZZ} and fuzzes for {@code fuzz.duration}; see README's Tests section.
 */
class IndexingFuzzTest {

    private static final List<String> TRANSCRIPTS = TranscriptLoader.EXTENSIONS.stream().sorted().toList();
    private static final String MANIFEST = "manifest";
    private static final String SIDECAR = "sidecar";
    private static final List<String> KINDS = concat(TRANSCRIPTS, List.of(MANIFEST, SIDECAR));
    private static final byte[] TRANSCRIPT = "Ann Lee: What do you build?\n\nBo Chen: Search tools in Java.\n"
            .getBytes(StandardCharsets.UTF_8);
    /** Replaced interviews pile up as deleted documents; the index is emptied now and then. */
    private static final int WRITES_BETWEEN_CLEARS = 1_000;

    private static final TranscriptLoader LOADER = new TranscriptLoader(64L << 20);
    private static final Enricher ENRICHER = new Enricher(new SkillExtractor(Fixtures.skills()));
    private static final QuestionGrouping GROUPING = Fixtures.grouping();
    private static final Path DIR = tempDir();
    private static final IndexWriter WRITER = openWriter();
    private static int writes;

    @FuzzTest(maxDuration = "60s")
    void anyFileIsIndexedOrRefusedWithAReason(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int newline = indexOf(input, (byte) '\n');
        String named = newline < 0 ? "" : new String(input, 0, newline, StandardCharsets.UTF_8).strip();
        String kind = KINDS.contains(named) ? named : KINDS.get(Math.floorMod(input[0], KINDS.size()));
        byte[] file = KINDS.contains(named) ? Arrays.copyOfRange(input, newline + 1, input.length) : input;
        try {
            switch (kind) {
                case MANIFEST -> listedInManifest(file);
                case SIDECAR -> withSidecar(file);
                default -> index(write("fuzzed." + kind, file), null);
            }
        } catch (UnreadableFileException | NoDialogueException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a refusal must say why", e);
            }
        }
    }

    @AfterAll
    static void closeIndex() throws IOException {
        WRITER.rollback();
    }

    /** A manifest whose row for {@code listed.txt} gives that transcript its metadata. */
    private static Interview listedInManifest(byte[] csv) throws IOException, UnreadableFileException, NoDialogueException {
        Path transcript = write("listed.txt", TRANSCRIPT);
        Manifest manifest = Manifest.read(write("manifest.csv", csv));
        return index(transcript, manifest.rowFor(transcript));
    }

    private static Interview withSidecar(byte[] json) throws IOException, UnreadableFileException, NoDialogueException {
        Path transcript = write("with-sidecar.txt", TRANSCRIPT);
        write("with-sidecar" + TranscriptLoader.SIDECAR_SUFFIX, json);
        return index(transcript, null);
    }

    /** What the indexer does with one file, in the same order. */
    private static Interview index(Path file, Metadata row) throws IOException, UnreadableFileException, NoDialogueException {
        Interview interview = ENRICHER.enrich(InterviewBuilder.build(LOADER.load(file, row)));
        Map<String, QuestionMatcher.Prepared> questions = GROUPING.prepare(interview);
        interview = GROUPING.assign(interview, questions, GROUPING.newGroups());
        if (++writes % WRITES_BETWEEN_CLEARS == 0) {
            WRITER.deleteAll();
        }
        Indexer.write(WRITER, interview);
        return interview;
    }

    /** Writes a new file: rewriting one in place is far slower on ext4, which flushes a truncated file when it is closed. */
    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = DIR.resolve(name);
        Files.deleteIfExists(file);
        return Files.write(file, bytes);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("verbatim-fuzz-");
            dir.toFile().deleteOnExit();
            for (String name : List.of("listed.txt", "manifest.csv", "with-sidecar.txt", "with-sidecar" + TranscriptLoader.SIDECAR_SUFFIX)) {
                dir.resolve(name).toFile().deleteOnExit();
            }
            for (String ext : TRANSCRIPTS) {
                dir.resolve("fuzzed." + ext).toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndexWriter openWriter() {
        try {
            return Indexer.openWriter(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
