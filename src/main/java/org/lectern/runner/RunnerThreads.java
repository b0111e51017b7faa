package org.lectern.runner;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the runner's threads, so a thread dump shows which pool each belongs to. */
final class RunnerThreads {
    private RunnerThreads() {}

    /** Daemon threads, so a forgotten close cannot keep the JVM alive. */
    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
