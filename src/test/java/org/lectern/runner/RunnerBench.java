package org.lectern.runner;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.lectern.config.Settings;

/**
 * The runner's benchmark, started by bench/runner: a real server with the runner on a free port, real WebSocket
 * clients, and bare /usr/bin/python3 measured beside it on the same machine at the same time.
 */
final class RunnerBench {
    private static final int FIRST_BYTE_RUNS = 200;
    private static final int CLIENTS = 8;
    private static final Duration THROUGHPUT_TIME = Duration.ofSeconds(10);
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);
    private static final Duration WARM_UP_MAX = Duration.ofSeconds(30);
    private static final int STREAMED_LINES = 300;

    private RunnerBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        // one IP plays eight learners here
        env.putIfAbsent("LECTERN_GUEST_CONCURRENT_RUNS", String.valueOf(CLIENTS));
        env.putIfAbsent("LECTERN_GUEST_RUNS_PER_MINUTE", "1000000");
        env.putIfAbsent("LECTERN_SANDBOX_CGROUP_NAME", "lectern-bench");
        RunnerConfig config = RunnerConfig.fromSettings(new Settings(env));
        Path jvmGroup = CpuMeter.isolateJvm();
        try (RunnerServer server = RunnerServer.start(config)) {
            if (!server.module.available()) {
                System.out.println("The runner is not available here: " + server.module.unavailableReason());
                System.exit(1);
            }
            System.out.printf(
                    "Lectern runner benchmark: %d cores, concurrency %d, warm pool %d, load average %.2f%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    config.capacity().concurrency(),
                    config.capacity().warmPool(),
                    loadAverage());
            String parts = System.getenv().getOrDefault("PARTS", "123");
            if (parts.contains("1")) {
                firstByte(server, config.capacity().warmPool());
            }
            if (parts.contains("2")) {
                throughput(server);
            }
            if (parts.contains("3")) {
                streamingDelay(server);
            }
        } finally {
            if (jvmGroup != null) {
                CpuMeter.release(jvmGroup);
            }
        }
    }

    private static void firstByte(RunnerServer server, int warmPool) throws Exception {
        List<Double> warm = new ArrayList<>();
        List<Double> backToBack = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        try (RunClient client = server.connect()) {
            for (int i = 0; i < FIRST_BYTE_RUNS; i++) {
                // a learner's click on an idle server: the pool has had time to refill
                awaitUntil(() -> server.module.warmPoolSize() >= warmPool);
                warm.add(sandboxFirstByte(client));
                backToBack.add(sandboxFirstByte(client));
                bare.add(bareFirstByte());
            }
        }
        System.out.printf("1. First byte of print('hi'), %d runs each          median      p95%n", FIRST_BYTE_RUNS);
        row("   sandbox over the WebSocket, idle server", warm);
        row("   sandbox over the WebSocket, back to back", backToBack);
        row("   bare /usr/bin/python3 -c, process start", bare);
        System.out.printf("   idle median / bare median: %.2f (target <= 0.50)%n%n", median(warm) / median(bare));
    }

    private static double sandboxFirstByte(RunClient client) {
        long start = System.nanoTime();
        client.run("print('hi')");
        List<RunClient.Frame> seen = new ArrayList<>();
        RunClient.Frame output = client.awaitType("output", seen);
        client.awaitExit(seen);
        return (output.receivedNanos() - start) / 1e6;
    }

    private static double bareFirstByte() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "print('hi')").start();
        try (InputStream out = p.getInputStream()) {
            out.read();
            double millis = (System.nanoTime() - start) / 1e6;
            p.waitFor();
            return millis;
        }
    }

    private static void throughput(RunnerServer server) throws Exception {
        // unmeasured first, as JMH warms up: a fresh JVM is still compiling the server's code for minutes, which
        // a server that has been up a while has long done; on a busy machine that takes longer
        int warmUpSeconds = warmUp(server);
        // taken in turns, so a change in the machine's load falls on both alike
        double sandbox = 0;
        double bare = 0;
        CpuMeter sandboxCpu = new CpuMeter(server);
        CpuMeter bareCpu = new CpuMeter(server);
        for (int round = 0; round < 2; round++) {
            sandboxCpu.begin();
            double runs = trivialRuns(server);
            sandboxCpu.end(runs * THROUGHPUT_TIME.toSeconds());
            bareCpu.begin();
            double processes = bareProcesses();
            bareCpu.end(processes * THROUGHPUT_TIME.toSeconds());
            sandbox += runs / 2;
            bare += processes / 2;
        }
        System.out.printf(
                "2. Throughput of trivial runs, %d clients, 2 x %d s each   per second   CPU ms each%n",
                CLIENTS, THROUGHPUT_TIME.toSeconds());
        System.out.printf("   sandboxed runs over the WebSocket    %18.1f   %s%n", sandbox, sandboxCpu);
        System.out.printf("   bare /usr/bin/python3 -c pass         %18.1f   %s%n", bare, bareCpu);
        System.out.printf("   sandboxed / bare: %.2f (target >= 0.50)%n", sandbox / bare);
        System.out.printf(
                "   (after %d s of unmeasured runs; load average now %.2f)%n%n", warmUpSeconds, loadAverage());
    }

    /** Runs until the JIT compiler has little left to do (under 5% of a round's time), or at most half a minute. */
    private static int warmUp(RunnerServer server) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        int seconds = 0;
        while (seconds < WARM_UP_MAX.toSeconds()) {
            long compiledBefore = jit.getTotalCompilationTime();
            perSecond(() -> runsFor(server, WARM_UP_ROUND));
            seconds += WARM_UP_ROUND.toSeconds();
            if (jit.getTotalCompilationTime() - compiledBefore < WARM_UP_ROUND.toMillis() / 20) {
                break;
            }
        }
        return seconds;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double trivialRuns(RunnerServer server) throws Exception {
        return perSecond(() -> runsFor(server, THROUGHPUT_TIME));
    }

    private static int runsFor(RunnerServer server, Duration time) {
        try (RunClient client = server.connect()) {
            int runs = 0;
            for (long end = System.nanoTime() + time.toNanos(); System.nanoTime() < end; runs++) {
                client.runToExit("pass");
            }
            return runs;
        }
    }

    private static double bareProcesses() throws Exception {
        return perSecond(() -> {
            int runs = 0;
            for (long end = System.nanoTime() + THROUGHPUT_TIME.toNanos(); System.nanoTime() < end; runs++) {
                try {
                    new ProcessBuilder("/usr/bin/python3", "-c", "pass").start().waitFor();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return runs;
        });
    }

    private static double perSecond(IntSupplier loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                counts.add(pool.submit(loop::getAsInt));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void streamingDelay(RunnerServer server) {
        List<Double> delays = new ArrayList<>();
        try (RunClient client = server.connect()) {
            client.run(HostileSuite.py(
                    "import time",
                    "for _ in range(" + STREAMED_LINES + "):",
                    "    print(time.time_ns(), flush=True)",
                    "    time.sleep(0.005)"));
            for (RunClient.Frame frame : client.awaitExit().outputs()) {
                Instant arrived = Instant.now().minusNanos(System.nanoTime() - frame.receivedNanos());
                for (String line : frame.json().path("data").asText().split("\n")) {
                    if (!line.isBlank()) {
                        long printed = Long.parseLong(line.trim());
                        Instant at = Instant.EPOCH.plusNanos(printed);
                        delays.add(at.until(arrived, ChronoUnit.MICROS) / 1000.0);
                    }
                }
            }
        }
        System.out.printf(
                "3. Streaming delay, flushed print to the client, %d lines   median      p95%n", delays.size());
        row("   sandbox to WebSocket client", delays);
        System.out.printf("   (target p95 <= 10 ms)%n");
    }

    /** Bench code, not a test: a short pause between looks is fine while the pool refills. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void row(String label, List<Double> millis) {
        System.out.printf("%-58s %7.2f ms %7.2f ms%n", label, median(millis), percentile(millis, 95));
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
