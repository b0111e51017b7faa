package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunRateLimiterTest {
    private final RunCaller guest = new RunCaller(null, "ip-1");
    private final RunCaller learner = RunCaller.learner(7);
    private long now = 1_000_000_000L;
    private final RunRateLimiter limiter = new RunRateLimiter(new RunnerConfig.Quotas(2, 3, 5), () -> now);

    @Test
    void aLearnerHasOneRunAtATime() throws RunRejected {
        RunRateLimiter.Permit first = limiter.acquire(learner);
        assertRefused(learner, RunRejected.Reason.ALREADY_RUNNING);
        first.release();
        limiter.acquire(learner);
    }

    @Test
    void aGuestHasTheConfiguredNumberAtATime() throws RunRejected {
        limiter.acquire(guest);
        limiter.acquire(guest);
        assertRefused(guest, RunRejected.Reason.ALREADY_RUNNING);
    }

    @Test
    void startsPerMinuteAreCountedOverASlidingMinute() throws RunRejected {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(guest).release();
            now += TimeUnit.SECONDS.toNanos(10);
        }
        assertThatThrownBy(() -> limiter.acquire(guest))
                .isInstanceOf(RunRejected.class)
                .hasMessageContaining("Try again in 30 seconds");
        now += TimeUnit.SECONDS.toNanos(30);
        limiter.acquire(guest);
    }

    @Test
    void releasingTwiceGivesBackOnePlace() throws RunRejected {
        RunRateLimiter.Permit permit = limiter.acquire(learner);
        permit.release();
        permit.release();
        limiter.acquire(learner);
        assertRefused(learner, RunRejected.Reason.ALREADY_RUNNING);
    }

    @Test
    void aRefundedRunDoesNotCountAgainstTheMinute() throws RunRejected {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(guest).refund();
        }
        limiter.acquire(guest);
    }

    @Test
    void callersAreForgottenOnceIdle() throws RunRejected {
        for (int i = 0; i < 300; i++) {
            limiter.acquire(new RunCaller(null, "ip-" + i)).release();
        }
        now += TimeUnit.MINUTES.toNanos(2);
        // idle callers are swept now and then, not on every call
        for (int i = 0; i < 300; i++) {
            now += TimeUnit.SECONDS.toNanos(15);
            limiter.acquire(learner).release();
        }
        assertThat(limiter.trackedCallers()).isEqualTo(1);
    }

    private void assertRefused(RunCaller caller, RunRejected.Reason reason) {
        assertThatThrownBy(() -> limiter.acquire(caller))
                .isInstanceOfSatisfying(
                        RunRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
