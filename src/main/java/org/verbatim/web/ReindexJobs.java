package org.verbatim.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verbatim.index.IndexSummary;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.search.LiveIndex;

/** Full rebuilds started over HTTP: one at a time, in the background, with progress and result by job id. */
final class ReindexJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexJobs.class);

    /** A job as {@code GET /api/admin/jobs/{id}} shows it. */
    record Job(String id, String status, List<String> paths, int done, int total, String started, String finished,
               IndexSummary result, String error) {
    }

    private final Supplier<Indexer> indexers;
    private final LiveIndex live;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reindex-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ReindexJobs(Supplier<Indexer> indexers, LiveIndex live) {
        this.indexers = indexers;
        this.live = live;
    }

    Job start(List<Path> paths, Manifest manifest) {
        String id = UUID.randomUUID().toString();
        List<String> names = paths.stream().map(Path::toString).toList();
        jobs.put(id, new Job(id, "queued", names, 0, 0, null, null, null, null));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        runner.submit(() -> {
            String started = Instant.now().toString();
            jobs.put(id, new Job(id, "running", names, 0, 0, started, null, null, null));
            try {
                IndexSummary s = indexers.get().rebuild(paths, manifest, (d, t) -> {
                    done.set(d);
                    total.set(t);
                    jobs.computeIfPresent(id, (k, j) -> new Job(id, "running", names, d, t, started, null, null, null));
                }, false);
                live.refresh();
                jobs.put(id, new Job(id, "succeeded", names, done.get(), total.get(), started, Instant.now().toString(), s, null));
            } catch (Exception e) {
                LOG.warn("reindex job {} failed: {}", id, e.toString());
                jobs.put(id, new Job(id, "failed", names, done.get(), total.get(), started, Instant.now().toString(), null,
                        e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
        return jobs.get(id);
    }

    Job get(String id) {
        return jobs.get(id);
    }

    void stop() {
        runner.shutdownNow();
    }
}
