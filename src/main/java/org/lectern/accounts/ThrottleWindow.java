package org.lectern.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed attempts of one key (an account or an address) in a fixed window. Once the failures reach the limit
 * the key is locked for a while; a failure after the window has passed starts a new one.
 *
 * @param lockedUntil null when not locked
 */
record ThrottleWindow(int failures, Instant windowStart, Instant lockedUntil) {

    /** How the limits are set: failures allowed, how long they are counted, how long a lock lasts. */
    record Limits(int maxFailures, Duration window, Duration lock) {}

    static ThrottleWindow fresh(Instant now) {
        return new ThrottleWindow(0, now, null);
    }

    /** How long this key must still wait; zero when it may try now. */
    Duration lockRemaining(Instant now) {
        if (lockedUntil == null || !now.isBefore(lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, lockedUntil);
    }

    ThrottleWindow afterFailure(Instant now, Limits limits) {
        boolean expired = !now.isBefore(windowStart.plus(limits.window()));
        int count = expired ? 1 : failures + 1;
        Instant start = expired ? now : windowStart;
        Instant lock = count >= limits.maxFailures() ? now.plus(limits.lock()) : lockedUntil;
        return new ThrottleWindow(count, start, lock);
    }
}
