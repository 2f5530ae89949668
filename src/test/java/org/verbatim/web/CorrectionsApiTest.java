package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

/** The correction endpoints: open on an archive without users, admins only on one with users. */
class CorrectionsApiTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static HttpResponse<String> send(WebServer s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutUsersAnyoneCorrectsAndBadRequestsNameTheProblem() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Path.of("samples"));
        try (LiveIndex live = new LiveIndex(idx, Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(60))) {
            WebServer s = new WebServer(live, null).start("127.0.0.1", 0);
            try {
                assertTrue(JSON.readTree(send(s, "GET", "/api/questions/corrections", null, null).body()).get("mayCorrect").asBoolean());
                HttpResponse<String> bad = send(s, "POST", "/api/questions/merge", null, "{\"from\": \"t-why-leaving\"}");
                assertEquals(400, bad.statusCode());
                assertTrue(bad.body().contains("'into' is required"), bad.body());
                assertEquals(400, send(s, "POST", "/api/questions/merge", null, "not json").statusCode());
                HttpResponse<String> unknown = send(s, "POST", "/api/questions/merge", null, "{\"from\": \"q-none\", \"into\": \"t-why-leaving\"}");
                assertEquals(400, unknown.statusCode());
                assertTrue(unknown.body().contains("q-none"), unknown.body());

                HttpResponse<String> merged = send(s, "POST", "/api/questions/merge", null,
                        "{\"from\": \"t-learning-new-technologies\", \"into\": \"t-why-leaving\"}");
                assertEquals(200, merged.statusCode(), merged.body());
                assertEquals("t-why-leaving", JSON.readTree(merged.body()).get("groups").get(0).asText());
                // Served at once: the server sees the change without waiting for its refresh.
                assertEquals(404, send(s, "GET", "/api/compare?question=t-learning-new-technologies", null, null).statusCode());
                HttpResponse<String> renamed = send(s, "POST", "/api/questions/rename", null, "{\"group\": \"t-why-leaving\", \"label\": \"Why move?\"}");
                assertEquals(200, renamed.statusCode(), renamed.body());
                assertEquals("Why move?", JSON.readTree(send(s, "GET", "/api/compare?question=t-why-leaving", null, null).body())
                        .get("question").get("label").asText());
                JsonNode compare = JSON.readTree(send(s, "GET", "/api/compare?question=t-why-leaving", null, null).body());
                JsonNode first = compare.get("answers").get(0);
                HttpResponse<String> split = send(s, "POST", "/api/questions/split", null,
                        "{\"interview\": \"" + first.get("interview").get("id").asText() + "\", \"pair\": " + first.get("pair").asInt() + "}");
                assertEquals(200, split.statusCode(), split.body());
                assertEquals(400, send(s, "POST", "/api/questions/split", null, "{\"interview\": \"x\", \"pair\": \"two\"}").statusCode());
                List<String> lines = JSON.convertValue(JSON.readTree(send(s, "GET", "/api/questions/corrections", null, null).body())
                        .get("corrections"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                assertEquals(3, lines.size(), lines.toString());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void withUsersOnlyAnAdminCorrects() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Path.of("samples"));
        Path usersFile = tmp.resolve("users.tsv");
        String reader = Users.add(usersFile, "rita", Users.Role.READER);
        String admin = Users.add(usersFile, "adam", Users.Role.ADMIN);
        try (LiveIndex live = new LiveIndex(idx, Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(60))) {
            WebServer s = new WebServer(live, null, new Admin(new Access(Users.read(usersFile), null), () -> null, null, live, List.of()))
                    .start("127.0.0.1", 0);
            try {
                String body = "{\"from\": \"t-learning-new-technologies\", \"into\": \"t-why-leaving\"}";
                assertEquals(401, send(s, "POST", "/api/questions/merge", null, body).statusCode());
                assertFalse(JSON.readTree(send(s, "GET", "/api/questions/corrections", reader, null).body()).get("mayCorrect").asBoolean());
                assertEquals(403, send(s, "POST", "/api/questions/merge", reader, body).statusCode());
                assertTrue(JSON.readTree(send(s, "GET", "/api/questions/corrections", admin, null).body()).get("mayCorrect").asBoolean());
                assertEquals(200, send(s, "POST", "/api/questions/merge", admin, body).statusCode());
            } finally {
                s.stop();
            }
        }
    }
}
