package org.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.IndexSummary;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Searcher;

/**
 * What meaning search costs, in one run on a generated corpus: a full index without and with
 * {@code --semantic}, a rebuild with the vectors already cached, and the latency of the same queries in
 * each search mode (in process, facets and snippets included, as the API computes them). Writes
 * {@code docs/bench-semantic-SIZE.json} and prints a Markdown table.
 *
 * <pre>scripts/bench S --semantic</pre>
 */
public final class SemanticBench {

    /** Requests as a recruiter words them: none is a phrase of the generated corpus. */
    static final List<String> QUERIES = List.of(
            "someone who turned around a failing project", "answers about leading a migration", "a candidate who disagreed with their manager",
            "handling an outage at night", "learning a new language quickly", "mentoring junior engineers", "cutting cloud costs",
            "dealing with an unhappy customer", "a mistake they owned up to", "working with a difficult colleague",
            "improving a slow database", "why they want to leave their job", "prioritising under pressure", "testing strategy for releases",
            "designing a system for scale", "giving feedback to a peer", "moving to microservices", "data pipeline that broke",
            "security incident response", "what motivates them at work", "building a team from scratch", "a project they are proud of",
            "negotiating a deadline", "onboarding into a big codebase", "automating a manual process", "choosing between two technologies",
            "keeping stakeholders informed", "a time they failed", "estimating work", "remote collaboration across time zones");

    private SemanticBench() {
    }

    public static void main(String[] args) throws Exception {
        String size = args[0];
        Path corpus = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path docs = Path.of(args[3]);
        int threads = Runtime.getRuntime().availableProcessors();
        SkillVocabulary skills = SkillVocabulary.load(null);
        QuestionGrouping grouping = QuestionGrouping.standard();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("size", size);
        report.put("cores", threads);

        Path plain = work.resolve("plain");
        Path semantic = work.resolve("semantic");
        long plainMs = timed(() -> indexer(plain, skills, grouping, threads, false).index(List.of(corpus), Manifest.empty(), Indexer.Progress.NONE));
        IndexSummary[] summary = new IndexSummary[1];
        long semanticMs = timed(() -> summary[0] = indexer(semantic, skills, grouping, threads, true)
                .index(List.of(corpus), Manifest.empty(), Indexer.Progress.NONE));
        long rebuildMs = timed(() -> indexer(semantic, skills, grouping, threads, null)
                .rebuild(List.of(corpus), Manifest.empty(), Indexer.Progress.NONE, false));
        report.put("interviews", summary[0].interviews());
        report.put("pairs", summary[0].pairs());
        report.put("indexMs", plainMs);
        report.put("indexSemanticMs", semanticMs);
        report.put("rebuildSemanticCachedMs", rebuildMs);
        report.put("answerVectorCacheBytes", folderSize(semantic.resolve(org.verbatim.index.AnswerVectors.FOLDER)));

        Map<String, Object> latency = new LinkedHashMap<>();
        try (Searcher s = Searcher.open(semantic, skills, grouping)) {
            for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
                List<Double> ms = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (String q : QUERIES) {
                        long t0 = System.nanoTime();
                        s.search(SearchRequest.of(q).withMode(mode));
                        if (round > 0) {
                            ms.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                }
                double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                latency.put(mode.name().toLowerCase(Locale.ROOT), Map.of("p50", pct(sorted, 50), "p99", pct(sorted, 99)));
            }
        }
        report.put("queryMs", latency);
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("bench-semantic-" + size + ".json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n");
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f s | %.1f s (%.1f×) | %.1f s | %.0f MB |%n", size, summary[0].interviews(),
                summary[0].pairs(), plainMs / 1000.0, semanticMs / 1000.0, semanticMs / (double) plainMs, rebuildMs / 1000.0,
                ((Number) report.get("answerVectorCacheBytes")).longValue() / 1e6);
        System.out.println(latency);
    }

    private static Indexer indexer(Path dir, SkillVocabulary skills, QuestionGrouping grouping, int threads, Boolean semantic) {
        return new Indexer(dir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(skills)), grouping, threads).semantic(semantic);
    }

    interface Run {
        void run() throws Exception;
    }

    private static long timed(Run r) throws Exception {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static double pct(double[] sorted, int p) {
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] * 100) / 100.0;
    }

    private static long folderSize(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

}
