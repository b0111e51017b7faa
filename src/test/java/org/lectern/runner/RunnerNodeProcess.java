package org.lectern.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runner node in a JVM of its own, started as {@code java ... org.lectern.App runner --nats <url>}, so that a test
 * can kill it with a real SIGKILL. Its output goes to {@code target/runner-nodes/<id>.log}.
 */
final class RunnerNodeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("health and metrics at http://localhost:(\\d+)/");

    final String id;
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private RunnerNodeProcess(String id, Process process, Path log) {
        this.id = id;
        this.process = process;
        Thread reader = new Thread(() -> copy(log), "runner-node-" + id + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param firstUid the first sandbox uid of this node: nodes on one machine need ranges of their own
     * @param settings more environment variables, e.g. capacity
     */
    static RunnerNodeProcess start(String natsUrl, String id, int firstUid, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("LECTERN_HOST", "127.0.0.1");
        env.put("LECTERN_RUNNER_NODE_ID", id);
        env.put("LECTERN_SANDBOX_FIRST_UID", Integer.toString(firstUid));
        env.put("LECTERN_SANDBOX_CGROUP_NAME", "lectern-test");
        env.put("LECTERN_RUNNER_WALL_TIME", "20s");
        env.putAll(settings);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.lectern.App",
                        "runner",
                        "--nats",
                        natsUrl)
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Path log = Path.of("target", "runner-nodes", id + ".log");
            Files.createDirectories(log.getParent());
            return new RunnerNodeProcess(id, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's HTTP port, once it has joined the cluster. */
    int awaitReady() {
        try {
            return port.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("runner node " + id + " did not start within 90 s; see target/runner-nodes");
        } catch (Exception e) {
            throw new AssertionError("runner node " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** SIGKILL: no shutdown hook runs, no farewell heartbeat goes out. */
    void kill() {
        killNow(process);
    }

    /** SIGKILL, then waits until the process is gone. */
    static void killNow(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copy(Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    port.complete(Integer.parseInt(ready.group(1)));
                }
            }
        } catch (IOException e) {
            // the process died; whoever waits for it hears below
        }
        port.completeExceptionally(new IllegalStateException("the process ended"));
    }

    @Override
    public void close() {
        // a gentle stop first, so the node removes its cgroups; then make sure
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
