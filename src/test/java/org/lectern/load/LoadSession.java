package org.lectern.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.lectern.config.Config;
import org.lectern.testing.LecternProcess;

/**
 * One load bench run: a web server (and, in cluster mode, its runner nodes over a private NATS), its data folder, and
 * the learners, with the faults asked for during the load. Tests use it with small numbers.
 */
public final class LoadSession {
    static final String WEB = "web";

    private final Path work;
    private final List<String> jvm;
    private final Path content;
    private final int runnerNodes;
    private final Map<String, String> serverEnv = new HashMap<>();
    private final List<String> report = new ArrayList<>();
    private final Peaks peaks = new Peaks();
    private volatile LecternProcess server;
    private RunnerNodes cluster;
    private Crash crash;
    private RunnerNodes.NodeCrash nodeCrash;
    private List<String> ledgerProblems = List.of();
    private List<String> notIdle = List.of();
    private Map<String, Long> runsPerNode = Map.of();
    private LoadRun run;
    private Duration startup = Duration.ZERO;
    private double loadFromUptime;
    private static final String SERVER_GC_LOG = "server-gc.log";
    private static final String RESTARTED_GC_LOG = "server-restarted-gc.log";

    /**
     * @param extraEnv settings for the web server and the runner nodes, on top of the bench's
     * @param runnerNodes 0 for one server that runs the code itself; else the web server runs none and this many
     *     runner nodes do
     */
    public LoadSession(Path work, List<String> jvm, Path content, Map<String, String> extraEnv, int runnerNodes) {
        this.work = work;
        this.jvm = jvm;
        this.content = content;
        this.runnerNodes = runnerNodes;
        serverEnv.put("LECTERN_DATA_DIR", work.resolve("data").toString());
        serverEnv.put("LECTERN_CONTENT_DIR", content.toAbsolutePath().toString());
        serverEnv.put("LECTERN_SANDBOX_CGROUP_NAME", LoadBench.CGROUP_NAME);
        // glibc gives threads that allocate their own malloc arenas (up to 8 per core); two are plenty
        serverEnv.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        // a password hash's 9 MiB is mapped for it and unmapped after, not kept in an arena for the next one
        serverEnv.put("MALLOC_MMAP_THRESHOLD_", System.getenv().getOrDefault("MALLOC_MMAP_THRESHOLD_", "1048576"));
        serverEnv.putAll(extraEnv);
    }

    public LoadRun run() {
        return run;
    }

    /** What the web server's kill left, or null when it was not killed. */
    public Crash crash() {
        return crash;
    }

    /** What a runner node's kill did and left, or null when none was killed. */
    public RunnerNodes.NodeCrash nodeCrash() {
        return nodeCrash;
    }

    public List<String> ledgerProblems() {
        return ledgerProblems;
    }

    /** Runner nodes that still had runs going or queued well after the learners stopped. */
    public List<String> nodesNotIdle() {
        return notIdle;
    }

    /** Runs each runner node executed (a killed node's as counted just before the kill). */
    public Map<String, Long> runsPerNode() {
        return runsPerNode;
    }

    public Peaks.Peak peak(String process) {
        return peaks.of(process);
    }

