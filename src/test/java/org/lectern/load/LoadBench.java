package org.lectern.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.lectern.config.Config;
import org.lectern.testing.LecternProcess;
import org.lectern.testing.TestFiles;

/**
 * {@code bench/load} and {@code bench/crash}: starts the server in a JVM of its own on a fresh data folder, lets N
 * learners loose on it for a while, prints what it measured, stops it and checks the database against what the
 * learners were told. With {@code LOAD_CRASH=true} the server is SIGKILLed half-way, checked for leftovers and
 * restarted on the same data folder and port, and the learners carry on.
 */
public final class LoadBench {
    /** The JVM options the README's run command gives the server; {@code LECTERN_JAVA_OPTS} replaces them. */
    public static final List<String> SERVER_JVM = List.of(
            "-Xmx192m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=32m");

    public static final String CGROUP_NAME = "lectern-load";

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int learners = Integer.parseInt(env.getOrDefault("LOAD_LEARNERS", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOAD_SECONDS", "60")));
        long think = Long.parseLong(env.getOrDefault("LOAD_THINK_MS", "1000"));
        Duration ramp = Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOAD_RAMP_SECONDS", "20")));
        boolean crash = Boolean.parseBoolean(env.getOrDefault("LOAD_CRASH", "false"));
        List<String> jvm = env.containsKey("LECTERN_JAVA_OPTS")
                ? Arrays.asList(env.get("LECTERN_JAVA_OPTS").trim().split("\\s+"))
                : SERVER_JVM;
        Path work = Files.createTempDirectory("lectern-load-");
        int status;
        try {
            status = new LoadBench.Session(work, jvm, Path.of("content"), Map.of())
                    .measure(learners, duration, ramp, think, crash);
        } finally {
            Path log = work.resolve("server.log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target/load-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("server log:       target/load-server.log");
            }
            TestFiles.deleteTree(work);
        }
        System.exit(status);
    }

    /** One bench run: a server, its data folder, and the learners. Tests use it with small numbers. */
    public static final class Session {
        private final Path work;
        private final List<String> jvm;
        private final Path content;
        private final Map<String, String> serverEnv = new HashMap<>();
        private final List<String> report = new ArrayList<>();
        private final AtomicLong peakThreads = new AtomicLong();
        private LecternProcess server;
        private long peakRssKib;
        private Crash crash;
        private List<String> ledgerProblems = List.of();
        private LoadRun run;

        public Session(Path work, List<String> jvm, Path content, Map<String, String> extraEnv) {
            this.work = work;
            this.jvm = jvm;
            this.content = content;
            serverEnv.put("LECTERN_DATA_DIR", work.resolve("data").toString());
            serverEnv.put("LECTERN_CONTENT_DIR", content.toAbsolutePath().toString());
            serverEnv.put("LECTERN_SANDBOX_CGROUP_NAME", CGROUP_NAME);
            // glibc gives threads that allocate their own malloc arenas (up to 8 per core); two are plenty
            serverEnv.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
            serverEnv.putAll(extraEnv);
        }

        public LecternProcess server() {
            return server;
        }

        public LoadRun run() {
            return run;
        }

        /** What the last crash left, or null when there was none. */
        public Crash crash() {
            return crash;
        }

        public List<String> ledgerProblems() {
            return ledgerProblems;
        }

        public long peakRssKib() {
            return peakRssKib;
        }

        public long peakThreads() {
            return peakThreads.get();
        }

        /** Runs the load (crashing the server half-way if asked), prints the figures; returns 0 if targets held. */
        public int measure(int learners, Duration duration, Duration ramp, long thinkMillis, boolean crashHalfWay)
                throws Exception {
            start(Map.of());
            run = LoadRun.prepare(server.url(""), content, learners, thinkMillis);
            String loadBefore = loadAverage();
            long started = System.nanoTime();
            Thread sampler = sampler();
            Thread load = new Thread(() -> run.run(duration, ramp), "load");
            load.start();
            if (crashHalfWay) {
                Thread.sleep(duration.toMillis() / 2);
                crashAndRestart();
            }
            load.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            String loadAfter = loadAverage();
            sampler.interrupt();
            sampler.join();
            peakRssKib = Math.max(peakRssKib, server.peakRssKib());
            server.stop();
            ledgerProblems = checkDatabase();
            return print(learners, seconds, loadBefore, loadAfter, crashHalfWay);
        }

        public void start(Map<String, String> overrides) {
            Map<String, String> env = new HashMap<>(serverEnv);
            env.putAll(overrides);
            server = LecternProcess.server(jvm, env, work.resolve("server.log")).awaitReady();
        }

        /**
         * What a SIGKILL left: the killed server's sandbox processes and its cgroup folders just after it died, and
         * what of them remained once a new server had started on the same data folder.
         */
        public record Crash(long pid, int sandboxes, int cgroupsBeforeRestart, List<String> leftovers) {}

        /** SIGKILL, look at what was left, restart on the same folder and port, check that the leftovers are gone. */
        public Crash crashAndRestart() {
            peakRssKib = Math.max(peakRssKib, server.peakRssKib());
            long pid = server.pid();
            List<Long> sandboxes = server.descendants();
            int port = server.port();
            server.kill();
            int cgroups = Leftovers.cgroups(pid, CGROUP_NAME).size();
            start(Map.of("PORT", Integer.toString(port)));
            crash = new Crash(pid, sandboxes.size(), cgroups, Leftovers.of(pid, sandboxes, CGROUP_NAME));
            report.add("killed server " + pid + " with " + sandboxes.size() + " sandbox processes and " + cgroups
                    + " cgroup folders; restarted as " + server.pid() + " on port " + port
                    + "; left over after the restart: "
                    + (crash.leftovers().isEmpty() ? "nothing" : crash.leftovers()));
            return crash;
        }

        private Thread sampler() {
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    LecternProcess current = server;
                    peakThreads.accumulateAndGet(current.threads(), Math::max);
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

        private int print(int learners, double seconds, String loadBefore, String loadAfter, boolean crashed) {
            Figures f = run.figures();
            System.out.printf(
                    "%n%d learners for %.0f s; load average before %s, after %s; server JVM %s%n%n",
                    learners, seconds, loadBefore, loadAfter, jvm);
            System.out.println("most runner WebSockets open at once: " + f.mostOpenSockets());
            System.out.print(f.table(seconds));
            System.out.println("\nruns by status:   " + f.runs());
            System.out.println("answers:          " + f.outcomes());
            System.out.println("checks:           " + f.checks());
            System.out.println("errors by kind:   " + (f.errors().isEmpty() ? "none" : f.errors()));
            System.out.printf("server peak RSS:  %.1f MB; most threads: %d%n", peakRssKib / 1024.0, peakThreads());
            report.forEach(line -> System.out.println("crash:            " + line));
            System.out.printf(
                    "database:         %d acknowledged answers, %d acknowledged feedback, %d acknowledged checks: %s%n",
                    run.ledger().acknowledgedAnswers(),
                    run.ledger().acknowledgedFeedback(),
                    run.ledger().acknowledgedChecks(),
                    ledgerProblems.isEmpty() ? "each stored exactly once" : ledgerProblems);
            List<String> missed = new ArrayList<>();
            if (!crashed && f.errors("5xx") > 0) {
                missed.add("5xx answers");
            }
            if (!ledgerProblems.isEmpty()) {
                missed.add("lost or duplicated data");
            }
            // a run may end with its connection when the server is killed; otherwise every run gets an answer
            if (f.runs().containsKey("no answer") || (!crashed && f.runs().containsKey("connection closed"))) {
                missed.add("every run answered");
            }
            if (f.checks().containsKey("no answer") || (!crashed && f.checks().containsKey("connection closed"))) {
                missed.add("every check answered");
            }
            if (!crashed && f.percentileMillis("chapter", 0.99) >= 100) {
                missed.add("chapter p99 under 100 ms");
            }
            if (!crashed && peakRssKib >= 300 * 1024) {
                missed.add("RSS under 300 MB");
            }
            if (crashed && !crash.leftovers().isEmpty()) {
                missed.add("nothing left of the killed server");
            }
            System.out.println("targets:          " + (missed.isEmpty() ? "all met" : "missed: " + missed));
            return missed.isEmpty() ? 0 : 1;
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
