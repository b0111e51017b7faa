package org.lectern.runner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-caller quotas: how many runs one caller may have going at once (a learner one, a guest IP a configurable few),
 * and how many they may start in any minute. A caller's entry goes once they have nothing going and nothing recent, so
 * the map holds only active callers.
 */
final class RunRateLimiter {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final int SWEEP_EVERY = 256;

    private final RunnerConfig.Quotas quotas;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new HashMap<>();
    private int sinceSweep;

    RunRateLimiter(RunnerConfig.Quotas quotas, LongSupplier nanoTime) {
        this.quotas = quotas;
        this.nanoTime = nanoTime;
    }

    /** Takes a place for one run; the permit gives it back when the run ends. */
    synchronized Permit acquire(RunCaller caller) throws RunRejected {
        long now = nanoTime.getAsLong();
        sweepNow(now);
        String key = caller.quotaKey();
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.forget(now);
        if (w.active >= (caller.isGuest() ? quotas.guestConcurrentRuns() : 1)) {
            throw new RunRejected(
                    RunRejected.Reason.ALREADY_RUNNING,
                    "You already have code running. Wait for it to finish, or stop it, before starting more.");
        }
        int perMinute = caller.isGuest() ? quotas.guestRunsPerMinute() : quotas.learnerRunsPerMinute();
        if (w.starts.size() >= perMinute) {
            long waitNanos = w.starts.peekFirst() + MINUTE - now;
            long waitSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new RunRejected(
                    RunRejected.Reason.RATE_LIMITED,
                    "You have started " + perMinute + " runs in the last minute. Try again in " + waitSeconds
                            + " seconds.");
        }
        w.active++;
        w.starts.addLast(now);
        return new Permit(key, now);
    }

    synchronized int trackedCallers() {
        return windows.size();
    }

    private void sweepNow(long now) {
        if (++sinceSweep < SWEEP_EVERY) {
            return;
        }
        sinceSweep = 0;
        windows.values().removeIf(w -> {
            w.forget(now);
            return w.active == 0 && w.starts.isEmpty();
        });
    }

    private static final class Window {
        private final Deque<Long> starts = new ArrayDeque<>();
        private int active;

        void forget(long now) {
            while (!starts.isEmpty() && now - starts.peekFirst() >= MINUTE) {
                starts.removeFirst();
            }
        }
    }

    /** One run's place in its caller's quota. */
    final class Permit {
        private final String key;
        private final long startedAt;
        private boolean released;

        private Permit(String key, long startedAt) {
            this.key = key;
            this.startedAt = startedAt;
        }

        /** The run has ended: its caller may start another. Only the first call counts. */
        void release() {
            synchronized (RunRateLimiter.this) {
                Window w = windows.get(key);
                if (!released && w != null) {
                    w.active--;
                }
                released = true;
            }
        }

        /** The run never started (the server was busy): it does not count against the caller's minute either. */
        void refund() {
            synchronized (RunRateLimiter.this) {
                Window w = windows.get(key);
                if (!released && w != null) {
                    w.starts.removeLastOccurrence(startedAt);
                }
                release();
            }
        }
    }
}
