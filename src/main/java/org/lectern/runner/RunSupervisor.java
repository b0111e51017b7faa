package org.lectern.runner;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of supervisor threads, one per run going at once, with a bounded first-in-first-out queue in front. A
 * full queue turns a run away at once, rather than letting waits grow without end.
 */
final class RunSupervisor implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final RunExecution execution;
    /** Runs with a sandbox of their own now; counted down before their exit event goes out. */
    private final AtomicInteger going = new AtomicInteger();

    RunSupervisor(int concurrency, int queueSize, RunExecution execution, ThreadFactory threads) {
        BlockingQueue<Runnable> queue = queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize);
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS, queue, threads);
        this.execution = execution;
    }

    /**
     * Queues the run; tells its listener its place in the queue when it has to wait, and again each time it moves up
     * (a run ahead started or was stopped).
     */
    void submit(Run run) throws RunRejected {
        Runnable task = new Task(run);
        run.whenQueuedStopped(() -> {
            if (executor.remove(task)) {
                execution.conclude(run, RunResult.withoutSandbox(RunStatus.STOPPED), Instant.now());
                announcePositions();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException full) {
            throw new RunRejected(
                    RunRejected.Reason.BUSY, "The runner is busy with other people's code. Try again in a moment.");
        }
        announcePositions();
    }

    /**
     * Tells every waiting run its place. The queue is bounded, so this costs at most a pass over a few entries; a run
     * sends a frame only when its place changed.
     */
    private void announcePositions() {
        int position = 1;
        for (Runnable waiting : executor.getQueue()) {
            ((Task) waiting).run.queued(position++);
        }
    }

    int queueDepth() {
        return executor.getQueue().size();
    }

    int active() {
        return going.get();
    }

    /** Stops every run: queued ones end as stopped, going ones are interrupted, which kills their sandboxes. */
    @Override
    public void close() {
        List<Runnable> neverStarted = executor.shutdownNow();
        for (Runnable task : neverStarted) {
            execution.conclude(((Task) task).run, RunResult.withoutSandbox(RunStatus.STOPPED), Instant.now());
        }
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Task implements Runnable {
        private final Run run;

        Task(Run run) {
            this.run = run;
        }

        @Override
        public void run() {
            // this run has left the queue: everyone behind it moves up
            announcePositions();
            going.incrementAndGet();
            execution.execute(run, going::decrementAndGet);
        }
    }
}
