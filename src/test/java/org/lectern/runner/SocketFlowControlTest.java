package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue, the quotas and a slow client, each on a server set up to reach its limit quickly. */
class SocketFlowControlTest {
    private static final String SLEEPER = HostileSuite.py("import time", "while True:", "    time.sleep(0.05)");

    @Test
    void aRunWaitsInTheQueueAndAFullQueueSaysBusy() {
        RunnerConfig config = TestRunners.config(
                "LECTERN_RUNNER_CONCURRENCY", "1", "LECTERN_RUNNER_QUEUE", "1", "LECTERN_RUNNER_WARM_POOL", "1");
        try (RunnerServer server = RunnerServer.start(config);
                RunClient first = server.connect();
                RunClient second = server.connect();
                RunClient third = server.connect()) {
            List<RunClient.Frame> firstSeen = first.start(SLEEPER);

            second.run("print('my turn')");
            RunClient.Frame queued = second.next();
            assertThat(queued.type()).isEqualTo("queued");
            assertThat(queued.json().path("position").asInt()).isEqualTo(1);

            third.run("print('no room')");
            RunClient.Frame busy = third.next();
            assertThat(busy.type()).isEqualTo("error");
            assertThat(busy.json().path("message").asText()).contains("busy");

            first.stop();
            assertThat(first.awaitExit(firstSeen).status()).isEqualTo("stopped");
            Transcript t = second.awaitExit();
            assertThat(t.types()).matches(Transcript.PLAIN_RUN);
            assertThat(t.stdout()).isEqualTo("my turn\n");
        }
    }

    @Test
    void aGuestMayStartSoManyRunsAMinuteAndOneAtATime() {
        RunnerConfig config =
                TestRunners.config("LECTERN_GUEST_RUNS_PER_MINUTE", "3", "LECTERN_GUEST_CONCURRENT_RUNS", "1");
        try (RunnerServer server = RunnerServer.start(config);
                RunClient client = server.connect();
                RunClient otherTab = server.connect()) {
            List<RunClient.Frame> seen = client.start(SLEEPER);
            otherTab.run("print(1)");
            assertThat(otherTab.next().json().path("message").asText()).contains("already have code running");
            client.stop();
            client.awaitExit(seen);

            assertThat(client.runToExit("print(2)").status()).isEqualTo("ok");
            assertThat(client.runToExit("print(3)").status()).isEqualTo("ok");
            client.run("print(4)");
            RunClient.Frame limited = client.next();
            assertThat(limited.type()).isEqualTo("error");
            assertThat(limited.json().path("message").asText()).contains("3 runs in the last minute", "Try again in");
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndItsRunStopped() {
        RunnerConfig config = TestRunners.config(
                "LECTERN_RUNNER_SEND_BUFFER",
                "64K",
                "LECTERN_RUNNER_OUTPUT",
                "512M",
                "LECTERN_RUNNER_WALL_TIME",
                "30s",
                "LECTERN_RUNNER_CPU_TIME",
                "30s");
        try (RunnerServer server = RunnerServer.start(config);
                RunClient stalled = RunClient.connectStalled(server.wsUri())) {
            stalled.run(HostileSuite.py("line = 'x' * 1000", "while True:", "    print(line)"));
            FinishedRun run = server.nextFinished(Duration.ofSeconds(20));
            assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
            assertThat(run.result().wallMs()).isLessThan(20_000);
            assertThat(server.health()).isLessThan(HostileSuite.PROMPT);
        }
    }
}
