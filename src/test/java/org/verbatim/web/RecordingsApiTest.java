package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexSummary;
import org.verbatim.ingest.Manifest;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;

/**
 * Recordings named by every metadata source reach the API; files in the media folder are served with
 * range requests, only from that folder, and on an archive with users only to a user or through a link
 * the interview's answer signed.
 */
class RecordingsApiTest {

    @TempDir
    static Path tmp;
    static LiveIndex index;
    static WebServer open;
    static WebServer guarded;
    static String token;
    static IndexSummary summary;
    static byte[] wav;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path files = Fixtures.recordedInterviews(tmp.resolve("files"));
        Files.writeString(files.resolve("bad.json"), "{\"verbatim\": 1, \"id\": \"bad\", \"recording\": \"javascript:alert(1)\","
                + " \"turns\": [{\"speaker\": \"A\", \"role\": \"interviewer\", \"text\": \"Why?\"}, {\"speaker\": \"B\", \"role\": \"candidate\", \"text\": \"Because.\"}]}");
        Files.writeString(files.resolve("escape.json"), "{\"verbatim\": 1, \"id\": \"escape\", \"recording\": \"../secret.wav\","
                + " \"turns\": [{\"speaker\": \"A\", \"role\": \"interviewer\", \"text\": \"Why?\"}, {\"speaker\": \"B\", \"role\": \"candidate\", \"text\": \"Because.\"}]}");
        summary = Fixtures.index(tmp.resolve("index"), Manifest.read(files.resolve("manifest.csv")), files);
        Path media = tmp.resolve("media");
        wav = Files.readAllBytes(Fixtures.silentWav(media.resolve("ilse.wav"), 3));
        Fixtures.silentWav(tmp.resolve("secret.wav"), 1);
        index = new LiveIndex(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(200));
        open = new WebServer(index, null, Admin.off(index), media).start("127.0.0.1", 0);
        Path users = tmp.resolve("users.tsv");
        token = Users.add(users, "rita", Users.Role.READER);
        guarded = new WebServer(index, null, new Admin(new Access(Users.read(users), null), () -> null, null, index, List.of()), media)
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        open.stop();
        guarded.stop();
        index.close();
    }

    static HttpResponse<byte[]> get(WebServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(WebServer server, String path, String... headers) throws Exception {
        HttpResponse<byte[]> r = get(server, path, headers);
        assertEquals(200, r.statusCode(), new String(r.body()));
        return JSON.readTree(r.body());
    }

    @Test
    void everyMetadataSourceGivesTheRecording() throws Exception {
        JsonNode ilse = json(open, "/api/interviews/ilse");
        assertEquals("api/interviews/ilse/recording", ilse.at("/recording/url").asText());
        assertEquals("audio", ilse.at("/recording/kind").asText());
        assertEquals(0.0, ilse.at("/pairs/0/start").asDouble());
        assertEquals(6.0, ilse.at("/pairs/1/start").asDouble());
        JsonNode omar = json(open, "/api/interviews/omar");
        assertEquals("https://media.example.org/omar.mp4", omar.at("/recording/url").asText(), "sidecar: a URL as written");
        assertEquals("video", omar.at("/recording/kind").asText());
        assertEquals("api/interviews/lena/recording", json(open, "/api/interviews/lena").at("/recording/url").asText(), "front matter");
        assertEquals("api/interviews/tom/recording", json(open, "/api/interviews/tom").at("/recording/url").asText(), "manifest");
        // Search results say which interviews have one.
        JsonNode hits = json(open, "/api/search?q=kafka");
        assertEquals("api/interviews/ilse/recording", hits.at("/results/0/interview/recording/url").asText());
    }

    @Test
    void aRecordingThatIsNeitherAUrlNorAPathInTheFolderFailsItsFileWithTheReason() {
        String bad = summary.failed().stream().filter(f -> f.file().endsWith("bad.json")).map(IndexSummary.Failure::error).findFirst().orElseThrow();
        assertTrue(bad.contains("metadata field 'recording' is a javascript: address"), bad);
        String escape = summary.failed().stream().filter(f -> f.file().endsWith("escape.json")).map(IndexSummary.Failure::error).findFirst().orElseThrow();
        assertTrue(escape.contains("leads out of the media folder"), escape);
        assertEquals(4, summary.interviews(), "the good files are all indexed");
    }

    @Test
    void theFileIsServedWholeOrByRange() throws Exception {
        HttpResponse<byte[]> whole = get(open, "/api/interviews/ilse/recording");
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertArrayEquals(wav, whole.body());
        HttpResponse<byte[]> part = get(open, "/api/interviews/ilse/recording", "Range", "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + wav.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(wav, 100, 200), part.body());
        HttpResponse<byte[]> tail = get(open, "/api/interviews/ilse/recording", "Range", "bytes=-44");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(wav, wav.length - 44, wav.length), tail.body());
        HttpResponse<byte[]> rest = get(open, "/api/interviews/ilse/recording", "Range", "bytes=40000-");
        assertEquals("bytes 40000-" + (wav.length - 1) + "/" + wav.length, rest.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<byte[]> beyond = get(open, "/api/interviews/ilse/recording", "Range", "bytes=" + wav.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + wav.length, beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void nothingOutsideTheMediaFolderOrNotNamedByTheInterviewIsServed() throws Exception {
        HttpResponse<byte[]> missing = get(open, "/api/interviews/lena/recording");
        assertEquals(404, missing.statusCode());
        assertTrue(new String(missing.body()).contains("is not in the media folder"), new String(missing.body()));
        assertEquals(404, get(open, "/api/interviews/omar/recording").statusCode(), "a URL is not served by us");
        assertEquals(404, get(open, "/api/interviews/no-such/recording").statusCode());
        assertEquals(404, get(open, "/api/interviews/ilse/recording/../../../secret.wav").statusCode());
        WebServer noMedia = new WebServer(index, null).start("127.0.0.1", 0);
        try {
            HttpResponse<byte[]> r = get(noMedia, "/api/interviews/ilse/recording");
            assertEquals(404, r.statusCode());
            assertTrue(new String(r.body()).contains("--media DIR"), new String(r.body()));
        } finally {
            noMedia.stop();
        }
    }

    @Test
    void withUsersOnlyAUserOrASignedLinkPlaysIt() throws Exception {
        assertEquals(401, get(guarded, "/api/interviews/ilse/recording").statusCode());
        assertEquals(200, get(guarded, "/api/interviews/ilse/recording", "Authorization", "Bearer " + token).statusCode());
        String signed = json(guarded, "/api/interviews/ilse", "Authorization", "Bearer " + token).at("/recording/url").asText();
        assertTrue(signed.startsWith("api/interviews/ilse/recording?expires="), signed);
        HttpResponse<byte[]> played = get(guarded, "/" + signed, "Range", "bytes=0-43");
        assertEquals(206, played.statusCode(), "a media element sends no token: the signed link is enough");
        assertArrayEquals(Arrays.copyOfRange(wav, 0, 44), played.body());
        int at = signed.indexOf("sig=") + 4;
        String changed = signed.substring(0, at) + (signed.charAt(at) == 'A' ? 'B' : 'A') + signed.substring(at + 1);
        assertEquals(401, get(guarded, "/" + changed).statusCode(), "a changed signature");
        assertEquals(401, get(guarded, "/" + signed.replace("/ilse/", "/tom/")).statusCode(), "another interview's recording");
        String expired = signed.replaceFirst("expires=\\d+", "expires=1000");
        assertEquals(401, get(guarded, "/" + expired).statusCode(), "an expired link");
        assertEquals(401, get(guarded, "/api/interviews/ilse?expires=99999999999&sig=" + signed.replaceFirst(".*sig=", "")).statusCode(),
                "a signature opens the recording, nothing else");
    }

    @Test
    void aServerWithoutUsersGivesPlainLinks() throws Exception {
        String url = json(open, "/api/interviews/ilse").at("/recording/url").asText();
        assertEquals("api/interviews/ilse/recording", url, "the archive is open: nothing to sign");
    }
}
