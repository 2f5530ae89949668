package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Main;
import org.verbatim.config.Settings;
import org.verbatim.support.Fixtures;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Settings(tmp.resolve("default-index"), 64L << 20, 2, null));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void indexJsonSummaryHasTheDocumentedKeysAndExitCodeOneWhenAFileFailed() throws Exception {
        Run r = run("index", "--index", tmp.resolve("idx").toString(), "--json", Fixtures.folder("fixtures/archive").toString());
        assertEquals(ExitCodes.SOME_FILES_FAILED, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(4, j.get("files").asInt());
        assertEquals(3, j.get("interviews").asInt());
        assertEquals(6, j.get("pairs").asInt());
        assertEquals(0, j.get("unchanged").asInt());
        assertEquals(1, j.get("failed").size());
        assertTrue(j.get("failed").get(0).get("file").asText().endsWith("notes-without-dialogue.txt"));
        assertTrue(j.get("failed").get(0).get("error").asText().startsWith("no dialogue found"));
    }

    @Test
    void secondRunSkipsUnchangedFilesAndNeverDuplicates() throws Exception {
        Path docs = Fixtures.copy("fixtures/archive", tmp.resolve("docs"));
        Files.delete(docs.resolve("notes-without-dialogue.txt"));
        String idx = tmp.resolve("idx").toString();
        assertEquals(ExitCodes.OK, run("index", "--index", idx, docs.toString()).code());
        Run again = run("index", "--index", idx, "--json", docs.toString());
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertEquals(0, j.get("interviews").asInt());
        assertEquals(3, j.get("unchanged").asInt());

        Path bea = docs.resolve("2023-03-15-backend-bea.txt");
        Files.writeString(bea, Files.readString(bea).replace("firmware for sensors", "firmware for tractors"));
        JsonNode changed = new ObjectMapper().readTree(run("index", "--index", idx, "--json", docs.toString()).out());
        assertEquals(1, changed.get("interviews").asInt());
        assertEquals(2, changed.get("unchanged").asInt());

        JsonNode stats = new ObjectMapper().readTree(run("stats", "--index", idx, "--json").out());
        assertEquals(3, stats.get("interviews").asInt());
        assertEquals(6, stats.get("pairs").asInt());
        assertEquals(1, new ObjectMapper().readTree(run("search", "--index", idx, "--json", "tractors").out()).get("total").get("interviews").asInt());
        assertEquals(0, new ObjectMapper().readTree(run("search", "--index", idx, "--json", "sensors").out()).get("total").get("interviews").asInt());
    }

    @Test
    void searchPrintsInterviewQuestionAndHighlightedSnippet() {
        String idx = tmp.resolve("idx").toString();
        run("index", "--index", idx, Fixtures.folder("fixtures/archive").toString());
        Run r = run("search", "--index", idx, "\"new technologies\"");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("Backend interview with Bea Lopez (2023-03-15 · Bea Lopez · Backend Engineer)  [bea-2023]"), r.out());
        assertTrue(r.out().contains("   Q: How do you approach learning **new technologies**?"), r.out());
        assertTrue(r.out().contains("   A (Bea Lopez): I build a small prototype first"), r.out());
    }

    @Test
    void searchFiltersByFacet() throws Exception {
        String idx = tmp.resolve("idx").toString();
        run("index", "--index", idx, Fixtures.folder("fixtures/archive").toString());
        JsonNode j = new ObjectMapper().readTree(run("search", "--index", idx, "--json", "--filter", "role=Frontend Engineer", "").out());
        assertEquals(1, j.get("total").get("interviews").asInt());
        assertEquals("cy-2022", j.get("results").get(0).get("interview").get("id").asText());
        Run bad = run("search", "--index", idx, "--filter", "nonsense", "x");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertEquals("verbatim search: --filter must be FACET=VALUE (got: 'nonsense')", bad.err().strip());
    }

    @Test
    void aQueryThatDoesNotParseGetsOneLineAndExitCodeTwo() {
        String idx = tmp.resolve("idx").toString();
        run("index", "--index", idx, Fixtures.folder("fixtures/archive").toString());
        Run r = run("search", "--index", idx, "(kafka");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().startsWith("verbatim search: cannot parse query '(kafka': "), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void searchWithoutAnIndexSaysSoWithExitCodeThree() {
        Run r = run("search", "--index", tmp.resolve("missing").toString(), "kafka");
        assertEquals(ExitCodes.NO_INDEX, r.code());
        assertTrue(r.err().contains("no index at"), r.err());
    }

    @Test
    void theDefaultIndexLocationComesFromSettings() throws Exception {
        assertEquals(ExitCodes.SOME_FILES_FAILED, run("index", Fixtures.folder("fixtures/archive").toString()).code());
        assertTrue(Files.isDirectory(tmp.resolve("default-index")));
        assertEquals(3, new ObjectMapper().readTree(run("stats", "--json").out()).get("interviews").asInt());
    }

    @Test
    void settingsReadTheIndexLocationFromTheEnvironment() {
        assertEquals(Path.of("/srv/verbatim"), Settings.fromEnvironment(java.util.Map.of("VERBATIM_INDEX", "/srv/verbatim")).defaultIndex());
        assertEquals(Path.of("index-data"), Settings.fromEnvironment(java.util.Map.of()).defaultIndex());
    }

    @Test
    void servingBeyondThisMachineWithoutUsersIsRefusedWithHowToCreateOne() {
        String idx = tmp.resolve("idx").toString();
        Run r = run("serve", "--index", idx, "--host", "0.0.0.0", "--port", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("verbatim users add NAME --role admin --index " + idx), r.err());
    }

    @Test
    void usersAddPrintsATokenOnceAndListShowsNamesAndRolesOnly() throws Exception {
        String idx = tmp.resolve("idx").toString();
        Run added = run("users", "add", "--index", idx, "--role", "admin", "Ann Lee");
        assertEquals(ExitCodes.OK, added.code(), added.err());
        String token = added.out().strip();
        assertTrue(token.startsWith("vbt_") && token.lines().count() == 1, token);
        assertTrue(added.err().contains("cannot be shown again"), added.err());
        Path file = tmp.resolve("idx").resolve("users.tsv");
        // vbt_KEYID_SECRET: the key id is hex, the secret may itself contain '_'.
        String secret = token.substring(token.indexOf('_', "vbt_".length()) + 1);
        assertTrue(secret.length() >= 20 && !Files.readString(file).contains(secret), secret);
        Run list = run("users", "list", "--index", idx);
        assertEquals("Ann Lee\tadmin", list.out().strip());
        assertTrue(!list.out().contains("vbt_"));
        Run badRole = run("users", "add", "--index", idx, "--role", "boss", "bob");
        assertEquals(ExitCodes.USAGE, badRole.code());
        assertTrue(badRole.err().contains("'reader' or 'admin'"), badRole.err());
        assertEquals(ExitCodes.OK, run("users", "remove", "--index", idx, "Ann Lee").code());
        assertEquals(ExitCodes.NOT_FOUND, run("users", "remove", "--index", idx, "Ann Lee").code());
    }
}
