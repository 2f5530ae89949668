package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexLayout;
import org.verbatim.index.Schema;
import org.verbatim.support.Fixtures;

/**
 * Kills {@code verbatim reindex} (SIGKILL, in a child process) at random points; after each kill the
 * index opens, passes Lucene's CheckIndex and holds either the old or the new complete data, and a rerun
 * finishes the job.
 */
class KillDuringReindexIT {

    @TempDir
    Path tmp;

    private Process verbatim(Path index, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("verbatim.jar", "target/verbatim.jar")));
        cmd.add(args[0]);
        cmd.add("--index");
        cmd.add(index.toString());
        cmd.addAll(List.of(args).subList(1, args.length));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static long interviews(Path index) throws Exception {
        Path live = new IndexLayout(index).current();
        try (Directory dir = FSDirectory.open(live)) {
            try (CheckIndex check = new CheckIndex(dir)) {
                assertTrue(check.checkIndex().clean, "CheckIndex on " + live);
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                return new IndexSearcher(r).count(Schema.interviewsQuery());
            }
        }
    }

    @Test
    void killingAReindexAtRandomPointsLeavesTheLastGoodIndex() throws Exception {
        Path index = tmp.resolve("index");
        Path corpus = Fixtures.corpus();
        Process first = verbatim(index, "index", "samples");
        assertEquals(0, first.waitFor());
        long before = interviews(index);
        assertEquals(10, before);

        Random random = new Random(42);
        long after = -1;
        for (int round = 0; round < 6; round++) {
            Process p = verbatim(index, "reindex", "samples", corpus.toString());
            long delay = 300 + random.nextInt(2500);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            long now = interviews(index);
            if (after < 0 && now != before) {
                after = now;
            }
            assertTrue(now == before || now == after, "round " + round + ": " + now + " interviews");
        }
        Process rerun = verbatim(index, "reindex", "samples", corpus.toString());
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
        int code = rerun.exitValue();
        assertTrue(code == 0 || code == 1, "exit code " + code);
        long complete = interviews(index);
        assertTrue(complete > before, complete + " interviews after the rerun");
        assertTrue(after < 0 || after == complete);
        assertEquals(1, new IndexLayout(index).generations().size());
        assertTrue(Files.exists(index.resolve(IndexLayout.POINTER)));
    }
}
