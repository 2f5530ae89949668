package org.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.Pair;

/**
 * The benchmark behind {@code scripts/bench}: Verbatim against PostgreSQL full-text search, SQLite FTS5
 * and ripgrep on one generated archive, measured side by side in one run, reported as ratios.
 *
 * <p>Usage: {@code Bench SIZE CORPUS WORK REPORT_DIR JAR}.
 */
public final class Bench {

    private static final Set<String> STOP = Set.of("the", "and", "that", "this", "with", "from", "have", "were", "they", "then",
            "there", "their", "what", "which", "when", "would", "could", "about", "because", "after", "honestly", "meant");
    private static final int[] CLIENTS = {1, 4, 16};

    /** The longest an engine keeps starting queries in one round at one concurrency. */
    static final long PHASE_SECONDS = Long.getLong("bench.phaseSeconds", 90);
    /**
     * Warm-up per engine, as load-testing tools do before they measure (Rally's warm-up iterations): a
     * freshly started JVM compiles its hot code over the first thousand or so queries. At L, the mix's
     * median fell round by round for about 20 rounds (35 ms in the first, 17 in the second, 12 by the
     * tenth, 8 to 9 from the twentieth on), so three rounds measured a server still compiling.
     */
    private static final int WARM_UP_ROUNDS = 30;
    private static final long WARM_UP_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        String size = args[0];
        Path corpus = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path reportDir = Path.of(args[3]);
        Path jar = Path.of(args[4]);
        Files.createDirectories(work);
        // Up to 16 clients keep their connections to the Verbatim server alive (the JDK keeps 5 by default).
        System.setProperty("http.maxConnections", "32");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("size", size);
        report.put("date", Instant.now().toString());
        report.put("machine", machine());

