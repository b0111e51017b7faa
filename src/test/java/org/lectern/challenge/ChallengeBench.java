package org.lectern.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.Role;
import org.lectern.testing.CheckClient;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The check's benchmark, started by bench/check: a real server with the fixture challenges, one signed-in learner
 * and real WebSockets. It prints how long a Check takes from the press to the stored verdict (one run, and a
 * repeated check of four runs), and how long Run ×20 takes, per run.
 */
final class ChallengeBench {
    private static final int CHECKS = 40;
    private static final int REPEATED_CHECKS = 10;
    private static final int REPEATS = 5;

    private ChallengeBench() {}

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>();
        env.put("LECTERN_RUNNER_RUNS_PER_MINUTE", "1000000");
        env.put("LECTERN_GUEST_RUNS_PER_MINUTE", "1000000");
        env.put("LECTERN_SANDBOX_CGROUP_NAME", "lectern-bench");
        for (String name : List.of("LECTERN_RUNNER_CONCURRENCY", "LECTERN_RUNNER_WARM_POOL")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        try (TestServer server = TestServer.start(CheckCourse.CONTENT, env)) {
            server.app()
                    .accounts()
                    .createUser("bench@example.org", "Bench", "a long and unusual passphrase", Role.LEARNER);
            Visitor learner = new Visitor(server).logIn("bench@example.org", "a long and unusual passphrase");
            System.out.printf(
                    "Lectern check benchmark: %d cores, load average %.2f%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            try (CheckClient client = CheckClient.connect(server, learner)) {
                String add = "def add(a, b):\n    return a + b\n";
                time(client, CheckCourse.check(server, "add-numbers", add), 3);
                report(
                        "Check, 3 tests, one run (press to stored verdict)",
                        time(client, CheckCourse.check(server, "add-numbers", add), CHECKS));
                String counter = "import threading, time\n\nclass Counter:\n    def __init__(self):\n"
                        + "        self.value = 0\n        self._lock = threading.Lock()\n\n"
                        + "    def increment(self):\n        with self._lock:\n            current = self.value\n"
                        + "            time.sleep(0)\n            self.value = current + 1\n";
                report(
                        "Check repeated 4 times (racy-counter, 4 threads x 500 increments)",
                        time(client, CheckCourse.check(server, "racy-counter", counter), REPEATED_CHECKS));
                List<Double> perRun = new ArrayList<>();
                for (int i = 0; i < REPEATS; i++) {
                    long start = System.nanoTime();
                    client.send(CheckClient.JSON
                            .createObjectNode()
                            .put("type", "repeat")
                            .put("code", "print('hi')")
                            .put("times", 20));
                    List<JsonNode> frames = client.untilEnded();
                    if (frames.stream().noneMatch(f -> f.path("finished").asBoolean())) {
                        throw new IllegalStateException("Run ×20 did not finish: " + frames);
                    }
                    perRun.add((System.nanoTime() - start) / 1e6 / 20);
                }
                report("Run ×20 of print('hi'), per run", perRun);
            }
        }
    }

    private static List<Double> time(CheckClient client, com.fasterxml.jackson.databind.node.ObjectNode frame, int n) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            client.send(frame);
            List<JsonNode> frames = client.untilEnded();
            JsonNode verdict = CheckClient.ofType(frames, "verdict");
            if (!verdict.path("passed").asBoolean()) {
                throw new IllegalStateException("the bench's solution did not pass: " + verdict);
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("%-70s median %7.1f ms   p95 %7.1f ms   (n=%d)%n", what, median, p95, sorted.size());
    }
}
