package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The WebSocket protocol of /ws/run, over a real connection to a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunSocketTest {
    private RunnerServer server;

    @BeforeAll
    void start() {
        server = RunnerServer.start(TestRunners.config());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void outputArrivesAsItIsPrintedNotAtTheEnd() {
        try (RunClient client = server.connect()) {
            Transcript t = client.runToExit(HostileSuite.py(
                    "import threading, time",
                    "def work():",
                    "    print('Thread starting', flush=True)",
                    "    time.sleep(1)",
                    "    print('Thread finished', flush=True)",
                    "worker = threading.Thread(target=work)",
                    "worker.start()",
                    "worker.join()"));
            assertThat(t.status()).as(t.toString()).isEqualTo("ok");
            assertThat(t.stdout()).isEqualTo("Thread starting\nThread finished\n");
            // unbuffered, print writes the text and the newline apart, so a line may come in two frames
            RunClient.Frame starting = t.outputContaining("Thread starting");
            RunClient.Frame finished = t.outputContaining("Thread finished");
            long stamped = finished.json().path("t").asLong()
                    - starting.json().path("t").asLong();
            long arrived = Duration.ofNanos(finished.receivedNanos() - starting.receivedNanos())
                    .toMillis();
            assertThat(stamped).isBetween(950L, 1500L);
            assertThat(arrived).isBetween(900L, 1500L);
        }
    }

    @Test
    void inputSentWhileTheProgramRunsIsRead() {
        try (RunClient client = server.connect()) {
            List<RunClient.Frame> seen = client.start(HostileSuite.py(
                    "name = input()", "print('Hello', name)", "import sys", "print(len(sys.stdin.read()))"));
            client.input("Ada\n");
            client.input("more");
            client.endInput();
            Transcript t = client.awaitExit(seen);
            assertThat(t.status()).as(t.toString()).isEqualTo("ok");
            assertThat(t.stdout()).isEqualTo("Hello Ada\n4\n");
        }
    }

    @Test
    void stopEndsTheRunAsStopped() {
        try (RunClient client = server.connect()) {
            List<RunClient.Frame> seen =
                    client.start(HostileSuite.py("import time", "while True:", "    time.sleep(0.05)"));
            client.stop();
            Transcript t = client.awaitExit(seen);
            assertThat(t.status()).isEqualTo("stopped");
            assertThat(t.exit().path("exitCode").isNull()).isTrue();
        }
    }

    @Test
    void badFramesGetAnErrorAndTheConnectionStaysUsable() {
        try (RunClient client = server.connect()) {
            client.sendRaw("this is not JSON");
            assertThat(client.next().json().path("message").asText()).contains("JSON object");
            client.send(RunClient.JSON.createObjectNode().put("type", "dance"));
            assertThat(client.next().json().path("message").asText()).contains("Unknown message type \"dance\"");
            client.send(RunClient.JSON.createObjectNode().put("type", "run"));
            assertThat(client.next().json().path("message").asText()).contains("needs \"code\"");
            client.run("#".repeat(65 * 1024));
            assertThat(client.next().json().path("message").asText()).contains("too long");
            client.input("nobody is listening");
            assertThat(client.next().json().path("message").asText()).contains("no run going");
            ObjectNode badSource = RunClient.runFrame("print(1)");
            badSource.putObject("source").put("block", "third");
            client.send(badSource);
            assertThat(client.next().json().path("type").asText()).isEqualTo("error");

            Transcript t = client.runToExit("print('still here')");
            assertThat(t.types()).matches(Transcript.PLAIN_RUN);
            assertThat(t.stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void aSecondRunOnTheSameConnectionWaitsForTheFirstToEnd() {
        try (RunClient client = server.connect()) {
            List<RunClient.Frame> seen = client.start(HostileSuite.py("import time", "time.sleep(30)"));
            client.run("print('second')");
            RunClient.Frame error = client.awaitType("error", seen);
            assertThat(error.json().path("message").asText()).contains("already has a run going");
            client.stop();
            assertThat(client.awaitExit(seen).status()).isEqualTo("stopped");
        }
    }

    @Test
    void upgradesFromAnotherSiteAreRefused() {
        assertThatThrownBy(() -> RunClient.connect(server.wsUri(), "https://evil.example"))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        try (RunClient sameSite = RunClient.connect(server.wsUri(), "http://127.0.0.1:" + server.port())) {
            assertThat(sameSite.runToExit("print(1)").status()).isEqualTo("ok");
        }
    }

    @Test
    void charactersSplitAcrossWritesArriveWhole() {
        try (RunClient client = server.connect()) {
            Transcript t = client.runToExit(HostileSuite.py(
                    "import sys, time",
                    "for b in 'é€😀'.encode():",
                    "    sys.stdout.buffer.write(bytes([b]))",
                    "    sys.stdout.buffer.flush()",
                    "    time.sleep(0.01)"));
            assertThat(t.stdout()).isEqualTo("é€😀");
            assertThat(t.outputs())
                    .extracting(f -> f.json().path("data").asText())
                    .noneMatch(data -> data.contains("\uFFFD"));
        }
    }

    @Test
    void aVanishedClientsRunIsStoppedAndItsSandboxFreed() {
        RunClient client = server.connect();
        String runId =
                RunClient.runId(client.start(HostileSuite.py("import time", "while True:", "    time.sleep(0.05)")));
        client.abort();
        FinishedRun run = server.finished(runId, Duration.ofSeconds(4));
        assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(server.module.activeRuns()).isZero();
    }

    @Test
    void theSourceOfARunIsRecorded() {
        try (RunClient client = server.connect()) {
            ObjectNode run = RunClient.runFrame("print(1)");
            run.putObject("source")
                    .put("course", "python-concurrency")
                    .put("chapter", "threads-vs-processes")
                    .put("block", 3);
            String runId = RunClient.runId(client.start(run));
            client.awaitExit();
            server.finished(runId, RunClient.PATIENCE);
            var row = server.db
                    .selectFrom(org.lectern.db.schema.Tables.RUN)
                    .where(org.lectern.db.schema.Tables.RUN.RUN_KEY.eq(runId))
                    .fetchOne();
            assertThat(row).isNotNull();
            assertThat(row.getCourseSlug()).isEqualTo("python-concurrency");
            assertThat(row.getChapterSlug()).isEqualTo("threads-vs-processes");
            assertThat(row.getBlockIndex()).isEqualTo(3);
            assertThat(row.getStatus()).isEqualTo("ok");
            assertThat(row.getUserId()).isNull();
            assertThat(row.getGuestKey()).startsWith("ip-").doesNotContain("127.0.0.1");
        }
    }
}