        System.err.println("bench: reading the pairs every engine will load");
        long textBytes;
        try (Stream<Path> s = Files.walk(corpus)) {
            textBytes = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).mapToLong(p -> p.toFile().length()).sum();
        }
        // At L, Verbatim runs alone (the "Verbatim alone"), and the query mix comes from a sample of
        // the files, since every pair of 2.6 GB would not fit the benchmark's own heap.
        boolean alone = size.equals("L");
        List<BenchPair> pairs = pairs(corpus, alone ? 10 : 1);
        long files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).count();
        }
        report.put("corpus", alone
                ? Map.of("files", files, "textMB", round(textBytes / 1e6), "queryMixFrom", "every 10th file")
                : Map.of("interviews", pairs.stream().map(BenchPair::interview).distinct().count(), "pairs", pairs.size(),
                        "textMB", round(textBytes / 1e6)));

        List<Peer> peers = new ArrayList<>();
        VerbatimPeer verbatim = new VerbatimPeer(jar, corpus, work, "1g");
        peers.add(verbatim);
        if (!alone) {
            peers.add(new SqlitePeer(work.resolve("sqlite")));
            if (PostgresPeer.available()) {
                peers.add(new PostgresPeer(work.resolve("postgres")));
            }
            peers.add(new RipgrepPeer(corpus));
        }
        // Whatever happens, the peers' servers are stopped at the end.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Peer p : peers) {
                try {
                    p.close();
                } catch (Exception e) {
                    // already closed
                }
            }
        }));

        Map<String, Object> indexing = new LinkedHashMap<>();
        for (Peer p : peers) {
            if (p instanceof RipgrepPeer) {
                continue;
            }
            System.err.println("bench: loading " + p.name());
            long t0 = System.nanoTime();
            long bytes = p.load(pairs);
            double secs = (System.nanoTime() - t0) / 1e9;
            indexing.put(p.name(), Map.of("seconds", round(secs), "textMBperSecond", round(textBytes / 1e6 / secs),
                    "indexMB", round(bytes / 1e6)));
        }
        if (!alone) {
            System.err.println("bench: loading " + LuceneAlone.NAME);
            Path dir = work.resolve("lucene-alone");
            long t0 = System.nanoTime();
            long bytes = LuceneAlone.load(pairs, dir, Runtime.getRuntime().availableProcessors());
            double secs = (System.nanoTime() - t0) / 1e9;
            indexing.put(LuceneAlone.NAME, Map.of("seconds", round(secs), "textMBperSecond", round(textBytes / 1e6 / secs),
                    "indexMB", round(bytes / 1e6)));
        }
        report.put("indexing", indexing);
        verbatim.startServer();
        report.put("serverReadyMs", verbatim.readyMillis);

        List<BenchQuery> mix = mix(pairs, new Random(11));
        report.put("queries", mix.stream().map(q -> q.label() + ": " + String.join(" ", q.words())).toList());

        System.err.println("bench: checking hit counts");
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean agree = true;
        for (BenchQuery q : mix) {
            if (q.kind() != BenchQuery.Kind.RARE_TERM && q.kind() != BenchQuery.Kind.MEDIUM_TERM) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("term", q.words()[0]);
            long reference = -1;
            for (Peer p : peers) {
                long n = p.count(q.words()[0]);
                if (n < 0) {
                    continue;
                }
                row.put(p.name(), n);
                if (reference < 0) {
                    reference = n;
                } else if (Math.abs(n - reference) > Math.max(1, reference / 100)) {
                    agree = false;
                }
            }
            checks.add(row);
        }
        report.put("hitCounts", checks);
        report.put("hitCountsAgreeWithin1Percent", agree);

        System.err.println("bench: warming up");
        // Untimed rounds per engine first, as any load test does: a server that has been answering for a
        // while has its code compiled and its caches filled, and so has PostgreSQL. Each engine runs the
        // mix WARM_UP_ROUNDS times, or once and then until WARM_UP_SECONDS have passed, whichever ends first.
        for (Peer p : peers) {
            long until = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
            int round = 0;
            do {
                runClients(p, mix, 1, new ConcurrentHashMap<>());
                round++;
            } while (round < WARM_UP_ROUNDS && System.nanoTime() < until);
        }
        report.put("warmUp", "up to " + WARM_UP_ROUNDS + " rounds of the mix per engine, at least one, within "
                + WARM_UP_SECONDS + " s");
        System.err.println("bench: latency and throughput");
        report.put("phaseSeconds", PHASE_SECONDS);
        report.put("alternation", "query by query at 1 client, round by round at 4 and 16 clients");
        Map<String, Object> latency = new LinkedHashMap<>();
        for (int clients : CLIENTS) {
            Map<String, Map<String, List<Long>>> samples = new LinkedHashMap<>();
            Map<String, long[]> wall = new LinkedHashMap<>();
            for (Peer p : peers) {
                samples.put(p.name(), new ConcurrentHashMap<>());
                wall.put(p.name(), new long[2]);
            }
            int rounds = clients == 1 ? 4 : 2;
            for (int round = 0; round < rounds; round++) {
                if (clients == 1) {
                    alternateQueryByQuery(peers, mix, samples, wall);
                    continue;
                }
                // With several clients the engines take turns round by round, so that drift on a shared
                // machine hits them all alike.
                for (Peer p : peers) {
                    long t0 = System.nanoTime();
                    int done = runClients(p, mix, clients, samples.get(p.name()));
                    wall.get(p.name())[0] += System.nanoTime() - t0;
                    wall.get(p.name())[1] += done;
                }
            }
            Map<String, Object> perEngine = new LinkedHashMap<>();
            for (Peer p : peers) {
                Map<String, Object> e = new LinkedHashMap<>();
                List<Long> everything = new ArrayList<>();
                Map<String, Object> byKind = new LinkedHashMap<>();
                for (Map.Entry<String, List<Long>> k : samples.get(p.name()).entrySet()) {
                    everything.addAll(k.getValue());
                    byKind.put(k.getKey(), Map.of("p50ms", pct(k.getValue(), 50), "p99ms", pct(k.getValue(), 99)));
                }
                e.put("p50ms", pct(everything, 50));
                e.put("p99ms", pct(everything, 99));
                e.put("queriesPerSecond", round(wall.get(p.name())[1] / (wall.get(p.name())[0] / 1e9)));
                e.put("byKind", byKind);
                if (p != verbatim) {
                    // The median of the queries both engines ran: a peer skips the kinds it cannot answer.
                    List<Long> shared = new ArrayList<>();
                    for (String kind : samples.get(p.name()).keySet()) {
                        shared.addAll(samples.get(verbatim.name()).getOrDefault(kind, List.of()));
                    }
                    e.put("verbatimP50msOnTheseKinds", pct(shared, 50));
                }
                perEngine.put(p.name(), e);
            }
            latency.put(clients + " clients", perEngine);
        }
        report.put("latency", latency);
        report.put("verbatimServerRssMB", round(verbatim.serverRss() / 1e6));
        report.put("verbatimServerHeapAfterGcMB", round(verbatim.serverHeapAfterGc() / 1e6));

        Files.createDirectories(reportDir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = reportDir.resolve("bench-" + size + ".json");
        json.writeValue(jsonFile.toFile(), report);
        Report.write(reportDir);
        System.err.println("bench: wrote " + jsonFile + " and " + reportDir.resolve("performance.md"));
        System.exit(0);
    }

    /**
     * One round at one client: each query of the mix runs on every engine in turn before the next query.
     * An engine that has spent {@link #PHASE_SECONDS} on this round's queries starts no more of them.
     */
    private static void alternateQueryByQuery(List<Peer> peers, List<BenchQuery> mix, Map<String, Map<String, List<Long>>> samples,
                                              Map<String, long[]> wall) throws Exception {
        long[] spent = new long[peers.size()];
        for (BenchQuery q : mix) {
            for (int i = 0; i < peers.size(); i++) {
                Peer p = peers.get(i);
                if (!p.supports(q) || spent[i] >= PHASE_SECONDS * 1_000_000_000L) {
                    continue;
                }
                long t0 = System.nanoTime();
                p.run(q);
                long t = System.nanoTime() - t0;
                samples.get(p.name()).computeIfAbsent(q.label(), k -> new CopyOnWriteArrayList<>()).add(t);
                spent[i] += t;
                wall.get(p.name())[0] += t;
                wall.get(p.name())[1]++;
            }
        }
    }

    /**
     * Runs the mix on {@code clients} threads, each client starting at its own place in the mix; returns the
     * number of queries run. Like a fixed-duration load tool, clients start no new query after
     * {@link #PHASE_SECONDS}, so that a slow engine at high concurrency cannot stretch a run into hours.
     */
    private static int runClients(Peer p, List<BenchQuery> mix, int clients, Map<String, List<Long>> samples) throws Exception {
        long stopStartingAt = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                int n = 0;
                for (int i = 0; i < mix.size() && System.nanoTime() < stopStartingAt; i++) {
                    BenchQuery q = mix.get((i + offset) % mix.size());
                    if (!p.supports(q)) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    p.run(q);
                    samples.computeIfAbsent(q.label(), k -> new CopyOnWriteArrayList<>()).add(System.nanoTime() - t0);
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        try {
            for (Future<Integer> f : futures) {
                total += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return round(sorted.get(Math.max(0, i)) / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The pairs of every {@code every}-th file, as the product segments them. */
    private static List<BenchPair> pairs(Path corpus, int every) throws Exception {
        List<Path> all;
        try (Stream<Path> s = Files.walk(corpus)) {
            all = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).sorted().toList();
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) {
            files.add(all.get(i));
        }
        TranscriptLoader loader = new TranscriptLoader(64L << 20);
        List<Interview> interviews = Collections.synchronizedList(new ArrayList<>());
        files.parallelStream().forEach(f -> {
            try {
                interviews.add(InterviewBuilder.build(loader.load(f, null)));
            } catch (Exception e) {
                // a file the product cannot read is not loaded into the peers either
            }
        });
        interviews.sort((a, b) -> a.id().compareTo(b.id()));
        List<BenchPair> out = new ArrayList<>();
        for (Interview i : interviews) {
            for (Pair p : i.pairs()) {
                out.add(new BenchPair(out.size() + 1, i.id(), i.role(), p.question(), p.answer()));
            }
        }
        return out;
    }

    /** The query mix, chosen from the corpus's own word frequencies. */
    static List<BenchQuery> mix(List<BenchPair> pairs, Random r) {
        Map<String, Integer> df = new HashMap<>();
        List<String[]> sample = new ArrayList<>();
        for (BenchPair p : pairs) {
            String[] words = p.answer().toLowerCase(Locale.ROOT).split("[^a-z]+");
            Set<String> seen = new java.util.HashSet<>(Arrays.asList(words));
            for (String w : seen) {
                if (w.length() > 3 && !STOP.contains(w)) {
                    df.merge(w, 1, Integer::sum);
                }
            }
            if (sample.size() < 2000 && r.nextInt(10) == 0) {
                sample.add(words);
            }
        }
        int n = pairs.size();
        List<String> rare = pick(df, w -> df.get(w) >= 3 && df.get(w) <= Math.max(5, n / 2000), 5, r);
        List<String> medium = pick(df, w -> df.get(w) > n / 200 && df.get(w) < n / 30, 5, r);
        List<String> common = pick(df, w -> df.get(w) > n / 8, 5, r);
        List<BenchQuery> mix = new ArrayList<>();
        rare.forEach(w -> mix.add(new BenchQuery(BenchQuery.Kind.RARE_TERM, new String[] {w})));
        medium.forEach(w -> mix.add(new BenchQuery(BenchQuery.Kind.MEDIUM_TERM, new String[] {w})));
        common.forEach(w -> mix.add(new BenchQuery(BenchQuery.Kind.COMMON_TERM, new String[] {w})));
        for (int len : new int[] {2, 3}) {
            int added = 0;
            for (String[] words : sample) {
                if (added == 4) {
                    break;
                }
                for (int i = 0; i + len <= words.length && added < 4; i += 5) {
                    String[] phrase = Arrays.copyOfRange(words, i, i + len);
                    if (Arrays.stream(phrase).allMatch(w -> w.length() > 3 && !STOP.contains(w) && df.containsKey(w))) {
                        mix.add(new BenchQuery(len == 2 ? BenchQuery.Kind.PHRASE_2 : BenchQuery.Kind.PHRASE_3, phrase));
                        added++;
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            mix.add(new BenchQuery(BenchQuery.Kind.AND, new String[] {medium.get(i), common.get(i)}));
            mix.add(new BenchQuery(BenchQuery.Kind.OR, new String[] {rare.get(i), medium.get(i + 1)}));
            mix.add(new BenchQuery(BenchQuery.Kind.FACETS, new String[] {common.get(i + 1)}));
        }
        mix.add(new BenchQuery(BenchQuery.Kind.SKILL_FILTER, new String[] {medium.get(0), "kafka"}));
        mix.add(new BenchQuery(BenchQuery.Kind.SKILL_FILTER, new String[] {common.get(0), "postgres"}));
        mix.add(new BenchQuery(BenchQuery.Kind.COMPARE, new String[] {"what's", "the", "hardest", "project", "you've", "worked", "on?"}));
        mix.add(new BenchQuery(BenchQuery.Kind.COMPARE, new String[] {"why", "are", "you", "leaving", "your", "job?"}));
        return mix;
    }

    private static List<String> pick(Map<String, Integer> df, java.util.function.Predicate<String> ok, int count, Random r) {
        List<String> candidates = df.keySet().stream().filter(ok).sorted().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count && !candidates.isEmpty(); i++) {
            out.add(candidates.get(r.nextInt(candidates.size())));
        }
        while (out.size() < count) {
            out.add("team");
        }
        return out;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).strip());
                    break;
                }
            }
        } catch (Exception e) {
            m.put("cpu", "unknown");
        }
        return m;
    }
}
