package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptLoaderTest {

    private static final TranscriptLoader LOADER = new TranscriptLoader(1_000_000);

    @Test
    void sidecarMetaJsonBesideAVttFileGivesItsMetadata(@TempDir Path dir) throws Exception {
        Path vtt = dir.resolve("2023-07-01-platform-call.vtt");
        Files.write(vtt, FormatFixtures.bytes("teams.vtt"));
        Files.write(dir.resolve("2023-07-01-platform-call.meta.json"), FormatFixtures.bytes("teams.meta.json"));

        SourceFile f = LOADER.load(vtt, null);
        Metadata m = f.transcript().metadata();

        assertEquals(vtt, f.path());
        assertEquals("Platform lead, first call", m.title());
        assertEquals(List.of("Ben Carter"), m.candidates());
        assertEquals(List.of("Alice Martin"), m.interviewers());
        assertEquals("Platform Lead", m.role());
        assertEquals(LocalDate.of(2024, 2, 20), m.date(), "the sidecar's date wins over the file name's");
        assertEquals(List.of("platform", "devops"), m.tags());
        assertEquals("next round", m.outcome());
        assertNull(m.id());
        assertEquals(4, f.transcript().turns().size());
    }

    @Test
    void manifestRowWinsOverTheSidecar(@TempDir Path dir) throws Exception {
        Path vtt = dir.resolve("call.vtt");
        Files.write(vtt, FormatFixtures.bytes("teams.vtt"));
        Files.write(dir.resolve("call.meta.json"), FormatFixtures.bytes("teams.meta.json"));
        Metadata row = new Metadata("row-7", "From the manifest", null, null, null, null, null, null);

        Metadata m = LOADER.load(vtt, row).transcript().metadata();

        assertEquals("row-7", m.id());
        assertEquals("From the manifest", m.title());
        assertEquals(List.of("Ben Carter"), m.candidates());
    }

    @Test
    void sidecarThatIsNotJsonIsUnreadableAndNamed(@TempDir Path dir) throws Exception {
        Path vtt = dir.resolve("call.vtt");
        Files.write(vtt, FormatFixtures.bytes("teams.vtt"));
        Files.writeString(dir.resolve("call.meta.json"), "title: not json");

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> LOADER.load(vtt, null));

        assertTrue(e.getMessage().startsWith("its metadata file call.meta.json is not a JSON object: "), e.getMessage());
    }

    @Test
    void dateAndTitleComeFromTheFileNameWhenNothingElseGivesThem(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("2024-03-05-foo.txt");
        Files.write(txt, FormatFixtures.bytes("dated-name.txt"));

        Metadata m = LOADER.load(txt, null).transcript().metadata();

        assertEquals(LocalDate.of(2024, 3, 5), m.date());
        assertEquals("2024-03-05-foo", m.title());
    }

    @Test
    void hashChangesWhenTheSidecarChanges(@TempDir Path dir) throws Exception {
        Path vtt = dir.resolve("call.vtt");
        Files.write(vtt, FormatFixtures.bytes("teams.vtt"));
        String before = LOADER.hash(vtt, null);
        assertEquals(before, LOADER.hash(vtt, null));
        assertEquals(32, before.length());

        Files.write(dir.resolve("call.meta.json"), FormatFixtures.bytes("teams.meta.json"));

        assertNotEquals(before, LOADER.hash(vtt, null));
    }

    @Test
    void fileOverTheSizeLimitIsUnreadable(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("big.txt");
        Files.write(txt, new byte[3 * 1024 * 1024]);

        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> new TranscriptLoader(2 * 1024 * 1024).load(txt, null));

        assertEquals("the file is 3.0 MB, over the limit of 2.0 MB (raise it with --max-file-size)", e.getMessage());
    }

    @Test
    void sidecarsAndHiddenFilesAreNotCandidates() {
        assertTrue(TranscriptLoader.isCandidate(Path.of("a", "call.vtt")));
        assertFalse(TranscriptLoader.isCandidate(Path.of("a", "call.META.json")));
        assertFalse(TranscriptLoader.isCandidate(Path.of("a", ".call.vtt")));
    }

    @Test
    void unsupportedExtensionIsUnreadableAndListsWhatIsRead() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TranscriptLoader.parse("notes.docx", "hello".getBytes(StandardCharsets.UTF_8)));

        assertEquals("unsupported file type '.docx': Verbatim reads .json, .lrc, .markdown, .md, .sbv, .srt, .text, .tsv, .txt, .vtt",
                e.getMessage());
    }

    @Test
    void speakerNameTooLongToBeAFacetLabelIsUnreadable() {
        String json = "{\"segments\": [{\"speaker\": \"" + "Ann ".repeat(100) + "\", \"text\": \"Why?\"}]}";

        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TranscriptLoader.parse("call.json", json.getBytes(StandardCharsets.UTF_8)));

        assertEquals("a speaker name is 399 characters long, over the limit of 200 ('Ann Ann Ann Ann Ann Ann Ann Ann Ann Ann ...')", e.getMessage());
    }

    @Test
    void whitespaceOnlyFileIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TranscriptLoader.parse("blank.txt", " \n\t\r\n\u00A0".getBytes(StandardCharsets.UTF_8)));

        assertEquals("the file has only whitespace", e.getMessage());
    }
}
