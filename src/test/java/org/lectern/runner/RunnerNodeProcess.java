package org.lectern.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.testing.LecternProcess;

/**
 * A runner node in a JVM of its own, started as {@code java ... org.lectern.App runner --nats <url>}, so that a test
 * can kill it with a real SIGKILL. Its output goes to {@code target/runner-nodes/<id>.log}.
 */
final class RunnerNodeProcess implements AutoCloseable {
    final String id;
    private final LecternProcess process;

    private RunnerNodeProcess(String id, LecternProcess process) {
        this.id = id;
        this.process = process;
    }

    /**
     * @param firstUid the first sandbox uid of this node: nodes on one machine need ranges of their own
     * @param settings more environment variables, e.g. capacity
     */
    static RunnerNodeProcess start(String natsUrl, String id, int firstUid, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("LECTERN_RUNNER_NODE_ID", id);
        env.put("LECTERN_SANDBOX_FIRST_UID", Integer.toString(firstUid));
        env.put("LECTERN_SANDBOX_CGROUP_NAME", "lectern-test");
        env.put("LECTERN_RUNNER_WALL_TIME", "20s");
        env.putAll(settings);
        Path log = Path.of("target", "runner-nodes", id + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunnerNodeProcess(id, LecternProcess.runnerNode(List.of("-Xmx256m"), natsUrl, env, log));
    }

    /** The node's HTTP port, once it has joined the cluster. */
    int awaitReady() {
        try {
            return process.awaitReady().port();
        } catch (IllegalStateException e) {
            throw new AssertionError("runner node " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** SIGKILL: no shutdown hook runs, no farewell heartbeat goes out. */
    void kill() {
        process.kill();
    }

    /** A gentle stop, so the node removes its cgroups; killed if it does not go. */
    @Override
    public void close() {
        process.close();
    }
}
