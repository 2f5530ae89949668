package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.support.Fixtures;

/** A batch of broken and odd files: each is indexed or reported with a reason, and the rest of the batch is indexed. */
class BrokenFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aManifestInsideTheFolderItDescribesIsNotReadAsATranscript() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("with-manifest"));
        Files.writeString(d.resolve("one.txt"), "Ann Lee: What do you build?\n\nBo Chen: Tools.\n");
        Files.writeString(d.resolve("loads.csv"), "file,id\none.txt,interview-one\n");
        Files.writeString(d.resolve("notes.csv"), "not,a,manifest\n");
        Manifest manifest = Manifest.read(d.resolve("loads.csv"));
        List<Path> files = Indexer.collect(List.of(d), manifest);
        assertEquals(List.of(d.resolve("notes.csv").toAbsolutePath(), d.resolve("one.txt").toAbsolutePath()), files);
    }

    @Test
    void everyBrokenFileIsIndexedOrReportedAndTheRestOfTheBatchIsIndexed() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("batch"));
        Files.write(d.resolve("empty.txt"), new byte[0]);
        Files.writeString(d.resolve("whitespace.txt"), "   \n\n\t \n");
        Files.write(d.resolve("binary.txt"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, (byte) 0xFF, 0});
        byte[] good = "Ann Lee: What do you build?\n\nBo Chen: Tools for résumés.\n".getBytes(StandardCharsets.UTF_8);
        Files.write(d.resolve("truncated-utf8.txt"), java.util.Arrays.copyOf(good, good.length - 3));
        byte[] utf16 = "Ann Lee: What do you build?\n\nBo Chen: Tools.\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(d.resolve("utf16-no-bom.txt"), utf16);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(d.resolve("utf16-bom.txt"), withBom);
        Files.write(d.resolve("truncated-utf16.txt"), java.util.Arrays.copyOf(withBom, withBom.length - 1));
        Files.write(d.resolve("latin1.txt"), "Ann Lee: Où habitez-vous?\n\nBo Chen: À Genève, près du lac.\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(d.resolve("nested.json"), "[".repeat(5000) + "]".repeat(5000));
        Files.writeString(d.resolve("truncated.json"), "{\"turns\": [{\"speaker\": \"Ann\", \"text\": \"Why?");
        Files.writeString(d.resolve("backwards.vtt"), "WEBVTT\n\n00:00:10.000 --> 00:00:05.000\n<v Ann>What did you build?\n\n"
                + "00:00:03.000 --> 00:00:04.000\n<v Bo>A parser.\n");
        Files.writeString(d.resolve("one-speaker.txt"), "Ann Lee: Welcome to the show.\n\nAnn Lee: Today we talk about parsers.\n\nAnn Lee: Thanks for listening.\n");
        StringBuilder tiny = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tiny.append(i % 2 == 0 ? "Ann: Why " + i + "?\n" : "Bo: Because " + i + ".\n");
        }
        Files.writeString(d.resolve("ten-thousand-turns.txt"), tiny.toString());
        Files.writeString(d.resolve("odd name ü & (1) #!.txt"), "Ann Lee: Where are you from?\n\nBo Chen: Here.\n\nAnn Lee: And?\n\nBo Chen: There.\n");
        Files.writeString(d.resolve("a-good-one.txt"), "Ann Lee: What is your favourite database?\n\nBo Chen: Postgres, for its planner.\n");
        Path big = d.resolve("too-big.txt");
        Files.writeString(big, "x".repeat(2 * 1024 * 1024));

        IndexSummary s = new Indexer(tmp.resolve("index"), new TranscriptLoader(1024 * 1024),
                new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2)
                .index(List.of(d), Manifest.empty(), Indexer.Progress.NONE);

        Map<String, String> failed = new HashMap<>();
        s.failed().forEach(f -> failed.put(Path.of(f.file()).getFileName().toString(), f.error()));
        assertEquals(s.files(), s.interviews() + s.failed().size(), "every file is indexed or reported");
        assertEquals("the file is empty", failed.get("empty.txt"));
        assertEquals("the file has only whitespace", failed.get("whitespace.txt"));
        assertTrue(failed.get("binary.txt").startsWith("binary file"), failed.get("binary.txt"));
        assertTrue(failed.get("nested.json").startsWith("invalid JSON"), failed.get("nested.json"));
        assertTrue(failed.get("truncated.json").startsWith("invalid JSON at line 1"), failed.get("truncated.json"));
        assertTrue(failed.get("too-big.txt").contains("over the limit of 1.0 MB"), failed.get("too-big.txt"));
        for (String readable : List.of("truncated-utf8.txt", "utf16-no-bom.txt", "utf16-bom.txt", "truncated-utf16.txt", "latin1.txt",
                "backwards.vtt", "one-speaker.txt", "ten-thousand-turns.txt", "odd name ü & (1) #!.txt", "a-good-one.txt")) {
            assertTrue(!failed.containsKey(readable), readable + ": " + failed.get(readable));
        }
        assertTrue(s.failed().stream().noneMatch(f -> f.error().startsWith("internal error")), s.failed().toString());
        try (var searcher = org.verbatim.search.Searcher.open(tmp.resolve("index"))) {
            assertEquals(1, searcher.search(org.verbatim.search.SearchRequest.of("Genève")).total().interviews());
            assertEquals(1, searcher.search(org.verbatim.search.SearchRequest.of("planner")).total().interviews());
        }
    }

    @Test
    void aFileThatVanishesOrCannotBeReadIsReported() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("batch"));
        Path locked = d.resolve("locked.txt");
        Files.writeString(locked, "Ann Lee: Why?\n\nBo Chen: Because.\n");
        Files.writeString(d.resolve("fine.txt"), "Ann Lee: Why?\n\nBo Chen: Because.\n");
        Manifest manifest = Manifest.empty();
        Indexer indexer = new Indexer(tmp.resolve("index"), new TranscriptLoader(1 << 20),
                new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 1);
        // A file listed but gone by the time it is read.
        Path gone = d.resolve("gone.txt");
        IndexSummary s = indexer.index(List.of(d, gone.getParent()), manifest, (done, total) -> {
            try {
                Files.deleteIfExists(d.resolve("fine.txt"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(s.files(), s.interviews() + s.failed().size());
        assertTrue(s.failed().stream().allMatch(f -> f.error().contains("disappeared") || f.error().contains("permission")), s.failed().toString());
    }

    @Test
    void aHundredMegabyteSingleLineIsRefusedByTheDefaultSizeLimitWithoutBeingRead() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("huge"));
        byte[] line = new byte[100 * 1024 * 1024];
        java.util.Arrays.fill(line, (byte) 'a');
        Files.write(d.resolve("one-line.txt"), line);
        line = null;
        Files.writeString(d.resolve("fine.txt"), "Ann Lee: What do you build?\n\nBo Chen: Parsers for captions.\n");
        IndexSummary s = new Indexer(tmp.resolve("index"), new TranscriptLoader(org.verbatim.config.Settings.fromEnvironment(Map.of()).maxFileBytes()),
                new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2)
                .index(List.of(d), Manifest.empty(), Indexer.Progress.NONE);
        assertEquals(1, s.interviews());
        assertEquals(1, s.failed().size());
        assertTrue(s.failed().get(0).error().contains("over the limit of 64.0 MB") && s.failed().get(0).error().contains("--max-file-size"),
                s.failed().get(0).error());
    }
}
