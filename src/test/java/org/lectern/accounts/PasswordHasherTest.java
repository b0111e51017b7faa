package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.lectern.config.Config;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new Config.Hashing(1024, 1, 1, 10));

    @Test
    void hashesAreArgon2idWithTheirParametersAndASaltAndVerify() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    }

    @Test
    void aHashFromOtherSettingsStillVerifiesAndIsMarkedForRehashing() {
        PasswordHasher stronger = new PasswordHasher(new Config.Hashing(2048, 2, 1, 10));
        String old = hasher.hash("correct horse battery");
        assertThat(stronger.verify("correct horse battery", old)).isTrue();
        assertThat(stronger.outdated(old)).isTrue();
        assertThat(hasher.outdated(old)).isFalse();
    }

    @Test
    void aDamagedHashNeverVerifies() {
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
        assertThat(hasher.verify("anything", "")).isFalse();
        assertThat(hasher.outdated("not a hash")).isTrue();
    }

    @Test
    void aHashWaitsForAFreeSlotSoThatManyLoginsAtOnceNeverRunTheHeapOut() {
        Semaphore slots = new Semaphore(1);
        PasswordHasher oneAtATime =
                new PasswordHasher(new Config.Hashing(1024, 1, 1, 10), slots, Duration.ofMinutes(1), 8);
        String hash = oneAtATime.hash("correct horse battery");
        slots.acquireUninterruptibly();
        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> oneAtATime.verify("correct horse battery", hash));
        assertThat(waiting).as("no slot free").failsWithin(Duration.ofMillis(300));
        slots.release();
        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
    }

    @Test
    void oneThatWaitsTooLongIsToldTheServerIsBusy() {
        Semaphore slots = new Semaphore(1);
        PasswordHasher hasty = new PasswordHasher(new Config.Hashing(1024, 1, 1, 10), slots, Duration.ofMillis(50), 8);
        slots.acquireUninterruptibly();
        assertThatThrownBy(() -> hasty.hash("correct horse battery")).isInstanceOf(ServiceUnavailableResponse.class);
    }

    @Test
    void whenTooManyWaitTheNextIsToldTheServerIsBusyAtOnce() {
        Semaphore slots = new Semaphore(1);
        PasswordHasher hasher = new PasswordHasher(new Config.Hashing(1024, 1, 1, 10), slots, Duration.ofMinutes(1), 1);
        slots.acquireUninterruptibly();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> hasher.hash("first in the queue"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slots.getQueueLength() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> hasher.hash("second in the queue")).isInstanceOf(ServiceUnavailableResponse.class);
        slots.release();
        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10));
    }
}
