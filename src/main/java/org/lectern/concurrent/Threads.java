package org.lectern.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Lectern's own threads: named, so a thread dump shows which pool each belongs to, and stopped in an orderly way. */
public final class Threads {
    private Threads() {}

    /** Daemon threads, so a forgotten close cannot keep the JVM alive. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Lets the executor finish the work it was given, for at most {@code patience}, then interrupts what is still
     * going. An interrupt of the caller cuts the wait short and is kept.
     */
    public static void shutdownAndWait(ExecutorService executor, Duration patience) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
