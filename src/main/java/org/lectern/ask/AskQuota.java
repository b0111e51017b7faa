package org.lectern.ask;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many questions one asker (a learner, or a guest's address) may ask in any minute. Kept in memory per node: it
 * guards the server and the model against a flood, where a few extra questions across nodes do no harm; the
 * daily token budget, which costs money, is counted in the database.
 */
final class AskQuota {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final int SWEEP_EVERY = 256;
    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> asked = new HashMap<>();
    private int sinceSweep;

    AskQuota(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Counts one question; when the asker is over the limit, nothing is counted and the wait in seconds is given. */
    synchronized OptionalLong take(String asker) {
        long now = nanoTime.getAsLong();
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            asked.values().removeIf(times -> forget(times, now).isEmpty());
        }
        Deque<Long> times = forget(asked.computeIfAbsent(asker, k -> new ArrayDeque<>()), now);
        if (times.size() >= perMinute) {
            long waitNanos = times.peekFirst() + MINUTE - now;
            return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
        }
        times.addLast(now);
        return OptionalLong.empty();
    }

    private static Deque<Long> forget(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) {
            times.removeFirst();
        }
        return times;
    }
}
