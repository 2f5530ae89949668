package org.verbatim.cli;

import java.io.PrintWriter;
import org.verbatim.index.Indexer;

/** A one-line progress display on a terminal; nothing when output is not a terminal. */
final class Progress {

    private Progress() {
    }

    static Indexer.Progress forTerminal(PrintWriter err, boolean quiet) {
        if (quiet || System.console() == null) {
            return Indexer.Progress.NONE;
        }
        long t0 = System.nanoTime();
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (done < total && now - last[0] < 200_000_000L) {
                    return;
                }
                last[0] = now;
                double secs = (now - t0) / 1e9;
                double rate = secs > 0 ? done / secs : 0;
                long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
                err.printf("\r%d/%d files (%d%%), %.0f files/s, ETA %ds   ", done, total, total == 0 ? 100 : done * 100 / total, rate, eta);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }
}
