package org.verbatim.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.ingest.FormatFixtures;
import org.verbatim.ingest.TranscriptLoader;

class InterviewBuilderTest {

    private static final TranscriptLoader LOADER = new TranscriptLoader(1_000_000);

    @Test
    void metadataFromTheSidecarFillsTheInterview(@TempDir Path dir) throws Exception {
        Path vtt = dir.resolve("platform-call.vtt");
        Files.write(vtt, FormatFixtures.bytes("teams.vtt"));
        Files.write(dir.resolve("platform-call.meta.json"), FormatFixtures.bytes("teams.meta.json"));

        Interview i = InterviewBuilder.build(LOADER.load(vtt, null));

        assertEquals("Platform lead, first call", i.title());
        assertEquals(List.of("Ben Carter"), i.candidates());
        assertEquals(List.of("Alice Martin"), i.interviewers());
        assertEquals(LocalDate.of(2024, 2, 20), i.date());
        assertEquals("webvtt", i.format());
        assertEquals(vtt.toAbsolutePath().normalize().toString(), i.source());
        assertEquals(2, i.pairs().size());
        assertTrue(i.id().matches("platform-call-[0-9a-f]{8}"), i.id());
    }

    @Test
    void withoutMetadataPeopleComeFromSegmentation(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("screen.txt");
        Files.write(txt, FormatFixtures.bytes("panel.txt"));

        Interview i = InterviewBuilder.build(LOADER.load(txt, null));

        assertEquals("screen", i.title());
        assertEquals(List.of("Mia Chen", "Leo Grant"), i.candidates());
        assertEquals(List.of("Interviewer"), i.interviewers());
        assertEquals("speaker-labelled text", i.format());
        assertEquals(4, i.pairs().size());
    }

    @Test
    void idIsASlugOfTheNamePlusAHashOfThePath() {
        String a = InterviewBuilder.idFor("/data/2024 Interviews/Ana Núñez & Co!.vtt");
        String b = InterviewBuilder.idFor("/other/2024 Interviews/Ana Núñez & Co!.vtt");

        assertTrue(a.matches("ana-nunez-co-[0-9a-f]{8}"), a);
        assertEquals(a, InterviewBuilder.idFor("/data/2024 Interviews/Ana Núñez & Co!.vtt"));
        assertNotEquals(a, b);
        assertTrue(InterviewBuilder.idFor("/data/!!!.txt").matches("[0-9a-f]{8}"));
    }
}
