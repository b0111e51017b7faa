package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Questions per minute per asker, on a clock the test moves. */
class AskQuotaTest {
    private long now = 0;
    private final AskQuota quota = new AskQuota(3, () -> now);

    private void advanceSeconds(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void theFourthQuestionWithinAMinuteWaitsUntilTheFirstIsAMinuteOld() {
        assertThat(quota.take("learner:1")).isEmpty();
        advanceSeconds(10);
        assertThat(quota.take("learner:1")).isEmpty();
        assertThat(quota.take("learner:1")).isEmpty();
        assertThat(quota.take("learner:1")).isEqualTo(OptionalLong.of(50));
        advanceSeconds(50);
        assertThat(quota.take("learner:1")).isEmpty();
    }

    @Test
    void aRefusedQuestionDoesNotCountAndAskersAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            quota.take("guest:10.0.0.1");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(quota.take("guest:10.0.0.1")).isPresent();
        }
        assertThat(quota.take("learner:2")).isEmpty();
        advanceSeconds(60);
        assertThat(quota.take("guest:10.0.0.1")).isEmpty();
    }
}
