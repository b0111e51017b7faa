package org.lectern.challenge;

import java.util.concurrent.CompletableFuture;
import org.lectern.runner.ProgramRuns;
import org.lectern.runner.RunResult;
import org.lectern.runner.RunStatus;

/**
 * Ordinary runs one after the other, as a repeated check and Run ×N make them: the next starts when the last has
 * ended, until there are enough, one ends with a limit or a stop, or whoever asked stops them all. A refusal of a
 * later run (a quota, a full queue) ends them with that refusal.
 */
final class RunsInARow {
    private final int times;
    private final Step step;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile ProgramRuns.Handle current;
    private volatile boolean stopped;
    private int finished;

    /** What to run each time, and what to make of each run's end. */
    interface Step {
        /** Starts run number {@code run} (1-based). */
        ProgramRuns.Handle start(int run) throws ProgramRuns.Refused;

        /** Run number {@code run} has ended, before the next starts. */
        void ended(int run, RunResult result);
    }

    RunsInARow(int times, Step step) {
        this.times = times;
        this.step = step;
    }

    /** Starts the first run; a refusal of it comes back at once. */
    CompletableFuture<Void> start() throws ProgramRuns.Refused {
        next();
        return done;
    }

    void stop() {
        stopped = true;
        ProgramRuns.Handle run = current;
        if (run != null) {
            run.stop();
        }
    }

    boolean stopped() {
        return stopped;
    }

    private void next() throws ProgramRuns.Refused {
        current = step.start(finished + 1);
        current.done().whenComplete((result, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            finished++;
            step.ended(finished, result);
            if (result.status() == RunStatus.STOPPED) {
                stopped = true;
            }
            boolean goOn = finished < times
                    && !stopped
                    && (result.status() == RunStatus.OK || result.status() == RunStatus.ERROR);
            if (!goOn) {
                done.complete(null);
                return;
            }
            try {
                next();
            } catch (ProgramRuns.Refused refused) {
                done.completeExceptionally(refused);
            }
        });
    }
}
