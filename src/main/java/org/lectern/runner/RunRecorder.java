package org.lectern.runner;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.lectern.concurrent.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished runs on a thread of its own behind a bounded queue, so a slow database never holds up a run. When
 * the queue is full the record is dropped and counted: analytics may lose a row, learners never wait for it.
 */
final class RunRecorder implements Consumer<FinishedRun>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);
    private static final int QUEUE = 1000;

    private final RunRepository repository;
    private final Consumer<FinishedRun> afterWrite;
    private final ThreadPoolExecutor writer;
    private final AtomicLong dropped = new AtomicLong();

    /** {@code afterWrite} hears of each run once its row is written (or failed to be). */
    RunRecorder(RunRepository repository, Consumer<FinishedRun> afterWrite) {
        this.repository = repository;
        this.afterWrite = afterWrite;
        this.writer = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), Threads.named("runner-recorder"));
    }

    @Override
    public void accept(FinishedRun run) {
        try {
            writer.execute(() -> write(run));
        } catch (RejectedExecutionException full) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.warn("The run record queue is full; {} records dropped so far", count);
            }
        }
    }

    private void write(FinishedRun run) {
        try {
            repository.insert(run);
        } catch (RuntimeException e) {
            log.error("Could not record run {}", run.runId(), e);
        }
        afterWrite.accept(run);
    }

    /** Writes what is queued, for a while, then gives up. */
    @Override
    public void close() {
        Threads.shutdownAndWait(writer, Duration.ofSeconds(5));
    }
}
