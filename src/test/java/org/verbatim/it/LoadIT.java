package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.IndexLayout;
import org.verbatim.index.Indexer;
import org.verbatim.index.Schema;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.tools.CorpusGenerator;
import org.verbatim.web.WebServer;

/**
 * The server under load on loopback: 64 connections sending the realistic query mix (rare, medium and
 * common terms, phrases, AND/OR, facet filters, skill filters, compare, opening interviews) for
 * {@code verbatim.load.seconds} (10 in the test suite; {@code -Dverbatim.load.seconds=60} for the full run):
 * no request fails, p99 is reported, and the heap after a full GC is as flat at the end as after warm-up.
 * Then the same load during a full rebuild: no request fails while the generation is switched.
 */
class LoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECTIONS = 64;
    private static final long SECONDS = Long.getLong("verbatim.load.seconds", 10);

    @TempDir
    static Path tmp;
    static Path index;
    static Path corpus;
    static LiveIndex live;
    static WebServer server;
    static List<String> mix;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        corpus = tmp.resolve("corpus");
        new CorpusGenerator(20261126).write(200, corpus);
        index = tmp.resolve("index");
        Fixtures.index(index, corpus);
        live = new LiveIndex(index, Fixtures.skills(), Fixtures.grouping(), Duration.ofMillis(500));
        server = new WebServer(live, null).start("127.0.0.1", 0);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();
        mix = queryMix(new Random(7));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        live.close();
    }

    /** Paths of the mix: terms by frequency, phrases, boolean queries, filters, compare and interview pages. */
    private static List<String> queryMix(Random r) throws Exception {
        List<String> rare = new ArrayList<>();
        List<String> medium = new ArrayList<>();
        List<String> common = new ArrayList<>();
        try (Directory dir = FSDirectory.open(new IndexLayout(index).current()); DirectoryReader reader = DirectoryReader.open(dir)) {
            Terms terms = MultiTerms.getTerms(reader, Schema.WORDS);
            // Word frequencies count interviews (the field is on interview documents): rare words are in at
            // most 3, medium ones in at most a fifth, common ones in more than half.
            int interviews = terms.getDocCount();
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String w = t.utf8ToString();
                if (w.length() < 4 || !w.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                int df = te.docFreq();
                (df <= 3 ? rare : df <= interviews / 5 ? medium : df > interviews / 2 ? common : new ArrayList<String>()).add(w);
            }
        }
        for (List<String> l : List.of(rare, medium, common)) {
            Collections.shuffle(l, r);
            assertTrue(l.size() >= 10, "the generated archive has words of every frequency");
        }
        JsonNode all = JSON.readTree(get("/api/search?size=20").body());
        List<String> roles = new ArrayList<>();
        all.get("facets").get("role").forEach(v -> roles.add(v.get("value").asText()));
        List<String> skills = new ArrayList<>();
        all.get("facets").get("skill").forEach(v -> skills.add(v.get("value").asText()));
        List<String> ids = new ArrayList<>();
        all.get("results").forEach(h -> ids.add(h.get("interview").get("id").asText()));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths.add(search(rare.get(i)));
            paths.add(search(medium.get(i)));
            paths.add(search(common.get(i)));
            paths.add(search("\"" + common.get(i) + " " + common.get(i + 10) + "\""));
            paths.add(search(medium.get(i) + " AND " + common.get(i + 20)));
            paths.add(search(rare.get(i) + " OR " + medium.get(i + 10)));
            paths.add(search(common.get(i + 30)) + "&role=" + enc(roles.get(i % roles.size())));
            paths.add(search(medium.get(i + 20)) + "&skill=" + enc(skills.get(i % skills.size())));
            paths.add("/api/interviews/" + enc(ids.get(i % ids.size())));
        }
        for (String q : List.of("Tell me about a challenging project", "Why are you leaving your current job?", "How do you handle conflict?")) {
            paths.add("/api/compare?text=" + enc(q));
        }
        return paths;
    }

    private static String search(String q) {
        return "/api/search?q=" + enc(q);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a load run saw. */
    record Outcome(long requests, List<String> errors, double p50ms, double p99ms) {
    }

    /** Runs {@code clients} loops over the mix until {@code stop} is set. */
    private static Outcome load(int clients, AtomicBoolean stop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> errors = new CopyOnWriteArrayList<>();
        Map<Integer, long[]> latencies = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                Random r = new Random(client);
                long[] nanos = new long[1 << 16];
                int n = 0;
                while (!stop.get()) {
                    String path = mix.get(r.nextInt(mix.size()));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> res = get(path);
                        if (res.statusCode() != 200) {
                            errors.add(res.statusCode() + " " + path + " " + res.body());
                        }
                    } catch (Exception e) {
                        errors.add(e + " " + path);
                    }
                    if (n < nanos.length) {
                        nanos[n++] = System.nanoTime() - t0;
                    }
                    requests.incrementAndGet();
                }
                latencies.put(client, java.util.Arrays.copyOf(nanos, n));
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long[] all = latencies.values().stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Outcome(requests.get(), errors, percentile(all, 50), percentile(all, 99));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void sixtyFourConnectionsWithTheQueryMixGetNoErrorAndTheHeapStaysFlat() throws Exception {
        AtomicBoolean warm = new AtomicBoolean();
        new Thread(() -> sleepThen(Math.max(2, SECONDS / 5), warm)).start();
        load(CONNECTIONS, warm);
        long heapBefore = heapAfterGc();
        AtomicBoolean stop = new AtomicBoolean();
        new Thread(() -> sleepThen(SECONDS, stop)).start();
        long t0 = System.nanoTime();
        Outcome o = load(CONNECTIONS, stop);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = heapAfterGc();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("connections", CONNECTIONS);
        report.put("seconds", Math.round(seconds));
        report.put("requests", o.requests());
        report.put("requestsPerSecond", Math.round(o.requests() / seconds));
        report.put("errors", o.errors().size());
        report.put("p50ms", o.p50ms());
        report.put("p99ms", o.p99ms());
        report.put("heapAfterGcBeforeMB", heapBefore >> 20);
        report.put("heapAfterGcAfterMB", heapAfter >> 20);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.println("load: " + report);
        assertEquals(List.of(), o.errors().stream().limit(5).toList(), o.errors().size() + " failed requests");
        assertTrue(o.requests() > CONNECTIONS, "the load ran: " + report);
        long growth = heapAfter - heapBefore;
        assertTrue(growth < 48L << 20, "the heap after GC grew by " + (growth >> 20) + " MB under load: " + report);
    }

    @Test
    void aFullRebuildUnderLoadFailsNoRequestAndIsServedWhenDone() throws Exception {
        long before = JSON.readTree(get("/api/search?size=1").body()).get("total").get("interviews").asLong();
        String generation = new IndexLayout(index).currentName();
        AtomicBoolean stop = new AtomicBoolean();
        Outcome[] outcome = new Outcome[1];
        Thread clients = new Thread(() -> {
            try {
                outcome[0] = load(CONNECTIONS, stop);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        clients.start();
        Indexer indexer = new Indexer(index, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(Fixtures.skills())),
                Fixtures.grouping(), 2);
        indexer.rebuild(List.of(corpus, Path.of("samples")), Manifest.empty(), Indexer.Progress.NONE, false);
        long deadline = System.currentTimeMillis() + 10_000;
        long after = before;
        while (after == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            after = JSON.readTree(get("/api/search?size=1").body()).get("total").get("interviews").asLong();
        }
        Thread.sleep(1000); // keep the load on the new generation for a moment
        stop.set(true);
        clients.join();
        assertTrue(!generation.equals(new IndexLayout(index).currentName()), "the rebuild switched generation");
        assertEquals(before + 10, after, "the new generation (with the 10 samples) is served");
        assertEquals(List.of(), outcome[0].errors().stream().limit(5).toList(), outcome[0].errors().size() + " failed requests");
        assertTrue(outcome[0].requests() > CONNECTIONS, "requests were served during the rebuild: " + outcome[0].requests());
        System.out.println("load during rebuild: " + outcome[0].requests() + " requests, p99 " + outcome[0].p99ms() + " ms, 0 failed");
    }

    private static void sleepThen(long seconds, AtomicBoolean flag) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flag.set(true);
    }
}
