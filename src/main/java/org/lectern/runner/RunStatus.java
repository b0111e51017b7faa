package org.lectern.runner;

import java.util.Locale;

/**
 * How a run ended. Every status but ok and error names the limit that ended it, the learner's stop, or the loss of
 * the runner node that had it.
 */
public enum RunStatus {
    OK,
    ERROR,
    TIMEOUT,
    CPU_LIMIT,
    MEMORY_LIMIT,
    PROCESS_LIMIT,
    OUTPUT_LIMIT,
    STOPPED,
    /** The runner node running it died or could no longer be reached (runner nodes over NATS only). */
    RUNNER_LOST;

    /** The name clients and the database see: ok, cpu_limit, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decides the status once the sandbox is gone. A status imposed while it ran wins. Otherwise the cgroup tells what
     * the exit code cannot: bwrap reports a signal death as 128+N, so a learner's {@code exit(137)} would look like an
     * OOM kill, and a limit can be hit just before the program ends by itself.
     */
    static RunStatus settle(
            RunStatus imposed, long oomKills, long taskLimitHits, boolean cpuLimitReached, int exitCode) {
        if (imposed != null) {
            return imposed;
        }
        if (taskLimitHits > 0) {
            return PROCESS_LIMIT;
        }
        if (oomKills > 0) {
            return MEMORY_LIMIT;
        }
        if (cpuLimitReached) {
            return CPU_LIMIT;
        }
        return exitCode == 0 ? OK : ERROR;
    }

    /** The exit code is the program's own only when nothing had to kill it. */
    boolean endedByItself() {
        return this == OK || this == ERROR;
    }
}
