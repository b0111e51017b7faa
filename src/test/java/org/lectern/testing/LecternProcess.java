package org.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lectern as production runs it: {@code org.lectern.App serve} or {@code runner --nats <url>} in a JVM of its own, so
 * that it can be measured (RSS, threads) and killed with SIGKILL. Its output is appended to a log file, and its port
 * is read from there. Starting does not wait, so that several processes can boot at once; {@link #awaitReady} does.
 */
public final class LecternProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("is running at http://localhost:(\\d+)/");
    private static final Pattern RUNNER_NODE = Pattern.compile("health and metrics at http://localhost:(\\d+)/");
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final long logStart;
    private final Pattern ready;
    private volatile int port;

    private LecternProcess(Process process, Path log, long logStart, Pattern ready) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.ready = ready;
    }

    /**
     * The system property naming the server's jar ({@code target/lectern.jar}): the benches run what production runs,
     * since the test class path's hundred-odd jars, read as classes are looked up, cost the server heap and RSS that
     * the one shaded jar does not. Tests, which run before the jar is built, use the class path.
     */
    public static final String JAR_PROPERTY = "lectern.server.jar";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Starts {@code serve}; the environment given goes on top of this one's, with a free port on loopback. */
    public static LecternProcess server(List<String> jvmOptions, Map<String, String> env, Path log) {
        return launch(jvmOptions, env, log, SERVING, List.of("serve"));
    }

    /** Starts a runner node that takes its runs from the NATS server at this URL. */
    public static LecternProcess runnerNode(
            List<String> jvmOptions, String natsUrl, Map<String, String> env, Path log) {
        return launch(jvmOptions, env, log, RUNNER_NODE, List.of("runner", "--nats", natsUrl));
    }

    private static LecternProcess launch(
            List<String> jvmOptions, Map<String, String> env, Path log, Pattern ready, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // a session of its own, as a service has: the server's session group (see runner.Autogroup) is then its
            // own, and the learners' JVM of a bench does not share the weight the server gives that group
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add("-cp");
            // surefire may hide the real class path behind a manifest-only jar; it names the real one here
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add("org.lectern.App");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", "0");
        builder.environment().put("LECTERN_HOST", "127.0.0.1");
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            return new LecternProcess(builder.start(), log, logStart, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the process says where it listens (health and metrics, for a runner node); returns it. */
    public LecternProcess awaitReady() {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (port == 0) {
            String output = output();
            Matcher running = ready.matcher(output);
            if (running.find()) {
                port = Integer.parseInt(running.group(1));
            } else if (!process.isAlive()) {
                throw new IllegalStateException("The process ended with " + process.exitValue() + ":\n" + output);
            } else if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The process did not start within " + START_PATIENCE + "; see " + log);
            } else {
                pause(Duration.ofMillis(100));
            }
        }
        return this;
    }

    /** What this process (not an earlier one with the same log) wrote so far. */
    private String output() {
        try {
            return Files.readString(log).substring((int) logStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return log;
    }

    /** Pids of every process this one started that is alive now (its sandboxes). */
    public List<Long> descendants() {
        return process.descendants().map(ProcessHandle::pid).toList();
    }

    /** The most memory the process has had resident (VmHWM), in KiB; -1 once it is gone. */
    public long peakRssKib() {
        return statusField("VmHWM");
    }

    /** Its threads now; -1 once it is gone. */
    public long threads() {
        return statusField("Threads");
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException gone) {
            return -1;
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a power cut would end it: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the shutdown hook stops the server (or node) and lets go of its database (or sandboxes). */
    public void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    /** SIGTERM to all of them at once, then as {@link #stop} for each: they shut down side by side. */
    public static void stopAll(List<LecternProcess> processes) {
        processes.forEach(p -> p.process.destroy());
        processes.forEach(LecternProcess::stop);
    }

    private boolean awaitExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
