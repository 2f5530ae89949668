package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Main;
import org.verbatim.config.Settings;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.tools.CorpusGenerator;
import org.verbatim.web.WebServer;
import picocli.CommandLine;

/**
 * The disk fills up while indexing (a 6 MB tmpfs, mounted by the test, which needs root as in CI): the
 * command fails with a message that says so, the space it took is given back, and the index that was being
 * served still answers, unchanged.
 */
class DiskFullIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static Path disk;
    static Path index;
    static Path corpus;
    static LiveIndex live;
    static WebServer server;

    record Run(int code, String err) {
    }

    private static int exec(String... cmd) throws Exception {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("disk"));
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString()) == 0,
                "mounting a 6 MB tmpfs needs root (CI runs as root)");
        index = disk.resolve("index");
        corpus = tmp.resolve("corpus");
        new CorpusGenerator(3).write(150, corpus); // about 4 MB of text: its index does not fit
        assertEquals(0, verbatim("index", "--index", index.toString(), "samples").code());
        live = new LiveIndex(index, Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(200));
        server = new WebServer(live, null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (server != null) {
            server.stop();
            live.close();
        }
        if (index != null) {
            exec("umount", disk.toString());
        }
    }

    private static Run verbatim(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Settings(index, 64L << 20, 2, null));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), err.toString());
    }

    private static long served(String q) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=" + q)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("total").get("interviews").asLong();
    }

    private static long freeBytes() throws Exception {
        return Files.getFileStore(disk).getUsableSpace();
    }

    private static List<String> generations() throws Exception {
        try (Stream<Path> s = Files.list(index)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).sorted().toList();
        }
    }

    @Test
    void aRebuildThatFillsTheDiskIsRemovedAndTheLiveIndexKeepsServing() throws Exception {
        long before = served("kafka");
        assertTrue(before > 0);
        long free = freeBytes();
        Run r = verbatim("reindex", "--index", index.toString(), corpus.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("the disk is full while rebuilding"), r.err());
        assertTrue(r.err().contains("the live index (gen-000001) is unchanged and still served"), r.err());
        assertEquals(List.of("gen-000001"), generations());
        assertTrue(freeBytes() >= free - (256 << 10), "the unfinished generation's space is given back: " + freeBytes() + " of " + free);
        assertEquals(before, served("kafka"));
    }

    @Test
    void anIncrementalRunThatFillsTheDiskKeepsTheLastCommit() throws Exception {
        long before = served("kafka");
        long free = freeBytes();
        Run r = verbatim("index", "--index", index.toString(), corpus.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("the disk is full while indexing"), r.err());
        assertTrue(r.err().contains("keeps its last commit"), r.err());
        assertTrue(freeBytes() >= free - (256 << 10), "files the failed writer left are removed: " + freeBytes() + " of " + free);
        assertEquals(before, served("kafka"));
        Run again = verbatim("index", "--index", index.toString(), "samples");
        assertEquals(0, again.code(), again.err());
    }
}
