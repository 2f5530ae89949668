package org.verbatim.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address within a sliding window. An address with {@code limit} failures in
 * the window is blocked until the oldest of them leaves it. The table is bounded: the addresses seen
 * longest ago are forgotten first.
 */
final class FailedAttempts {

    private static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    FailedAttempts(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    synchronized void record(String address) {
        long now = clock.getAsLong();
        Deque<Long> times = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        expire(times, now);
        times.addLast(now);
        while (times.size() > limit) {
            times.removeFirst();
        }
    }

    synchronized void clear(String address) {
        byAddress.remove(address);
    }

    /** Seconds until this address may try again; 0 when it is not blocked. */
    synchronized long secondsBlocked(String address) {
        Deque<Long> times = byAddress.get(address);
        if (times == null) {
            return 0;
        }
        long now = clock.getAsLong();
        expire(times, now);
        if (times.size() < limit) {
            return 0;
        }
        long left = times.peekFirst() + windowNanos - now;
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
    }
}
