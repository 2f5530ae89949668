package org.verbatim.web;

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
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

class AccessLogTest {

    @TempDir
    Path tmp;

    @Test
    void everyApiRequestIsAJsonLineWithTheUserTheQueryAndTheInterview() throws Exception {
        Path idx = tmp.resolve("index");
        Fixtures.index(idx, Fixtures.folder("fixtures/archive"));
        Path log = tmp.resolve("access.log");
        AccessLog.install(log);
        try (LiveIndex live = new LiveIndex(idx, Duration.ofSeconds(1))) {
            WebServer s = new WebServer(live, null).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/api/search?q=prototype", "/api/interviews/bea-2023", "/")) {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }
            } finally {
                s.stop();
            }
        }
        List<String> lines = Files.readAllLines(log);
        ObjectMapper json = new ObjectMapper();
        JsonNode search = json.readTree(lines.stream().filter(l -> l.contains("/api/search")).findFirst().orElseThrow());
        assertTrue(search.get("user").asText().startsWith("anonymous@"), search.toString());
        assertTrue(search.get("query").asText().equals("prototype"), search.toString());
        assertTrue(search.get("status").asInt() == 200);
        JsonNode opened = json.readTree(lines.stream().filter(l -> l.contains("/api/interviews/")).findFirst().orElseThrow());
        assertTrue(opened.get("interview").asText().equals("bea-2023"), opened.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"path\":\"/\"")), "static files are not logged");
    }
}
