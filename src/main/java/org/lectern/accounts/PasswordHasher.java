package org.lectern.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lectern.config.Config;
import org.lectern.web.ErrorPages;

/**
 * Argon2id password hashes in PHC format, with the cost from the settings. A hash made with other settings still
 * verifies (its parameters are in the string), and {@link #outdated} says when it should be redone.
 *
 * <p>The hashes are computed by the reference implementation, libargon2 (argon2-jvm): in C it takes a sixth to a
 * ninth of the CPU time a Java implementation took for the production cost, and its memory is allocated outside the
 * Java heap and freed at once, where the Java implementation's 19 MiB per hash filled the young generation and was
 * promoted, dead, into the old one, so that a class signing in together set off full collections.
 *
 * <p>Hashes are computed on threads of their own, at most one per core: each takes {@code LECTERN_ARGON2_MEMORY_KIB}
 * of native memory, so a class of 200 logging in together would otherwise need gigabytes at once and run the machine
 * out of memory. A few others wait their turn; past {@link #WAITING_PER_CORE} waiting per core, or after {@link #PATIENCE},
 * the request gets the "busy" page (503) at once, with a {@code Retry-After} estimated from the queue, so that logins
 * never hold every request thread while pages wait.
 *
 * <p>The hashing threads run at {@link Thread#MIN_PRIORITY}. With the JVM options the README gives
 * ({@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10}) that is nice 10 on Linux: a core that a
 * page, an answer or a sandbox wants goes to it first, so 200 learners signing in at once no longer slow the pages of
 * those already reading, and an idle core still hashes at full speed. Without those options the priority is only a
 * hint the JVM ignores on Linux.
 */
final class PasswordHasher {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Well under the request threads per core, so that waiting logins leave most of them to pages. */
    private static final int WAITING_PER_CORE = 4;

    private static final String ARGON2ID = "$argon2id$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final Config.Hashing cost;
    private final ThreadPoolExecutor threads;
    private final Duration patience;
    /** A moving average of how long one hash takes, for the Retry-After of a refusal. */
    private final AtomicLong meanNanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(200));

    private final String dummyHash;

    PasswordHasher(Config.Hashing hashing) {
        this(
                hashing,
                threads(
                        Runtime.getRuntime().availableProcessors(),
                        WAITING_PER_CORE * Runtime.getRuntime().availableProcessors()),
                PATIENCE);
    }

    /**
     * @param threads where hashes are computed; its pool size is how many go at once, and a full queue refuses the
     *     next at once
     */
    PasswordHasher(Config.Hashing hashing, ThreadPoolExecutor threads, Duration patience) {
        this.cost = hashing;
        this.threads = threads;
        this.patience = patience;
        this.dummyHash = hash("no account has this password " + System.nanoTime());
    }

    /** At most {@code atOnce} hashing threads (gone when idle for a while) and {@code mostWaiting} hashes waiting. */
    static ThreadPoolExecutor threads(int atOnce, int mostWaiting) {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(
                atOnce,
                atOnce,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, mostWaiting)),
                PasswordHasher::hashingThread,
                new ThreadPoolExecutor.AbortPolicy());
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    private static Thread hashingThread(Runnable work) {
        Thread thread = new Thread(work, "password-hashing");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    String hash(String password) {
        return inTurn(() -> {
            char[] chars = password.toCharArray();
            try {
                return argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), chars, UTF_8);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    boolean verify(String password, String hash) {
        if (!hash.startsWith(ARGON2ID)) {
            return false;
        }
        return inTurn(() -> {
            char[] chars = password.toCharArray();
            try {
                return argon2.verify(hash, chars, UTF_8);
            } catch (RuntimeException malformed) {
                return false;
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    /** Hashes computed or waiting now. */
    private int busy() {
        return threads.getActiveCount() + threads.getQueue().size();
    }

    private <T> T inTurn(Supplier<T> work) {
        Future<T> result;
        try {
            result = threads.submit(() -> timed(work));
        } catch (RejectedExecutionException full) {
            throw busyNow();
        }
        try {
            return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw abandon(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(result);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A hash still waiting leaves the queue; one already computing finishes unseen. */
    private ServiceUnavailableResponse abandon(Future<?> result) {
        result.cancel(false);
        threads.remove((Runnable) result);
        return busyNow();
    }

    private <T> T timed(Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            long took = System.nanoTime() - started;
            meanNanos.updateAndGet(mean -> mean + (took - mean) / 8);
        }
    }

    /** The busy answer, with the seconds until the hashes ahead should be done. */
    private ServiceUnavailableResponse busyNow() {
        long aheadNanos = (busy() + 1) * meanNanos.get() / threads.getMaximumPoolSize();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(aheadNanos) + 1);
        return new ServiceUnavailableResponse("", Map.of(ErrorPages.RETRY_AFTER, Long.toString(seconds)));
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
            return !hash.startsWith(ARGON2ID)
                    || argon2.needsRehash(hash, cost.iterations(), cost.memoryKib(), cost.parallelism());
        } catch (RuntimeException malformed) {
            return true;
        }
    }
}
