package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.db.schema.Tables;
import org.lectern.testing.PrivateNats;
import org.lectern.testing.TestServer;

/**
 * A web node with {@code LECTERN_RUNNERS=nats://...} and two runner nodes in JVMs of their own, over a private
 * nats-server: runs travel to the nodes and back, capacity is the nodes' sum, a node killed with SIGKILL ends its run
 * as runner_lost while the other takes the next runs, and NATS going down fails runs fast while pages keep working.
 * The cases build on each other (the kill leaves one node), so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnerNodesTest {
    private static final String SLEEPER = "import time\nprint('going', flush=True)\ntime.sleep(15)\n";
    private static final Duration LOST_AFTER = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();
    private PrivateNats nats;
    private final List<RunnerNodeProcess> nodes = new ArrayList<>();
    private final List<Integer> nodePorts = new ArrayList<>();
    private TestServer web;

    @BeforeAll
    void startCluster() {
        nats = PrivateNats.start();
        int firstUid = Integer.parseInt(System.getenv().getOrDefault("LECTERN_SANDBOX_FIRST_UID", "61000"));
        // one run at a time and no queue per node: the cluster's capacity is exactly two
        Map<String, String> oneSlot = Map.of(
                "LECTERN_RUNNER_CONCURRENCY", "1",
                "LECTERN_RUNNER_QUEUE", "0",
                "LECTERN_RUNNER_WARM_POOL", "1",
                "LECTERN_RUNNER_LOST_AFTER", LOST_AFTER.toMillis() + "ms");
        nodes.add(RunnerNodeProcess.start(nats.url(), "node-a", firstUid + 100, oneSlot));
        nodes.add(RunnerNodeProcess.start(nats.url(), "node-b", firstUid + 200, oneSlot));
        nodes.forEach(node -> nodePorts.add(node.awaitReady()));
        web = TestServer.start(
                TestServer.FIXTURE_CONTENT,
                Map.of(
                        "LECTERN_RUNNERS",
                        nats.url(),
                        "LECTERN_RUNNER_LOST_AFTER",
                        LOST_AFTER.toMillis() + "ms",
                        "LECTERN_GUEST_CONCURRENT_RUNS",
                        "8",
                        "LECTERN_GUEST_RUNS_PER_MINUTE",
                        "100000"));
        awaitRunner(r -> r.path("nodes").asInt() == 2, "both runner nodes in /health");
    }

    @AfterAll
    void stopCluster() {
        if (web != null) {
            web.close();
        }
        nodes.forEach(RunnerNodeProcess::close);
        if (nats != null) {
            nats.close();
        }
    }

    @Test
    @Order(1)
    void runsTravelToARunnerNodeAndBackAndTheWebNodeRecordsThem() {
        JsonNode runner = health().path("runner");
        assertThat(runner.path("mode").asText()).isEqualTo("nats");
        assertThat(runner.path("capacity").asInt()).isEqualTo(2);
        try (RunClient client = connect()) {
            List<RunClient.Frame> started = client.start("name = input()\nprint('hello', name)\n");
            String runId = RunClient.runId(started);
            client.input("world\n");
            Transcript run = client.awaitExit(started);
            assertThat(run.status()).isEqualTo("ok");
            assertThat(run.stdout()).isEqualTo("hello world\n");
            assertThat(recordedStatus(runId)).isEqualTo("ok");
        }
        // each runner node counts the runs it executed; together they ran this one
        double executed = 0;
        for (int port : nodePorts) {
            String metrics = nodeGet(port, "/metrics");
            assertThat(metrics).contains("lectern_runner_warm_pool").contains("lectern_runner_capacity 1.0");
            executed += metrics.lines()
                    .filter(l -> l.startsWith("lectern_runs_total{status=\"ok\"}"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }
        assertThat(executed).isEqualTo(1.0);
        assertThat(web.get("/metrics").body()).contains("lectern_runs_total{status=\"ok\"} 1.0");
    }

    @Test
    @Order(2)
    void capacityIsTheSumOfTheNodesAndPastItRunsAreBusy() {
        try (RunClient first = connect();
                RunClient second = connect();
                RunClient third = connect()) {
            List<RunClient.Frame> one = first.start(SLEEPER);
            List<RunClient.Frame> two = second.start(SLEEPER);
            third.run("print('no room')");
            RunClient.Frame refusal = third.next();
            assertThat(refusal.type()).isEqualTo("error");
            assertThat(refusal.json().path("message").asText()).contains("busy");
            first.stop();
            second.stop();
            assertThat(first.awaitExit(one).status()).isEqualTo("stopped");
            assertThat(second.awaitExit(two).status()).isEqualTo("stopped");
        }
        // the nodes have room again once their runs are gone
        awaitRunner(r -> r.path("free").asInt() == 2, "both nodes free again");
    }

    @Test
    @Order(3)
    void aRunnerNodeKilledMidRunEndsItsRunAsLostAndTheOtherTakesTheNextRuns() {
        try (RunClient client = connect()) {
            List<RunClient.Frame> seen = client.start(SLEEPER);
            String runId = RunClient.runId(seen);
            seen.add(client.awaitType("output", seen));
            int busy = nodeRunning();
            long killedAt = System.nanoTime();
            nodes.get(busy).kill();
            Transcript run = client.awaitExit(seen);
            Duration noticed = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(run.status()).isEqualTo("runner_lost");
            assertThat(run.stderr()).contains("stopped answering");
            assertThat(noticed).isLessThan(LOST_AFTER.plusSeconds(3));
            assertThat(recordedStatus(runId)).isEqualTo("runner_lost");
            for (int i = 0; i < 3; i++) {
                Transcript next = client.runToExit("print(" + i + ")");
                assertThat(next.status()).as("run %d after the kill", i).isEqualTo("ok");
                assertThat(next.stdout()).isEqualTo(i + "\n");
            }
        }
        awaitRunner(r -> r.path("nodes").asInt() == 1, "the dead node gone from /health");
    }

    @Test
    @Order(4)
    void natsDownEndsRunsAndFailsNewOnesFastWhilePagesKeepWorking() {
        try (RunClient client = connect()) {
            List<RunClient.Frame> seen = client.start(SLEEPER);
            nats.kill();
            Transcript cut = client.awaitExit(seen);
            assertThat(cut.status()).isEqualTo("runner_lost");
            assertThat(cut.stderr()).contains("connection to the runner nodes was lost");

            long asked = System.nanoTime();
            HttpResponse<String> refused = postRun("print(1)");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("cannot reach its runner nodes");
            assertThat(web.get("/").statusCode()).isEqualTo(200);
            HttpResponse<String> health = web.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"available\":false");
        }
        nats.restart();
        awaitRunner(r -> r.path("nodes").asInt() == 1, "the runner node back after NATS returned");
        HttpResponse<String> again = postRun("print('back')");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"ok\"").contains("back");
    }

    private RunClient connect() {
        return RunClient.connect(URI.create(web.url("/ws/run").replace("http:", "ws:")), null);
    }

    private HttpResponse<String> postRun(String code) {
        String body = RunClient.JSON.createObjectNode().put("code", code).toString();
        return web.send(HttpRequest.newBuilder(URI.create(web.url("/api/runs")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private JsonNode health() {
        try {
            return RunClient.JSON.readTree(web.get("/health").body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitRunner(Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode runner = health().path("runner");
        while (!condition.test(runner)) {
            assertThat(System.nanoTime())
                    .as("%s; last /health: %s", what, runner)
                    .isLessThan(deadline);
            pause();
            runner = health().path("runner");
        }
    }

    private String nodeGet(int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new AssertionError("runner node on port " + port + ": " + e, e);
        }
    }

    /** Which node has the run going, by asking each node's own /health. */
    private int nodeRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    String health = nodeGet(nodePorts.get(i), "/health");
                    if (RunClient.JSON.readTree(health).path("active").asInt() > 0) {
                        return i;
                    }
                } catch (Exception | AssertionError e) {
                    // a node not answering is not the one running
                }
            }
            pause();
        }
        throw new AssertionError("no runner node reports the run");
    }

    private String recordedStatus(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String status = web.app()
                    .database()
                    .dsl()
                    .select(Tables.RUN.STATUS)
                    .from(Tables.RUN)
                    .where(Tables.RUN.RUN_KEY.eq(runId))
                    .fetchOne(Tables.RUN.STATUS);
            if (status != null) {
                return status;
            }
            pause();
        }
        throw new AssertionError("run " + runId + " was not recorded");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
