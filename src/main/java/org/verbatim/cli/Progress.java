package org.verbatim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.verbatim.index.Indexer;

/**
 * Progress of a long run, on stderr: a bar with rate and ETA redrawn in place on a terminal; plain
 * lines (every 10% or 10 seconds) when stderr is a file or a pipe, for logs and cron mail.
 */
final class Progress {

    private Progress() {
    }

    static Indexer.Progress to(PrintWriter err) {
        boolean terminal = System.console() != null;
        long t0 = System.nanoTime();
        long[] last = {0, -1};
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                double secs = (now - t0) / 1e9;
                double rate = secs > 0 ? done / secs : 0;
                long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
                int percent = total == 0 ? 100 : (int) (done * 100L / total);
                if (terminal) {
                    if (done < total && now - last[0] < 200_000_000L) {
                        return;
                    }
                    last[0] = now;
                    int width = 30;
                    int filled = total == 0 ? width : (int) ((long) done * width / total);
                    err.printf(Locale.ROOT, "\r[%s%s] %d/%d files %3d%%  %.0f files/s  ETA %ds   ", "#".repeat(filled),
                            " ".repeat(width - filled), done, total, percent, rate, eta);
                    if (done == total) {
                        err.println();
                    }
                } else {
                    boolean step = percent / 10 != last[1] / 10;
                    if (done != total && !step && now - last[0] < 10_000_000_000L) {
                        return;
                    }
                    if (total < 20 && done != total) {
                        return;
                    }
                    last[0] = now;
                    last[1] = percent;
                    err.printf(Locale.ROOT, "progress: %d/%d files (%d%%), %.1f files/s, ETA %ds%n", done, total, percent, rate, eta);
                }
                err.flush();
            }
        };
    }
}
