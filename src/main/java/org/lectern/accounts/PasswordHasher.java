package org.lectern.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lectern.config.Config;

/**
 * Argon2id password hashes in PHC format, with the cost from the settings. A hash made with other settings still
 * verifies (its parameters are in the string), and {@link #outdated} says when it should be redone.
 *
 * <p>At most one hash per core is computed at once: each takes {@code LECTERN_ARGON2_MEMORY_KIB} of heap, so a
 * class of 200 logging in together would otherwise need gigabytes at once and run the server out of memory. A few
 * others wait their turn; past {@link #WAITING_PER_CORE} waiting per core, or after {@link #PATIENCE}, the request
 * gets the "busy" page (503) at once, so that logins never hold every request thread while pages wait.
 */
final class PasswordHasher {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Well under the request threads per core, so that waiting logins leave most of them to pages. */
    private static final int WAITING_PER_CORE = 4;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private final Argon2Function argon2;
    private final Semaphore slots;
    private final Duration patience;
    private final int mostWaiting;
    private final String dummyHash;

    PasswordHasher(Config.Hashing hashing) {
        this(
                hashing,
                new Semaphore(Runtime.getRuntime().availableProcessors(), true),
                PATIENCE,
                WAITING_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param slots one permit per hash that may be computed at once
     * @param mostWaiting how many may wait for a permit; the next is refused at once
     */
    PasswordHasher(Config.Hashing hashing, Semaphore slots, Duration patience, int mostWaiting) {
        this.argon2 = Argon2Function.getInstance(
                hashing.memoryKib(), hashing.iterations(), hashing.parallelism(), HASH_BYTES, Argon2.ID);
        this.slots = slots;
        this.patience = patience;
        this.mostWaiting = mostWaiting;
        this.dummyHash = hash("no account has this password " + System.nanoTime());
    }

    String hash(String password) {
        return inTurn(() ->
                Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult());
    }

    boolean verify(String password, String hash) {
        Argon2Function function;
        try {
            function = Argon2Function.getInstanceFromHash(hash);
        } catch (RuntimeException malformed) {
            return false;
        }
        return inTurn(() -> {
            try {
                return Password.check(password, hash).with(function);
            } catch (RuntimeException malformed) {
                return false;
            }
        });
    }

    private <T> T inTurn(Supplier<T> work) {
        if (slots.getQueueLength() >= mostWaiting) {
            throw new ServiceUnavailableResponse();
        }
        try {
            if (!slots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableResponse();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableResponse();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /**
     * Spends the time of one real check, so that answering "wrong email or password" for an unknown address takes
     * as long as for a known one: response times must not tell which addresses have accounts.
     */
    void verifyNothing(String password) {
        verify(password, dummyHash);
    }

    boolean outdated(String hash) {
        try {
            return !Argon2Function.getInstanceFromHash(hash).equals(argon2);
        } catch (RuntimeException malformed) {
            return true;
        }
    }
}
