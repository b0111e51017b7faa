package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lectern.config.Config;
import org.lectern.web.ErrorPages;

class PasswordHasherTest {
    private static final Config.Hashing CHEAP = new Config.Hashing(1024, 1, 1, 10);
    private final PasswordHasher hasher = new PasswordHasher(CHEAP);

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
    void aHashMadeByTheJavaImplementationUsedBeforeStillVerifiesWithAnyCharacters() {
        String earlier =
                "$argon2id$v=19$m=1024,t=1,p=1$2/YCFnqnwAHs5I7tOtFDBA$pIBBr2zTDjBCGN1xXZ9bwani4IlFgYksExvTrG+LYxg";
        assertThat(hasher.verify("pässwörd ✓ 秘密", earlier)).isTrue();
        assertThat(hasher.verify("passwörd ✓ 秘密", earlier)).isFalse();
        assertThat(hasher.outdated(earlier)).isFalse();
    }

    @Test
    void aDamagedHashNeverVerifies() {
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
        assertThat(hasher.verify("anything", "")).isFalse();
        assertThat(hasher.verify("anything", "$argon2id$v=19$m=1024,t=1,p=1$broken"))
                .isFalse();
        assertThat(hasher.verify("anything", "$argon2i$v=19$m=1024,t=1,p=1$2/YCFnqnwAHs5I7tOtFDBA$pIBBr2zTDjBC"))
                .isFalse();
        assertThat(hasher.outdated("not a hash")).isTrue();
    }

    @Test
    void aHashWaitsForAFreeThreadSoThatManyLoginsAtOnceNeverRunTheHeapOut() {
        ThreadPoolExecutor threads = PasswordHasher.threads(1, 8);
        PasswordHasher oneAtATime = new PasswordHasher(CHEAP, threads, Duration.ofMinutes(1));
        String hash = oneAtATime.hash("correct horse battery");
        CountDownLatch release = occupy(threads);
        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> oneAtATime.verify("correct horse battery", hash));
        assertThat(waiting).as("no thread free").failsWithin(Duration.ofMillis(300));
        release.countDown();
        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
    }

    @Test
    void oneThatWaitsTooLongIsToldTheServerIsBusyAndWhenToComeBackAndLeavesTheQueue() {
        ThreadPoolExecutor threads = PasswordHasher.threads(1, 8);
        PasswordHasher hasty = new PasswordHasher(CHEAP, threads, Duration.ofMillis(50));
        CountDownLatch release = occupy(threads);
        assertThatThrownBy(() -> hasty.hash("correct horse battery"))
                .isInstanceOfSatisfying(
                        ServiceUnavailableResponse.class,
                        busy -> assertThat(Integer.parseInt(busy.getDetails().get(ErrorPages.RETRY_AFTER)))
                                .isPositive());
        assertThat(threads.getQueue())
                .as("the refused hash is not computed later")
                .isEmpty();
        release.countDown();
    }

    @Test
    void whenTooManyWaitTheNextIsToldTheServerIsBusyAtOnce() {
        ThreadPoolExecutor threads = PasswordHasher.threads(1, 1);
        PasswordHasher hasher = new PasswordHasher(CHEAP, threads, Duration.ofMinutes(1));
        CountDownLatch release = occupy(threads);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> hasher.hash("first in the queue"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threads.getQueue().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> hasher.hash("second in the queue")).isInstanceOf(ServiceUnavailableResponse.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        release.countDown();
        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void hashesAreComputedOnLowPriorityThreadsSoThatPagesGetTheCoresFirst() {
        ThreadPoolExecutor threads = PasswordHasher.threads(1, 1);
        new PasswordHasher(CHEAP, threads, Duration.ofMinutes(1));
        CompletableFuture<Thread> hashing = CompletableFuture.supplyAsync(Thread::currentThread, threads);
        assertThat(hashing).succeedsWithin(Duration.ofSeconds(10)).satisfies(thread -> {
            assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    /** Keeps the hashing pool's only thread busy until the latch is released. */
    private static CountDownLatch occupy(ThreadPoolExecutor threads) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        threads.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return release;
    }
}
