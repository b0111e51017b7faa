package org.lectern.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.lectern.testing.LecternProcess;
import org.lectern.testing.PrivateNats;

/**
 * The runner side of the load bench's cluster mode: a private nats-server and N runner nodes, each in a JVM of its own
 * with sandbox uids and a cgroup name of its own, so that what a killed node leaves can be told from what the others
 * have. It counts what each node executed (from its {@code /metrics}) and kills and restarts a node on demand.
 */
final class RunnerNodes implements AutoCloseable {
    private static final int UIDS_PER_NODE = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MARKER = "lectern-load-marked-run";
    /**
     * A run that lasts a few seconds and shows on its node: its child's command line carries the marker. Shorter than
     * the default wall-time limit (10 s), so that if it meets no kill it still ends by itself.
     */
    private static final String MARKED_RUN = "import subprocess, sys\n"
            + "subprocess.run([sys.executable, '-c', 'import time; time.sleep(8)', '" + MARKER + "'])\n";

    /** One life of a node: a restarted node has the same slot (cgroup name, uids) and a name of its own. */
    record Node(int slot, String id, LecternProcess process) {
        String cgroupName() {
            return cgroupName(slot);
        }

        static String cgroupName(int slot) {
            return LoadBench.CGROUP_NAME + "-runner-" + slot;
        }
    }

    /**
     * What killing a node did: its runs going at that moment, its sandbox processes and cgroup folders, what of them
     * remained once it was restarted, how long the web server took to notice and the successor to join, how the marked
     * run it was killed under and a run sent while it was away ended, and the runs the other nodes executed and the
     * learners saw end meanwhile.
     */
    record NodeCrash(
            String node,
            long pid,
            int runsGoing,
            int sandboxes,
            int cgroupsBeforeRestart,
            List<String> leftovers,
            String restartedAs,
            Duration noticedAfter,
            Duration backAfter,
            String markedRun,
            String runWhileAway,
            long runsByTheOthers,
            Map<String, Long> learnersRuns) {}

    private final PrivateNats nats;
    private final List<String> jvm;
    private final Map<String, String> env;
    private final Path work;
    private final int firstUid;
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final Map<String, Long> executed = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunnerNodes(PrivateNats nats, List<String> jvm, Map<String, String> env, Path work) {
        this.nats = nats;
        this.jvm = jvm;
        this.env = env;
        this.work = work;
        this.firstUid = Integer.parseInt(env.getOrDefault(
                "LECTERN_SANDBOX_FIRST_UID", System.getenv().getOrDefault("LECTERN_SANDBOX_FIRST_UID", "61000")));
    }

    /** Starts NATS and launches the nodes, without waiting for them: see {@link #awaitReady}. */
    static RunnerNodes launch(int count, List<String> jvm, Map<String, String> env, Path work) {
        RunnerNodes cluster = new RunnerNodes(PrivateNats.start(), jvm, env, work);
        for (int slot = 1; slot <= count; slot++) {
            cluster.nodes.add(cluster.launch(slot, "runner-" + slot));
        }
        return cluster;
    }

    private Node launch(int slot, String id) {
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.put("LECTERN_RUNNER_NODE_ID", id);
        nodeEnv.put("LECTERN_SANDBOX_FIRST_UID", Integer.toString(firstUid + UIDS_PER_NODE * slot));
        nodeEnv.put("LECTERN_SANDBOX_CGROUP_NAME", Node.cgroupName(slot));
        Path log = work.resolve(id + ".log");
        return new Node(slot, id, LecternProcess.runnerNode(jvm, nats.url(), nodeEnv, log));
    }

