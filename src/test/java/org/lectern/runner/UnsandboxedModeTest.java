package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;

/**
 * LECTERN_SANDBOX=none, the development mode for machines without bubblewrap: code runs, the limits that need no
 * sandbox (wall time, output) still hold, nothing of a run is left, and every console warns about it.
 */
class UnsandboxedModeTest {

    private static RunnerConfig config(String... overrides) {
        List<String> settings = new java.util.ArrayList<>(
                List.of("LECTERN_SANDBOX", "none", "LECTERN_HOST", "127.0.0.1", "LECTERN_RUNNER_WALL_TIME", "2s"));
        settings.addAll(List.of(overrides));
        return TestRunners.config(settings.toArray(String[]::new));
    }

    @Test
    void codeRunsWithInputAndItsExitCodeWithoutASandbox() {
        try (RunnerServer server = RunnerServer.start(config());
                RunClient client = server.connect()) {
            assertThat(server.module.available()).isTrue();
            assertThat(server.module.unsandboxed()).isTrue();
            assertThat(server.module.health()).containsEntry("sandbox", "none");
            client.send(RunClient.runFrame(HostileSuite.py("import os", "print(input() + '!')", "exit(3)"))
                    .put("stdin", "hi\n"));
            Transcript t = client.awaitExit();
            assertThat(t.stdout()).isEqualTo("hi!\n");
            assertThat(t.status()).isEqualTo("error");
            assertThat(t.exit().path("exitCode").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theWallTimeStillHoldsWithEveryThreadsStack() {
        try (RunnerServer server = RunnerServer.start(config());
                RunClient client = server.connect()) {
            Transcript t =
                    client.runToExit(HostileSuite.py("import time", "def waits():", "    time.sleep(60)", "waits()"));
            assertThat(t.status()).isEqualTo("timeout");
            assertThat(t.exit().path("stackDump").asText()).contains("waits");
            assertThat(t.exit().path("wallMs").asLong()).isBetween(2000L, 9000L);
        }
    }

    @Test
    void theOutputLimitStillHolds() {
        try (RunnerServer server = RunnerServer.start(config("LECTERN_RUNNER_OUTPUT", "10K"));
                RunClient client = server.connect()) {
            Transcript t = client.runToExit(HostileSuite.py("while True:", "    print('x' * 100)"));
            assertThat(t.status()).isEqualTo("output_limit");
            assertThat(t.stdout()).hasSize(10 * 1024);
        }
    }

    @Test
    void aRunLeavesNoProcessAndNoFolder() {
        try (RunnerServer server = RunnerServer.start(config("LECTERN_RUNNER_WARM_POOL", "0"));
                RunClient client = server.connect()) {
            Transcript t = client.runToExit(HostileSuite.py(
                    "import os, subprocess",
                    "child = subprocess.Popen(['/usr/bin/sleep', '987.5'])",
                    "print(os.getcwd())"));
            Path folder = Path.of(t.stdout().trim());
            assertThat(folder.getFileName().toString()).startsWith("lectern-run-");
            assertThat(folder).doesNotExist();
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info()
                                    .arguments()
                                    .map(a -> List.of(a).contains("987.5"))
                                    .orElse(false)))
                    .isEmpty();
        }
    }

    @Test
    void everyConsoleOfTheSiteWarnsThatNothingIsSandboxed() {
        try (TestServer server = TestServer.start(
                TestServer.FIXTURE_CONTENT, Map.of("LECTERN_SANDBOX", "none", "LECTERN_HOST", "127.0.0.1"))) {
            HttpResponse<String> page = server.get("/courses/sample-course/basics/first");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("class=\"runner-unsandboxed\"", "LECTERN_SANDBOX=none");
        }
        try (TestServer server = TestServer.start(TestServer.FIXTURE_CONTENT)) {
            assertThat(server.get("/courses/sample-course/basics/first").body()).doesNotContain("runner-unsandboxed");
        }
    }
}
