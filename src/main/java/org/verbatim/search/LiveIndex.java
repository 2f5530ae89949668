package org.verbatim.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillVocabulary;

/**
 * The index as a server sees it: opened once (or as soon as it appears on disk) and refreshed on a
 * short timer, so that a {@code verbatim index} run by another process shows up within seconds.
 * Thread-safe.
 */
public final class LiveIndex implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final Path dir;
    private final SkillVocabulary skills;
    private final QuestionGrouping grouping;
    private final Duration timeLimit;
    private final ScheduledExecutorService timer;
    private volatile Searcher searcher;
    /** The generation the searcher reads, to notice when a rebuild switches to a new one. */
    private volatile String generation;
    private final org.verbatim.index.IndexLayout layout;

    public LiveIndex(Path dir, Duration refreshEvery) {
        this(dir, null, null, refreshEvery);
    }

    /**
     * @param skills   the vocabulary for skill-aware queries, or {@code null}
     * @param grouping question grouping for comparing free-text questions, or {@code null}
     */
    public LiveIndex(Path dir, SkillVocabulary skills, QuestionGrouping grouping, Duration refreshEvery) {
        this(dir, skills, grouping, refreshEvery, Searcher.DEFAULT_TIME_LIMIT);
    }

    /** @param timeLimit how long one search may collect hits before answering with what it found */
    public LiveIndex(Path dir, SkillVocabulary skills, QuestionGrouping grouping, Duration refreshEvery, Duration timeLimit) {
        this.dir = dir;
        this.timeLimit = timeLimit;
        this.skills = skills;
        this.grouping = grouping;
        this.layout = new org.verbatim.index.IndexLayout(dir);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        tryOpen();
        long ms = refreshEvery.toMillis();
        timer.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The archive as it is now; throws {@link NoIndexException} while there is no index yet. */
    public Archive archive() throws NoIndexException {
        return searcher();
    }

    /** The searcher; throws {@link NoIndexException} while there is no index yet. */
    public Searcher searcher() throws NoIndexException {
        Searcher s = searcher;
        if (s == null) {
            throw new NoIndexException("there is no index at " + dir + " yet; run 'verbatim index PATH...'");
        }
        return s;
    }

    public Path dir() {
        return dir;
    }

    /** The question grouping searches compare with, or {@code null}. */
    public QuestionGrouping grouping() {
        return grouping;
    }

    /** Sees the latest commit, or the generation a rebuild switched to, now rather than at the next tick. */
    public void refresh() {
        Searcher s = searcher;
        if (s == null) {
            tryOpen();
            return;
        }
        try {
            String live = layout.currentName();
            if (live != null && !live.equals(generation)) {
                switchGeneration(s);
                return;
            }
            s.refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not refresh the index at {}: {}", dir, e.toString());
        }
    }

    /** Opens the new generation, serves it, and closes the old one once requests in flight are done. */
    private synchronized void switchGeneration(Searcher old) throws IOException {
        String live = layout.currentName();
        Searcher fresh = Searcher.open(dir, skills, grouping).limitTime(timeLimit);
        searcher = fresh;
        generation = live;
        LOG.info("now serving generation {} of the index at {}", live, dir);
        timer.schedule(() -> {
            try {
                old.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing the previous generation: {}", e.toString());
            }
        }, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
    }

    /** Requests still using a replaced generation have this long to finish. */
    private static final long RETIRE_AFTER_SECONDS = 30;

    private synchronized void tryOpen() {
        if (searcher != null) {
            return;
        }
        try {
            String live = layout.currentName();
            searcher = Searcher.open(dir, skills, grouping).limitTime(timeLimit);
            generation = live;
            LOG.info("serving the index at {}", dir);
        } catch (NoIndexException e) {
            // not there yet; the timer tries again
        } catch (IOException e) {
            LOG.warn("cannot open the index at {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        Searcher s = searcher;
        if (s != null) {
            s.close();
        }
    }
}
