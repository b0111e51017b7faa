package org.lectern.load;

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
 * Lectern as production runs it: {@code serve} in a JVM of its own, so that it can be measured (RSS, threads) and
 * killed with SIGKILL. Its output goes to a log file in the data folder's parent; its address is read from there.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("is running at http://localhost:(\\d+)/");
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The system property naming the server's jar ({@code target/lectern.jar}): the benches run what production runs,
     * since the test class path's hundred-odd jars, read as classes are looked up, cost the server heap and RSS that
     * the one shaded jar does not. Tests, which run before the jar is built, use the class path.
     */
    public static final String JAR_PROPERTY = "lectern.server.jar";

    /**
     * Starts {@code org.lectern.App serve} from the jar {@link #JAR_PROPERTY} names, or else with this JVM's class path, the JVM options given and the environment
     * given on top of a free port on loopback; waits until it listens.
     */
    public static ServerProcess start(List<String> jvmOptions, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
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
        command.add("serve");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", "0");
        builder.environment().put("LECTERN_HOST", "127.0.0.1");
        builder.environment().putAll(env);
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = builder.start();
            return new ServerProcess(process, log, awaitPort(process, log, logStart));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int awaitPort(Process process, Path log, long logStart) throws IOException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log).substring((int) logStart);
            Matcher running = RUNNING.matcher(output);
            if (running.find()) {
                return Integer.parseInt(running.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server ended with " + process.exitValue() + ":\n" + output);
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server did not start within " + START_PATIENCE + "; see " + log);
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

    /** Pids of every process the server started that is alive now (its sandboxes). */
    public List<Long> descendants() {
        return process.descendants().map(ProcessHandle::pid).toList();
    }

    /** The most memory the server's process has had resident (VmHWM), in KiB. */
    public long peakRssKib() {
        return statusField("VmHWM");
    }

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

    /** SIGTERM: the shutdown hook stops the server and closes the database. */
    public void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
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

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
