package org.verbatim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Searcher;

/**
 * Per-query cost of searches in process, for profiling: each query of a file (one per line, in the
 * search box's syntax) runs {@code reps} times, round by round, and the median wall time, CPU time of the
 * calling thread and bytes it allocated are printed. Work done on the search threads is in the wall time
 * only. Run it under JDK Flight Recorder to see where the time goes:
 * <pre>
 * java -XX:StartFlightRecording=filename=search.jfr -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.verbatim.bench.SearchProfile bench-data/work-M/verbatim-index queries.txt 20
 * </pre>
 */
public final class SearchProfile {

    private SearchProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SearchProfile INDEX QUERY_FILE REPS");
            System.exit(2);
        }
        List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
        int reps = Integer.parseInt(args[2]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Map<String, long[][]> samples = new LinkedHashMap<>();
        try (Searcher searcher = Searcher.open(Path.of(args[0]), SkillVocabulary.load(null), QuestionGrouping.standard())) {
            for (int r = 0; r < reps; r++) {
                for (String q : queries) {
                    long wall = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    long bytes = threads.getThreadAllocatedBytes(thread);
                    searcher.search(SearchRequest.of(q));
                    long[][] s = samples.computeIfAbsent(q, k -> new long[3][reps]);
                    s[0][r] = System.nanoTime() - wall;
                    s[1][r] = threads.getCurrentThreadCpuTime() - cpu;
                    s[2][r] = threads.getThreadAllocatedBytes(thread) - bytes;
                }
            }
        }
        System.out.printf("%-40s %10s %10s %10s%n", "query", "wall ms", "cpu ms", "alloc MB");
        for (Map.Entry<String, long[][]> e : samples.entrySet()) {
            long[][] s = e.getValue();
            System.out.printf("%-40.40s %10.2f %10.2f %10.2f%n", e.getKey(), median(s[0]) / 1e6, median(s[1]) / 1e6, median(s[2]) / 1e6);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
