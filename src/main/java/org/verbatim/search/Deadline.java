package org.verbatim.search;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A request's time limit. The matching stops when it has passed (see {@link TimeLimitedQuery}), so a slow
 * query answers with what it found so far, flagged as such, instead of holding a thread and its memory for
 * as long as it likes.
 */
final class Deadline {

    private final LongSupplier clock;
    private final long end;
    private volatile boolean reached;
    private volatile boolean cut;

    private Deadline(LongSupplier clock, long end) {
        this.clock = clock;
        this.end = end;
    }

    static Deadline after(Duration limit, LongSupplier nanoClock) {
        long now = nanoClock.getAsLong();
        long nanos = limit.toNanos();
        return new Deadline(nanoClock, nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    /** Whether the limit has passed; once true it stays true. */
    boolean reached() {
        if (!reached && clock.getAsLong() - end >= 0) {
            reached = true;
        }
        return reached;
    }

    /** Records that matching was stopped short because of this deadline. */
    void cutShort() {
        cut = true;
    }

    /** Whether some matching was stopped short, so that results and counts are partial. */
    boolean wasCutShort() {
        return cut;
    }
}
