package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/runs answers with the finished run, or with a JSON error and the status code that fits it. */
class RunApiTest {
    private static final String JSON = "application/json";

    @Test
    void aRunAnswersWithItsOutputAndFigures() throws Exception {
        try (RunnerServer server = RunnerServer.start(TestRunners.config())) {
            HttpResponse<String> response = server.post(
                    "/api/runs",
                    JSON,
                    "{\"code\":\"import sys\\nprint(input())\\nprint('oops', file=sys.stderr)\",\"stdin\":\"hi\\n\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith(JSON));
            JsonNode body = RunClient.JSON.readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("exitCode").asInt()).isZero();
            assertThat(body.path("stdout").asText()).isEqualTo("hi\n");
            assertThat(body.path("stderr").asText()).isEqualTo("oops\n");
            assertThat(body.path("wallMs").asLong()).isPositive();
            assertThat(body.path("processes").asInt()).isEqualTo(1);
            assertThat(body.has("cpuMs") && body.has("peakMemoryKb") && body.has("runId"))
                    .isTrue();
        }
    }

    @Test
    void inputEndsWithTheRequest() throws Exception {
        try (RunnerServer server = RunnerServer.start(TestRunners.config())) {
            JsonNode body = RunClient.JSON.readTree(
                    server.post("/api/runs", JSON, "{\"code\":\"input()\"}").body());
            assertThat(body.path("status").asText()).isEqualTo("error");
            assertThat(body.path("stderr").asText()).contains("EOFError");
        }
    }

    @Test
    void badInputIsA400WithAMessageAndNoStackTrace() throws Exception {
        try (RunnerServer server = RunnerServer.start(TestRunners.config())) {
            assertError(server.post("/api/runs", JSON, "{not json"), 400, "JSON object");
            assertError(server.post("/api/runs", JSON, "[1, 2]"), 400, "JSON object");
            assertError(server.post("/api/runs", JSON, "{\"stdin\":\"x\"}"), 400, "needs \"code\"");
            assertError(server.post("/api/runs", JSON, "{\"code\":42}"), 400, "needs \"code\"");
            String longCode = "#".repeat(65 * 1024);
            assertError(server.post("/api/runs", JSON, "{\"code\":\"" + longCode + "\"}"), 400, "too long");
            assertError(server.post("/api/runs", "text/plain", "{\"code\":\"print(1)\"}"), 400, "Content-Type");
        }
    }

    @Test
    void tooManyRunsAMinuteIsA429() throws Exception {
        try (RunnerServer server = RunnerServer.start(TestRunners.config("LECTERN_GUEST_RUNS_PER_MINUTE", "1"))) {
            assertThat(server.post("/api/runs", JSON, "{\"code\":\"print(1)\"}").statusCode())
                    .isEqualTo(200);
            assertError(server.post("/api/runs", JSON, "{\"code\":\"print(2)\"}"), 429, "Try again in");
        }
    }

    @Test
    void aFullQueueIsA503() throws Exception {
        RunnerConfig config = TestRunners.config("LECTERN_RUNNER_CONCURRENCY", "1", "LECTERN_RUNNER_QUEUE", "0");
        try (RunnerServer server = RunnerServer.start(config);
                RunClient busy = server.connect()) {
            List<RunClient.Frame> seen = busy.start(HostileSuite.py("import time", "time.sleep(30)"));
            assertError(server.post("/api/runs", JSON, "{\"code\":\"print(1)\"}"), 503, "busy");
            busy.stop();
            busy.awaitExit(seen);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = RunClient.JSON.readTree(response.body());
        assertThat(body.path("error").asText()).contains(message);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
