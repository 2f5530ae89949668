package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

class WebServerTest {

    @TempDir
    static Path tmp;
    static LiveIndex index;
    static WebServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Fixtures.index(tmp.resolve("index"), Fixtures.folder("fixtures/archive"));
        index = new LiveIndex(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(200));
        server = new WebServer(index, null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        index.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchReturnsInterviewsWithMarkedSnippetsAndTotals() throws Exception {
        JsonNode r = json("/api/search?q=" + enc("\"approach learning\""));
        assertEquals("\"approach learning\"", r.get("query").asText());
        assertEquals(1, r.get("total").get("interviews").asInt());
        assertEquals(1, r.get("total").get("answers").asInt());
        JsonNode hit = r.get("results").get(0);
        assertEquals("bea-2023", hit.get("interview").get("id").asText());
        assertEquals("Backend Engineer", hit.get("interview").get("role").asText());
        JsonNode m = hit.get("matches").get(0);
        assertEquals(1, m.get("pair").asInt());
        assertEquals("How do you <mark>approach learning</mark> new technologies?", m.get("questionSnippet").asText());
        assertEquals("Bea Lopez", m.get("speaker").asText());
        assertTrue(m.has("start"));
        assertTrue(r.has("tookMs"));
    }

    @Test
    void facetCountsAreMultiSelectAcrossTheApi() throws Exception {
        JsonNode r = json("/api/search?role=" + enc("Frontend Engineer"));
        assertEquals(1, r.get("total").get("interviews").asInt());
        JsonNode roles = r.get("facets").get("role");
        assertEquals("Backend Engineer", roles.get(0).get("value").asText());
        assertEquals(2, roles.get(0).get("count").asInt());
        assertEquals("Frontend Engineer", roles.get(1).get("value").asText());
        assertEquals(1, roles.get(1).get("count").asInt());
        JsonNode both = json("/api/search?role=" + enc("Frontend Engineer") + "&role=" + enc("Backend Engineer") + "&tag=remote");
        assertEquals(2, both.get("total").get("interviews").asInt());
        JsonNode tags = both.get("facets").get("tag");
        assertEquals(3, tags.size(), tags.toString());
    }

    @Test
    void emptyQueryListsNewestFirstAndPagingWorks() throws Exception {
        JsonNode p1 = json("/api/search?size=2");
        assertEquals(3, p1.get("total").get("interviews").asInt());
        assertEquals("alex-2024", p1.get("results").get(0).get("interview").get("id").asText());
        JsonNode p2 = json("/api/search?size=2&page=2");
        assertEquals(1, p2.get("results").size());
        assertEquals("cy-2022", p2.get("results").get(0).get("interview").get("id").asText());
        JsonNode range = json("/api/search?from=2023-01-01&to=2023-12-31");
        assertEquals(1, range.get("total").get("interviews").asInt());
    }

    @Test
    void aTypoGetsADidYouMean() throws Exception {
        JsonNode r = json("/api/search?q=protoype");
        assertEquals(0, r.get("total").get("interviews").asInt());
        assertEquals("prototype", r.get("didYouMean").asText());
    }

    @Test
    void interviewEndpointGivesEveryPairInOrder() throws Exception {
        JsonNode r = json("/api/interviews/alex-2024");
        assertEquals("Backend interview with Alex Kim", r.get("interview").get("title").asText());
        assertEquals(2, r.get("pairs").size());
        JsonNode second = r.get("pairs").get(1);
        assertEquals(1, second.get("pair").asInt());
        assertEquals("How do you run services in production?", second.get("question").asText());
        assertEquals("Sam Ortiz", second.get("questionSpeaker").asText());
        assertEquals("Alex Kim", second.get("speaker").asText());
        assertEquals(90.0, second.get("start").asDouble());
        assertEquals(100.0, second.get("end").asDouble());
        assertFalse(r.get("interview").has("source"), "no server paths in responses");
    }

    @Test
    void suggestCompletesCandidatesRolesAndTerms() throws Exception {
        JsonNode r = json("/api/suggest?prefix=ka");
        assertEquals("Apache Kafka", r.get("suggestions").get(0).get("value").asText());
        assertEquals("skill", r.get("suggestions").get(0).get("type").asText());
        boolean term = false;
        for (JsonNode s : r.get("suggestions")) {
            term |= s.get("type").asText().equals("term") && s.get("value").asText().equals("kafka");
        }
        assertTrue(term, r.toString());
        JsonNode c = json("/api/suggest?prefix=park");
        assertEquals("Cy Park", c.get("suggestions").get(0).get("value").asText());
        assertEquals("candidate", c.get("suggestions").get(0).get("type").asText());
        JsonNode role = json("/api/suggest?prefix=front");
        boolean found = false;
        for (JsonNode s : role.get("suggestions")) {
            found |= s.get("type").asText().equals("role") && s.get("value").asText().equals("Frontend Engineer");
            assertTrue(!s.get("type").asText().equals("skill") || s.get("count").asInt() > 0, "only skills the archive mentions");
        }
        assertTrue(found, role.toString());
    }

    @Test
    void compareQuestionsCsvAndMatrixEndpoints() throws Exception {
        JsonNode qs = json("/api/questions");
        assertTrue(qs.get("questions").size() >= 4, qs.toString());
        String learning = null;
        for (JsonNode q : qs.get("questions")) {
            if (q.get("id").asText().equals("t-learning-new-technologies")) {
                // A catalogue topic's group is labelled with the topic's title, not with one interviewer's wording.
                assertEquals("How do you learn a new technology quickly?", q.get("label").asText());
                learning = q.get("id").asText();
            }
        }
        assertTrue(learning != null, qs.toString());
        JsonNode byId = json("/api/compare?question=" + enc(learning));
        assertEquals(learning, byId.get("question").get("id").asText());
        assertEquals(1, byId.get("answers").size());
        JsonNode a = byId.get("answers").get(0);
        assertEquals("bea-2023", a.get("interview").get("id").asText());
        assertEquals("Bea Lopez", a.get("speaker").asText());
        assertEquals(1, a.get("pair").asInt());
        assertEquals("How do you approach learning new technologies?", a.get("questionAsked").asText());
        assertTrue(a.get("answer").asText().startsWith("I build a small prototype first"));

        JsonNode byText = json("/api/compare?text=" + enc("how do you learn new tech") + "&q=prototype");
        assertEquals(learning, byText.get("question").get("id").asText());
        assertTrue(byText.get("answers").get(0).get("answerHtml").asText().contains("<mark>prototype</mark>"));

        HttpResponse<String> csv = get("/api/compare.csv?question=" + enc(learning));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("question_id,question,interview_id,title,candidates,role,date,speaker,pair,start_seconds,question_asked,answer", lines[0]);
        assertTrue(lines[1].startsWith(learning + ","), lines[1]);

        JsonNode matrix = json("/api/matrix?questions=" + enc(learning) + "&role=" + enc("Backend Engineer"));
        assertEquals(1, matrix.get("questions").size());
        assertEquals("Bea Lopez", matrix.get("rows").get(0).get("candidate").asText());

        assertEquals(400, get("/api/compare").statusCode());
        assertEquals(404, get("/api/compare?question=q-nope").statusCode());
        assertEquals(400, get("/api/matrix").statusCode());
        assertEquals(400, get("/api/matrix?questions=q-nope").statusCode());
    }

    @Test
    void csvCellsCannotRunAsFormulas() {
        assertEquals("'=HYPERLINK(\"http://x\")", Csv.cell("=HYPERLINK(\"http://x\")").replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("\"a, b\"", Csv.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    }

    @Test
    void healthReportsCounts() throws Exception {
        JsonNode r = json("/api/health");
        assertEquals("ok", r.get("status").asText());
        assertEquals(3, r.get("interviews").asInt());
        assertEquals(6, r.get("pairs").asInt());
        assertTrue(r.get("updated").asText().startsWith("20"));
    }

    @Test
    void errorsAreProblemJsonNamingTheProblem() throws Exception {
        HttpResponse<String> bad = get("/api/search?q=" + enc("(kafka"));
        assertEquals(400, bad.statusCode());
        assertEquals("application/problem+json; charset=utf-8", bad.headers().firstValue("content-type").orElse(""));
        JsonNode p = JSON.readTree(bad.body());
        assertEquals(400, p.get("status").asInt());
        assertEquals("Bad Request", p.get("title").asText());
        assertTrue(p.get("detail").asText().startsWith("cannot parse query '(kafka'"), p.toString());

        JsonNode sort = JSON.readTree(get("/api/search?sort=loudest").body());
        assertEquals("sort must be relevance or date (got: 'loudest')", sort.get("detail").asText());
        JsonNode page = JSON.readTree(get("/api/search?page=abc").body());
        assertEquals("page must be a whole number (got: 'abc')", page.get("detail").asText());
        JsonNode date = JSON.readTree(get("/api/search?from=yesterday").body());
        assertEquals("from must be a date written YYYY-MM-DD (got: 'yesterday')", date.get("detail").asText());
        JsonNode unknown = JSON.readTree(get("/api/search?colour=red").body());
        assertTrue(unknown.get("detail").asText().startsWith("unknown parameter 'colour'"));

        HttpResponse<String> missing = get("/api/interviews/nope");
        assertEquals(404, missing.statusCode());
        assertEquals("no interview with id 'nope'", JSON.readTree(missing.body()).get("detail").asText());
        assertEquals(404, get("/api/nothing-here").statusCode());
    }

    @Test
    void frontEndIsServedFromTheJarWithSecurityHeadersAndNoTraversal() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Verbatim"));
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
        assertEquals("DENY", page.headers().firstValue("x-frame-options").orElse(""));
        assertEquals("text/javascript; charset=utf-8", get("/search.js").headers().firstValue("content-type").orElse(""));
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/pom.xml", "/web/../../pom.xml", "/..%2fpom.xml", "/.git/config"}) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("<project"), path);
        }
    }

    @Test
    void aServerStartedBeforeTheIndexExistsPicksItUp() throws Exception {
        Path later = tmp.resolve("later");
        try (LiveIndex live = new LiveIndex(later, Duration.ofMillis(100))) {
            WebServer s = new WebServer(live, null).start("127.0.0.1", 0);
            try {
                HttpResponse<String> before = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/search?q=kafka")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, before.statusCode());
                Fixtures.index(later, Fixtures.folder("fixtures/archive"));
                long deadline = System.currentTimeMillis() + 5000;
                int status = 503;
                while (status != 200 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/search?q=kafka")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                }
                assertEquals(200, status);
            } finally {
                s.stop();
            }
        }
        assertTrue(Files.isDirectory(later));
    }

    @Test
    void indexChangesFromAnotherWriterAreVisibleWithoutRestart() throws Exception {
        Path docs = Fixtures.copy("fixtures/archive", tmp.resolve("docs-" + System.nanoTime()));
        Path idx = tmp.resolve("idx-" + System.nanoTime());
        Fixtures.index(idx, docs);
        try (LiveIndex live = new LiveIndex(idx, Duration.ofMillis(100))) {
            WebServer s = new WebServer(live, null).start("127.0.0.1", 0);
            try {
                String url = "http://127.0.0.1:" + s.port() + "/api/search?q=zeppelin";
                assertEquals(0, JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .get("total").get("interviews").asInt());
                Files.writeString(docs.resolve("2025-01-01-new.txt"), "Ann Lee: What do you build?\n\nBo Chen: A zeppelin tracker.\n\nAnn Lee: Why?\n\nBo Chen: For fun.\n");
                Fixtures.index(idx, docs);
                long deadline = System.currentTimeMillis() + 5000;
                int found = 0;
                while (found == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    found = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body())
                            .get("total").get("interviews").asInt();
                }
                assertEquals(1, found);
            } finally {
                s.stop();
            }
        }
    }
}
