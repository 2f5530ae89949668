package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.Deleter;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

/** A server with users: every API call but the health check needs a user's token; admin endpoints need an admin. */
class AccessApiTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static LiveIndex live;
    static WebServer server;
    static String reader;
    static String admin;
    static Path usersFile;

    @BeforeAll
    static void start() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Fixtures.folder("fixtures/archive"));
        usersFile = tmp.resolve("users.tsv");
        reader = Users.add(usersFile, "rita", Users.Role.READER);
        admin = Users.add(usersFile, "adam", Users.Role.ADMIN);
        live = new LiveIndex(idx, Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(100));
        server = startServer(idx);
    }

    private static WebServer startServer(Path idx) throws Exception {
        Admin adminApi = new Admin(new Access(Users.read(usersFile), null), () -> new Indexer(idx, new TranscriptLoader(64L << 20),
                new Enricher(new SkillExtractor(Fixtures.skills())), Fixtures.grouping(), 2),
                new Deleter(idx, Fixtures.grouping()), live, List.of());
        return new WebServer(live, null, adminApi).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        live.close();
    }

    private static HttpResponse<String> send(String method, String path, String token) throws Exception {
        return send(server, method, path, token);
    }

    private static HttpResponse<String> send(WebServer to, String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyApiCallNeedsAUsersToken() throws Exception {
        for (String path : List.of("/api/search?q=kafka", "/api/interviews/bea-2023", "/api/suggest?prefix=ka", "/api/questions",
                "/api/compare?text=why", "/api/compare.csv?question=x", "/api/matrix?questions=x")) {
            HttpResponse<String> r = send("GET", path, null);
            assertEquals(401, r.statusCode(), path);
            assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""), path);
            assertTrue(r.body().contains("verbatim users add"), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        }
        HttpResponse<String> ok = send("GET", "/api/search?q=kafka", reader);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(JSON.readTree(ok.body()).get("total").get("interviews").asLong() > 0);
    }

    @Test
    void theHealthCheckAndTheFrontEndFilesAreOpenButHoldNoTranscripts() throws Exception {
        assertEquals(200, send("GET", "/api/health", null).statusCode());
        HttpResponse<String> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertEquals(200, send("GET", "/common.js", null).statusCode());
    }

    @Test
    void adminEndpointsNeedAnAdmin() throws Exception {
        HttpResponse<String> refused = send("DELETE", "/api/interviews/no-such-interview", reader);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("'rita' is a reader"), refused.body());
        assertEquals(404, send("DELETE", "/api/interviews/no-such-interview", admin).statusCode());
        assertEquals(400, send("POST", "/api/admin/reindex", admin).statusCode(), "past the check: nothing to read");
    }

    @Test
    void repeatedWrongTokensAreRateLimitedEvenWhenTheRightOneFollows() throws Exception {
        WebServer own = startServer(tmp.resolve("index")); // its own failure counts, apart from the other tests
        try {
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                refused += send(own, "GET", "/api/search?q=kafka", "vbt_000000000000_wrong" + i).statusCode() == 401 ? 1 : 0;
            }
            assertEquals(10, refused);
            HttpResponse<String> blocked = send(own, "GET", "/api/search?q=kafka", reader);
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertTrue(Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0")) > 0);
            assertTrue(blocked.body().contains("too many failed attempts"), blocked.body());
        } finally {
            own.stop();
        }
    }
}
