package org.lectern.runner;

import java.time.Duration;
import java.time.Instant;

/** What is recorded of a run for analytics once it has ended. */
record FinishedRun(
        String runId,
        RunCaller caller,
        RunRequest.Source source,
        int codeBytes,
        RunResult result,
        Duration queued,
        Instant startedAt,
        Instant finishedAt) {

    FinishedRun(Run run, RunResult result, Instant startedAt, Instant finishedAt) {
        this(
                run.id(),
                run.request().caller(),
                run.request().source(),
                run.request().code().length,
                result,
                Duration.between(run.acceptedAt(), startedAt),
                startedAt,
                finishedAt);
    }
}
