package org.lectern.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lectern.testing.PrivateNats;
import org.lectern.testing.TestFiles;

/**
 * {@code bench/load} and {@code bench/crash}: starts the server in a JVM of its own on a fresh data folder (with
 * {@code LOAD_RUNNER_NODES=N}, over a private NATS with N runner nodes in JVMs of their own), lets N learners loose
 * on it for a while, prints what it measured, stops it and checks the database against what the learners were told.
 * With {@code LOAD_CRASH} the web server, a runner node or both are SIGKILLed during the load, checked for leftovers
 * and restarted, and the learners carry on.
 */
public final class LoadBench {
    /** The JVM options the README's run command gives the server; {@code LECTERN_JAVA_OPTS} replaces them. */
    public static final List<String> SERVER_JVM = List.of(
            "-Xmx112m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=32m",
            "-XX:ThreadPriorityPolicy=1",
            "-XX:JavaPriority1_To_OSPriority=10");

    public static final String CGROUP_NAME = "lectern-load";

    /** What may be SIGKILLed under load; several are spread evenly over the time, in this order. */
    public enum Fault {
        RUNNER_NODE,
        WEB
    }

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int learners = Integer.parseInt(env.getOrDefault("LOAD_LEARNERS", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOAD_SECONDS", "60")));
        long think = Long.parseLong(env.getOrDefault("LOAD_THINK_MS", "1000"));
        Duration ramp = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOAD_RAMP_SECONDS", "20")));
        RunMix runs = RunMix.parse(env.getOrDefault("LOAD_RUNS", "realistic"));
        int runnerNodes = Integer.parseInt(env.getOrDefault("LOAD_RUNNER_NODES", "0"));
        List<Fault> faults = faults(env.getOrDefault("LOAD_CRASH", "false"), runnerNodes);
        if (runnerNodes > 0 && PrivateNats.binary().isEmpty()) {
            System.err.println("LOAD_RUNNER_NODES needs a nats-server (apt-get install nats-server)");
            System.exit(2);
        }
        List<String> jvm = env.containsKey("LECTERN_JAVA_OPTS")
                ? Arrays.asList(env.get("LECTERN_JAVA_OPTS").trim().split("\\s+"))
                : SERVER_JVM;
        System.out.println("learners' JVM:    " + LearnersWeight.raise());
        Path work = Files.createTempDirectory("lectern-load-");
        int status = 1;
        try {
            status = new LoadSession(work, jvm, Path.of("content"), Map.of(), runnerNodes)
                    .measure(learners, duration, ramp, think, runs, faults);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            keepLogs(work);
        }
        if (status != 0 && Files.isDirectory(work.resolve("data"))) {
            Path kept = Path.of("target", "load-data");
            TestFiles.deleteTree(kept);
            TestFiles.copyTree(work.resolve("data"), kept);
            System.out.println("data kept:        " + kept + " (a target was missed)");
        }
        TestFiles.deleteTree(work);
        System.exit(status);
    }

    /**
     * {@code LOAD_CRASH}: {@code false}, {@code web}, {@code runner-node}, or {@code true} for every process there is
     * to kill (a runner node, then the web server, when there are runner nodes).
     */
    static List<Fault> faults(String crash, int runnerNodes) {
        return switch (crash) {
            case "false" -> List.of();
            case "web" -> List.of(Fault.WEB);
            case "true" -> runnerNodes > 0 ? List.of(Fault.RUNNER_NODE, Fault.WEB) : List.of(Fault.WEB);
            case "runner-node" -> {
                if (runnerNodes == 0) {
                    throw new IllegalArgumentException("LOAD_CRASH=runner-node needs LOAD_RUNNER_NODES of 1 or more");
                }
                yield List.of(Fault.RUNNER_NODE);
            }
            default ->
                throw new IllegalArgumentException(
                        "LOAD_CRASH is false, true, web or runner-node, not \"" + crash + "\"");
        };
    }

    /** The server's log as target/load-server.log, each runner node's as target/load-runner-….log. */
    private static void keepLogs(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Path kept = Path.of("target", "load-" + log.getFileName());
                Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("log kept:         " + kept);
            }
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
