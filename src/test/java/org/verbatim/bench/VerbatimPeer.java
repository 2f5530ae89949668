package org.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verbatim as users run it: the jar indexes the files, then serves them over HTTP with facets and highlighting.
 *
 * <p>Requests go through the JDK's blocking {@link HttpURLConnection}, which keeps connections alive
 * and reads a response on the calling thread, as a script's HTTP library would. The JDK's asynchronous
 * {@code HttpClient} hands every exchange between its own threads; on a 2-core machine that shares the
 * cores with the server, it added about 1 ms to the median request.
 */
final class VerbatimPeer implements Peer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Path corpus;
    private final Path index;
    private final String heap;
    private Process server;
    private int port;
    long readyMillis;

    VerbatimPeer(Path jar, Path corpus, Path work, String heap) {
        this.jar = jar;
        this.corpus = corpus;
        this.index = work.resolve("verbatim-index");
        this.heap = heap;
    }

    @Override
    public String name() {
        return "Verbatim";
    }

    /** Indexes the files themselves (parsing, segmentation, skills and question groups included). */
    @Override
    public long load(List<BenchPair> pairs) throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "index", "--index", index.toString(), corpus.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        if (code != 0 && code != 1) {
            throw new IllegalStateException("verbatim index failed with exit code " + code);
        }
        try (Stream<Path> s = Files.walk(index)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Starts the server on the index and waits for its first answer ({@link #readyMillis}); not part of indexing. */
    void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        server = new ProcessBuilder(java(), "-Xmx" + heap, "-jar", jar.toString(), "serve", "--index", index.toString(),
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get("/api/search?q=team&size=10").status() == 200) {
                    readyMillis = (System.nanoTime() - t0) / 1_000_000;
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the Verbatim server did not answer within 60 s");
    }

    private record Response(int status, String body) {
    }

    /** A GET on the server; the body is read to its end, so the connection goes back to the keep-alive pool. */
    private Response get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base() + path).toURL().openConnection();
        c.setConnectTimeout(5_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    long serverPid() {
        return server.pid();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String query(BenchQuery q) {
        return switch (q.kind()) {
            case PHRASE_2, PHRASE_3 -> "\"" + String.join(" ", q.words()) + "\"";
            case OR -> String.join(" OR ", q.words());
            case AND -> String.join(" AND ", q.words());
            default -> String.join(" ", q.words());
        };
    }

    @Override
    public boolean supports(BenchQuery q) {
        return true;
    }

    @Override
    public long run(BenchQuery q) throws Exception {
        String path = switch (q.kind()) {
            case COMPARE -> "/api/compare?text=" + enc(String.join(" ", q.words()));
            case SKILL_FILTER -> "/api/search?size=10&q=" + enc(q.words()[0]) + "&skill=" + enc(q.words()[1]);
            default -> "/api/search?size=10&q=" + enc(query(q));
        };
        Response r = get(path);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " -> " + r.status() + " " + r.body());
        }
        JsonNode n = JSON.readTree(r.body());
        return q.kind() == BenchQuery.Kind.COMPARE ? n.get("answers").size() : n.get("results").size();
    }

    @Override
    public long count(String term) throws Exception {
        Response r = get("/api/search?size=1&q=" + enc(term));
        return JSON.readTree(r.body()).get("total").get("answers").asLong();
    }

    /** The server's used heap after a full GC, in bytes, from jcmd; -1 when jcmd cannot tell. */
    long serverHeapAfterGc() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = Long.toString(server.pid());
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        info.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    /** Resident memory of the server process, from /proc, in bytes. */
    long serverRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
    }
}
