package org.lectern.runner;

/**
 * The NATS subjects of one cluster, all under its prefix. Runs are submitted to one subject that runner nodes share
 * as a queue group; each run then has its own two subjects, one each way.
 */
record RunSubjects(String prefix) {
    String submit() {
        return prefix + ".runs.submit";
    }

    /** The queue group runner nodes join on {@link #submit()}: each run goes to one of them. */
    String runnersGroup() {
        return prefix + "-runners";
    }

    String heartbeat() {
        return prefix + ".runners.heartbeat";
    }

    /** Runner to web node: queued, started, output, exit. */
    String events(String runId) {
        return prefix + ".run." + runId + ".events";
    }

    /** Web node to runner: stdin, end of input, stop. */
    String control(String runId) {
        return prefix + ".run." + runId + ".control";
    }
}