    String natsUrl() {
        return nats.url();
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    void awaitReady() {
        nodes.forEach(node -> node.process().awaitReady());
        // a node's first answers load classes, seconds on a busy machine: better now than in the middle of a kill
        countRuns();
        busyNodes();
    }

    /** Waits until the web server's {@code /health} counts this many live runner nodes. */
    void awaitSeenBy(String webUrl, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode runner = json(webUrl + "/health").path("runner");
        while (runner.path("nodes").asInt(-1) != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The web server did not see " + count + " runner nodes within "
                        + PATIENCE.toSeconds() + " s; its /health said " + runner);
            }
            pause();
            runner = json(webUrl + "/health").path("runner");
        }
    }

    void observe(Peaks peaks) {
        nodes.forEach(node -> peaks.observe(node.id(), node.process()));
    }

    /** Reads every live node's count of executed runs; a killed node keeps the count read just before the kill. */
    synchronized void countRuns() {
        for (Node node : nodes) {
            long runs = executedRuns(node);
            if (runs >= 0) {
                executed.put(node.id(), runs);
            }
        }
    }

    /** Runs executed per node, as last counted. */
    synchronized Map<String, Long> runsPerNode() {
        return new LinkedHashMap<>(executed);
    }

    /**
     * Sends a run of its own that takes a few seconds, SIGKILLs the node it landed on, waits until the web server has
     * noticed, sends another run, then starts a successor in the same slot and checks what the dead one left.
     */
    NodeCrash killAndRestart(String webUrl, Figures figures, Peaks peaks) {
        observe(peaks);
        countRuns();
        Marked marked = markedRun(webUrl);
        Node victim = marked.node();
        int going = json(victim.process().url("/health")).path("active").asInt();
        List<Long> sandboxes = victim.process().descendants();
        Map<String, Long> learnersBefore = figures.runs();
        long othersBefore = executedByOthers(victim);
        long killedAt = System.nanoTime();
        victim.process().kill();
        awaitSeenBy(webUrl, nodes.size() - 1);
        Duration noticed = Duration.ofNanos(System.nanoTime() - killedAt);
        String markedEnd = marked.end().join();
        String runWhileAway = runTaken(webUrl, "print('while a node is away')");
        int cgroups =
                Leftovers.cgroups(victim.process().pid(), victim.cgroupName()).size();
        Node successor = launch(victim.slot(), victim.id() + "-restarted");
        successor.process().awaitReady();
        long othersAfter = executedByOthers(victim);
        Map<String, Long> learnersAfter = figures.runs();
        List<String> leftovers = Leftovers.of(victim.process().pid(), sandboxes, victim.cgroupName());
        nodes.set(nodes.indexOf(victim), successor);
        awaitSeenBy(webUrl, nodes.size());
        Duration back = Duration.ofNanos(System.nanoTime() - killedAt);
        return new NodeCrash(
                victim.id(),
                victim.process().pid(),
                going,
                sandboxes.size(),
                cgroups,
                leftovers,
                successor.id(),
                noticed,
                back,
                markedEnd,
                runWhileAway,
                othersAfter - othersBefore,
                difference(learnersBefore, learnersAfter));
    }

    /**
     * A guest's run over {@code POST /api/runs}: its status and first line of stderr, or what the web server answered
     * instead.
     */
    private CompletableFuture<String> runAsync(String webUrl, String code) {
        String body = FrameSocket.JSON.createObjectNode().put("code", code).toString();
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create(webUrl + "/api/runs"))
                                .header("Content-Type", "application/json")
                                .timeout(PATIENCE)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> {
                    JsonNode run = parse(answer.body());
                    return answer.statusCode() == 200
                            ? run.path("status").asText()
                            : answer.statusCode() + " " + answer.body();
                })
                .exceptionally(Learner::rootName);
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new LinkedHashMap<>();
        after.forEach((key, n) -> {
            long earlier = before.getOrDefault(key, 0L);
            if (n > earlier) {
                grown.put(key, n - earlier);
            }
        });
        return grown;
    }

    /** A marked run going, and the node it runs on. */
    private record Marked(Node node, CompletableFuture<String> end) {}

    /**
     * Sends the marked run and finds the node whose sandbox has its child process (by its command line), sending it
     * again while the cluster answers busy or the run ends unseen; the first node, with no run, if it never shows.
     */
    private Marked markedRun(String webUrl) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        CompletableFuture<String> marked = runAsync(webUrl, MARKED_RUN);
        while (System.nanoTime() < deadline) {
            for (Node node : nodes) {
                if (node.process().descendants().stream().anyMatch(RunnerNodes::isMarked)) {
                    return new Marked(node, marked);
                }
            }
            if (marked.isDone()) {
                marked = runAsync(webUrl, MARKED_RUN);
            }
            pause();
        }
        return new Marked(nodes.get(0), CompletableFuture.completedFuture("never seen on a node"));
    }

    /** A run's end, sent again while the cluster answers busy (HTTP 503), for a while. */
    private String runTaken(String webUrl, String code) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String end = runAsync(webUrl, code).join();
        while (end.startsWith("503 ") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            end = runAsync(webUrl, code).join();
        }
        return end;
    }

    private static boolean isMarked(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                    .contains(MARKER);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private long executedByOthers(Node victim) {
        return nodes.stream()
                .filter(node -> node != victim)
                .mapToLong(this::executedRuns)
                .filter(runs -> runs >= 0)
                .sum();
    }

    /** The node's {@code lectern_runs_total} over all statuses, or -1 when it does not answer. */
    private long executedRuns(Node node) {
        String metrics = get(node.process().url("/metrics"));
        if (metrics == null) {
            return -1;
        }
        return Math.round(metrics.lines()
                .filter(line -> line.startsWith("lectern_runs_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
    }

    /**
     * The nodes that still have runs going or waiting once the learners have stopped and every run had time to end:
     * a run whose learner went away (or whose web server was killed) ends at its node by its own limits.
     */
    List<String> notIdle() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> busy = busyNodes();
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            pause();
            busy = busyNodes();
        }
        return busy;
    }

    private List<String> busyNodes() {
        List<String> busy = new ArrayList<>();
        for (Node node : nodes) {
            JsonNode health = json(node.process().url("/health"));
            if (health.path("active").asInt(-1) != 0 || health.path("queued").asInt(-1) != 0) {
                busy.add(node.id() + " " + health);
            }
        }
        return busy;
    }

    private JsonNode json(String url) {
        return parse(get(url));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? FrameSocket.JSON.createObjectNode() : FrameSocket.JSON.readTree(body);
        } catch (Exception e) {
            return FrameSocket.JSON.createObjectNode();
        }
    }

    /** The body of a GET, whatever its status, or null when nothing answered. */
    private String get(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(PATIENCE)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the nodes as an operator would (each removes its own cgroups), then NATS. */
    @Override
    public void close() {
        LecternProcess.stopAll(nodes.stream().map(Node::process).toList());
        nats.close();
    }
}
