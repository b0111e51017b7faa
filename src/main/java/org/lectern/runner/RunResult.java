package org.lectern.runner;

/**
 * How a run ended and what it used. CPU, memory and processes count the whole process tree; processes is the most
 * alive at once, threads included. The stack dump is there only after a timeout.
 */
public record RunResult(
        RunStatus status,
        Integer exitCode,
        long wallMs,
        long cpuMs,
        long peakMemoryKb,
        long processes,
        long outputBytes,
        String stackDump) {

    /** A run that ended before it had a sandbox: stopped while queued, or the sandbox would not start. */
    static RunResult withoutSandbox(RunStatus status) {
        return new RunResult(status, null, 0, 0, 0, 0, 0, null);
    }
}
