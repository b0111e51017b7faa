package org.lectern.accounts;

import java.time.Duration;
import java.time.Instant;

/** When a session stops being valid: at its absolute expiry, and for browser sessions after an idle spell. */
final class SessionClock {
    private SessionClock() {}

    static boolean alive(Instant now, Instant lastSeen, Instant expires, boolean persistent, Duration idle) {
        if (!now.isBefore(expires)) {
            return false;
        }
        return persistent || now.isBefore(lastSeen.plus(idle));
    }
}
