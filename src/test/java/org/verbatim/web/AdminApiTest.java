package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.Deleter;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

class AdminApiTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Server(WebServer web, LiveIndex live) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            web.stop();
            live.close();
        }
    }

    private Server start(Path idx, String token) {
        LiveIndex live = new LiveIndex(idx, Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(100));
        Admin admin = new Admin(token, () -> new Indexer(idx, new TranscriptLoader(64L << 20),
                new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2),
                new Deleter(idx, Fixtures.grouping()), live, List.of(Path.of("samples")));
        return new Server(new WebServer(live, null, admin).start("127.0.0.1", 0), live);
    }

    private static HttpResponse<String> send(Server s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.web().port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAConfiguredTokenTheAdminEndpointsAreOff() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Fixtures.folder("fixtures/archive"));
        try (Server s = start(idx, null)) {
            HttpResponse<String> r = send(s, "POST", "/api/admin/reindex", "anything", null);
            assertEquals(403, r.statusCode());
            assertTrue(JSON.readTree(r.body()).get("detail").asText().contains("VERBATIM_ADMIN_TOKEN"));
            assertEquals(403, send(s, "DELETE", "/api/interviews/bea-2023", "anything", null).statusCode());
        }
    }

    @Test
    void aRebuildStartedOverHttpRunsInTheBackgroundAndIsServedWhenDone() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Fixtures.folder("fixtures/archive"));
        try (Server s = start(idx, "s3cret")) {
            assertEquals(401, send(s, "POST", "/api/admin/reindex", null, null).statusCode());
            assertEquals(401, send(s, "POST", "/api/admin/reindex", "wrong", null).statusCode());
            assertEquals(400, send(s, "POST", "/api/admin/reindex", "s3cret", "{\"paths\": [\"/no/such/folder\"]}").statusCode());
            HttpResponse<String> started = send(s, "POST", "/api/admin/reindex", "s3cret", null);
            assertEquals(202, started.statusCode(), started.body());
            String id = JSON.readTree(started.body()).get("job").get("id").asText();
            assertEquals("/api/admin/jobs/" + id, started.headers().firstValue("location").orElse(""));
            assertEquals(401, send(s, "GET", "/api/admin/jobs/" + id, null, null).statusCode());
            JsonNode job = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                job = JSON.readTree(send(s, "GET", "/api/admin/jobs/" + id, "s3cret", null).body()).get("job");
                if (job.get("status").asText().equals("succeeded") || job.get("status").asText().equals("failed")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("succeeded", job.get("status").asText(), job.toString());
            assertEquals(10, job.get("result").get("interviews").asInt());
            assertEquals(10, job.get("total").asInt());
            JsonNode all = JSON.readTree(send(s, "GET", "/api/search", null, null).body());
            assertEquals(10, all.get("total").get("interviews").asInt(), "the samples replaced the fixtures");
            assertEquals(404, send(s, "GET", "/api/admin/jobs/nope", "s3cret", null).statusCode());
        }
    }

    @Test
    void deletingAnInterviewNeedsTheTokenAndRemovesIt() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Fixtures.folder("fixtures/archive"));
        try (Server s = start(idx, "s3cret")) {
            assertEquals(401, send(s, "DELETE", "/api/interviews/bea-2023", null, null).statusCode());
            HttpResponse<String> r = send(s, "DELETE", "/api/interviews/bea-2023", "s3cret", null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("bea-2023", JSON.readTree(r.body()).get("deleted").get(0).asText());
            assertEquals(404, send(s, "GET", "/api/interviews/bea-2023", null, null).statusCode());
            assertEquals(404, send(s, "DELETE", "/api/interviews/bea-2023", "s3cret", null).statusCode());
            JsonNode search = JSON.readTree(send(s, "GET", "/api/search?q=prototype", null, null).body());
            assertEquals(0, search.get("total").get("interviews").asInt());
            assertTrue(Files.readString(idx.resolve(Deleter.LOG_FILE)).contains("\"actor\":\"admin@"));
        }
    }
}