    /** Runs the load with the faults spread evenly over it, prints the figures; returns 0 if the targets held. */
    public int measure(
            int learners, Duration duration, Duration ramp, long thinkMillis, RunMix runs, List<LoadBench.Fault> faults)
            throws Exception {
        try {
            long booting = System.nanoTime();
            startAll();
            startup = Duration.ofNanos(System.nanoTime() - booting);
            run = LoadRun.prepare(server.url(""), content, learners, thinkMillis, runs);
            String loadBefore = LoadBench.loadAverage();
            long started = System.nanoTime();
            loadFromUptime = uptimeSeconds(server.pid());
            Thread sampler = sampler();
            Thread load = new Thread(() -> run.run(duration, ramp), "load");
            load.start();
            for (int i = 0; i < faults.size(); i++) {
                long at = started + duration.toNanos() * (i + 1) / (faults.size() + 1);
                Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
                switch (faults.get(i)) {
                    case WEB -> crashAndRestart();
                    case RUNNER_NODE -> killRunnerNode();
                }
            }
            load.join();
            keepMetrics();
            double seconds = (System.nanoTime() - started) / 1e9;
            String loadAfter = LoadBench.loadAverage();
            sampler.interrupt();
            sampler.join();
            observe();
            if (cluster != null) {
                cluster.countRuns();
                runsPerNode = cluster.runsPerNode();
                notIdle = cluster.notIdle();
            }
            server.stop();
            ledgerProblems = checkDatabase();
            return new LoadReport(this, faults).print(learners, runs, seconds, loadBefore, loadAfter);
        } finally {
            if (server != null) {
                server.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** The runner nodes and the web server boot at the same time; the load starts when the server sees every node. */
    private void startAll() {
        if (runnerNodes > 0) {
            // the bench's own runs, sent while a node is killed, are a guest's; the learners are not guests
            serverEnv.putIfAbsent("LECTERN_GUEST_RUNS_PER_MINUTE", "600");
            cluster = RunnerNodes.launch(runnerNodes, jvm, Map.copyOf(serverEnv), work);
            serverEnv.put("LECTERN_RUNNERS", cluster.natsUrl());
        }
        server = LecternProcess.server(withGcLog(SERVER_GC_LOG), serverEnv, work.resolve("server.log"));
        if (cluster != null) {
            cluster.awaitReady();
        }
        server.awaitReady();
        awaitEveryNode();
    }

    private void awaitEveryNode() {
        if (cluster != null) {
            cluster.awaitSeenBy(server.url(""), runnerNodes);
        }
    }

    /**
     * What a SIGKILL of the web server left: its sandbox processes and its cgroup folders just after it died (none in
     * cluster mode: its runner nodes run the code), and what of them remained once a new server had started on the
     * same data folder.
     */
    public record Crash(long pid, int sandboxes, int cgroupsBeforeRestart, List<String> leftovers) {}

    /** SIGKILL, look at what was left, restart on the same folder and port, check that the leftovers are gone. */
    public Crash crashAndRestart() {
        peaks.observe(WEB, server);
        long pid = server.pid();
        List<Long> sandboxes = server.descendants();
        int port = server.port();
        server.kill();
        int cgroups = Leftovers.cgroups(pid, LoadBench.CGROUP_NAME).size();
        Map<String, String> env = new HashMap<>(serverEnv);
        env.put("PORT", Integer.toString(port));
        server = LecternProcess.server(withGcLog(RESTARTED_GC_LOG), env, work.resolve("server.log"))
                .awaitReady();
        awaitEveryNode();
        crash = new Crash(pid, sandboxes.size(), cgroups, Leftovers.of(pid, sandboxes, LoadBench.CGROUP_NAME));
        report.add("killed the web server " + pid + " with " + sandboxes.size() + " sandbox processes and " + cgroups
                + " cgroup folders; restarted as " + server.pid() + " on port " + port
                + "; left over after the restart: "
                + (crash.leftovers().isEmpty() ? "nothing" : crash.leftovers()));
        return crash;
    }

    private void killRunnerNode() {
        nodeCrash = cluster.killAndRestart(server.url(""), run.figures(), peaks);
        RunnerNodes.NodeCrash c = nodeCrash;
        report.add(String.format(
                "killed runner node %s (pid %d) with %d runs going, %d sandbox processes and %d cgroup folders; the web"
                        + " server noticed after %.1f s; the marked run on it ended %s, a run sent then ended %s; its"
                        + " successor %s joined after %.1f s; meanwhile the other nodes executed %d runs and the"
                        + " learners' runs ended %s; left over after the restart: %s",
                c.node(),
                c.pid(),
                c.runsGoing(),
                c.sandboxes(),
                c.cgroupsBeforeRestart(),
                c.noticedAfter().toMillis() / 1000.0,
                c.markedRun(),
                c.runWhileAway(),
                c.restartedAs(),
                c.backAfter().toMillis() / 1000.0,
                c.runsByTheOthers(),
                c.learnersRuns(),
                c.leftovers().isEmpty() ? "nothing" : c.leftovers()));
    }

    List<String> report() {
        return report;
    }

    Map<String, Peaks.Peak> peaks() {
        return peaks.all();
    }

    /** From launching the processes until the web server served and saw every runner node. */
    Duration startup() {
        return startup;
    }

    int runnerNodes() {
        return runnerNodes;
    }

    List<String> jvm() {
        return jvm;
    }

    /**
     * The web server's collections from the moment the learners were let loose (signing them up comes before), with
     * those of the server started after a crash.
     */
    GcLog collectionsUnderLoad() {
        return GcLog.read(work.resolve(SERVER_GC_LOG), loadFromUptime)
                .plus(GcLog.read(work.resolve(RESTARTED_GC_LOG), 0));
    }

    private List<String> withGcLog(String name) {
        List<String> options = new ArrayList<>(jvm);
        options.add(GcLog.option(work.resolve(name)));
        return options;
    }

    private static double uptimeSeconds(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().startInstant())
                .map(start -> Duration.between(start, Instant.now()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    /**
     * The server's own figures at the end of the load (its request timers among them) as target/load-metrics.txt:
     * how long each route took inside the server, beside what the learners measured.
     */
    private void keepMetrics() {
        Path kept = Path.of("target", "load-metrics.txt");
        try {
            HttpResponse<Path> scraped = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url("/metrics")))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(kept));
            System.out.println("server metrics:   " + kept + " (status " + scraped.statusCode() + ")");
        } catch (IOException e) {
            System.out.println("server metrics:   not kept: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void observe() {
        peaks.observe(WEB, server);
        if (cluster != null) {
            cluster.observe(peaks);
        }
    }

    private Thread sampler() {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                observe();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    /** Opens the database the server used (stopped by now) and compares it with the ledger. */
    public List<String> checkDatabase() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(serverEnv);
        Config.Database database = Config.fromMap(env).database();
        try (Connection connection =
                DriverManager.getConnection(database.url(), database.user(), database.password())) {
            SQLDialect dialect = database.isH2() ? SQLDialect.H2 : SQLDialect.POSTGRES;
            return LedgerCheck.problems(run.ledger(), DSL.using(connection, dialect));
        }
    }
}
