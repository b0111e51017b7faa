package org.lectern.runner;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of supervisor threads, one per run going at once, with a bounded queue in front. A full queue turns a
 * run away at once, rather than letting waits grow without end. Graded runs (a check's) wait ahead of learners' own
 * runs, first come first served within each: a verdict is what a learner waits for, and a check may take several runs
 * in a row, each of which would otherwise queue behind every free run that came in meanwhile.
 */
final class RunSupervisor implements AutoCloseable {
    private static final Comparator<Runnable> TURN = Comparator.<Runnable, Boolean>comparing(
                    task -> !((Task) task).run.request().graded())
            .thenComparingLong(task -> ((Task) task).arrival);

    private final ThreadPoolExecutor executor;
    private final RunExecution execution;
    /** How many runs may be going or waiting at once; one more is turned away. */
    private final int room;
    /** Runs going or waiting: taken in {@link #submit}, given back once a run's supervisor thread is free again. */
    private int taken;

    private final AtomicLong arrivals = new AtomicLong();
    /** Runs with a sandbox of their own now; counted down before their exit event goes out. */
    private final AtomicInteger going = new AtomicInteger();

    RunSupervisor(int concurrency, int queueSize, RunExecution execution, ThreadFactory threads) {
        this.executor = new ThreadPoolExecutor(
                concurrency, concurrency, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(11, TURN), threads);
        this.execution = execution;
        this.room = concurrency + queueSize;
    }

    /**
     * Queues the run; tells its listener its place in the queue when it has to wait, and again each time its place
     * changes (a run ahead started or was stopped, or a graded run came in ahead of it).
     */
    void submit(Run run) throws RunRejected {
        synchronized (this) {
            if (taken == room) {
                throw new RunRejected(
                        RunRejected.Reason.BUSY, "The runner is busy with other people's code. Try again in a moment.");
            }
            taken++;
        }
        Task task = new Task(run, arrivals.incrementAndGet());
        run.whenQueuedStopped(() -> {
            if (executor.remove(task)) {
                giveBack();
                execution.conclude(run, RunResult.withoutSandbox(RunStatus.STOPPED), Instant.now());
                announcePositions();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            giveBack();
            throw new RunRejected(
                    RunRejected.Reason.UNAVAILABLE, "The runner is shutting down. Try again in a moment.");
        }
        announcePositions();
    }

    private synchronized void giveBack() {
        taken--;
    }

    /**
     * Tells every waiting run its place. The queue is bounded, so this costs at most a sort of a few entries. Taking
     * the places and telling them happen under one lock, so the last places told are the queue's latest; a run sends
     * a frame only when its place changed.
     */
    private synchronized void announcePositions() {
        Object[] waiting = executor.getQueue().toArray();
        Arrays.sort(waiting, (a, b) -> TURN.compare((Runnable) a, (Runnable) b));
        int position = 1;
        for (Object task : waiting) {
            ((Task) task).run.queued(position++);
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
        private final long arrival;

        Task(Run run, long arrival) {
            this.run = run;
            this.arrival = arrival;
        }

        @Override
        public void run() {
            try {
                // this run has left the queue: everyone behind it moves up
                announcePositions();
                going.incrementAndGet();
                execution.execute(run, going::decrementAndGet);
            } finally {
                giveBack();
            }
        }
    }
}
