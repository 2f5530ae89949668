package org.verbatim.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexSummary;
import org.verbatim.support.Fixtures;

class CorpusGeneratorTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        long a = new CorpusGenerator(7).write(40, tmp.resolve("a"));
        long b = new CorpusGenerator(7).write(40, tmp.resolve("b"));
        new CorpusGenerator(8).write(40, tmp.resolve("c"));
        assertEquals(a, b);
        List<Path> fa = files(tmp.resolve("a"));
        List<Path> fb = files(tmp.resolve("b"));
        assertEquals(fa.stream().map(p -> p.getFileName().toString()).toList(), fb.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
        }
        assertTrue(!files(tmp.resolve("c")).stream().map(p -> p.getFileName().toString()).toList()
                .equals(fa.stream().map(p -> p.getFileName().toString()).toList()));
        // About 25 kB of text per interview.
        assertTrue(a / 40 > 15_000 && a / 40 < 35_000, "bytes per interview: " + a / 40);
    }

    @Test
    void everyGeneratedInterviewIsReadWithItsPairs() throws Exception {
        new CorpusGenerator(3).write(30, tmp.resolve("docs"));
        IndexSummary s = Fixtures.index(tmp.resolve("index"), tmp.resolve("docs"));
        assertEquals(30, s.interviews(), s.failed().toString());
        assertTrue(s.pairs() >= 30 * 15 && s.pairs() <= 30 * 40, "pairs: " + s.pairs());
    }
}
