package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final ThrottleWindow.Limits LIMITS =
            new ThrottleWindow.Limits(3, Duration.ofMinutes(15), Duration.ofMinutes(10));

    private static ThrottleWindow fail(ThrottleWindow window, int minutesLater) {
        return window.afterFailure(T0.plus(Duration.ofMinutes(minutesLater)), LIMITS);
    }

    @Test
    void failuresBelowTheLimitDoNotLock() {
        ThrottleWindow w = fail(fail(ThrottleWindow.fresh(T0), 0), 1);
        assertThat(w.failures()).isEqualTo(2);
        assertThat(w.lockRemaining(T0.plusSeconds(61))).isZero();
    }

    @Test
    void theFailureThatReachesTheLimitLocksForTheLockLength() {
        ThrottleWindow w = fail(fail(fail(ThrottleWindow.fresh(T0), 0), 1), 2);
        assertThat(w.failures()).isEqualTo(3);
        assertThat(w.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(12)));
        assertThat(w.lockRemaining(T0.plus(Duration.ofMinutes(2)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(w.lockRemaining(T0.plus(Duration.ofMinutes(11)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(w.lockRemaining(T0.plus(Duration.ofMinutes(12)))).isZero();
    }

    @Test
    void failuresSpreadWiderThanTheWindowStartAgainFromOne() {
        ThrottleWindow w = fail(fail(ThrottleWindow.fresh(T0), 0), 1);
        ThrottleWindow later = fail(w, 15);
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.windowStart()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(later.lockRemaining(T0.plus(Duration.ofMinutes(15)))).isZero();
    }

    @Test
    void sessionsEndAtTheirExpiryAndBrowserSessionsAlsoWhenIdle() {
        Instant expires = T0.plus(Duration.ofDays(30));
        Duration idle = Duration.ofMinutes(120);
        assertThat(SessionClock.alive(T0.plus(Duration.ofMinutes(119)), T0, expires, false, idle))
                .isTrue();
        assertThat(SessionClock.alive(T0.plus(Duration.ofMinutes(120)), T0, expires, false, idle))
                .isFalse();
        assertThat(SessionClock.alive(T0.plus(Duration.ofDays(29)), T0, expires, true, idle))
                .isTrue();
        assertThat(SessionClock.alive(expires, T0, expires, true, idle)).isFalse();
    }
}
