package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Without bubblewrap the runner refuses to run anything, and says why to the log, to clients and to pages. */
class UnavailableRunnerTest {

    @Test
    void withoutBwrapEveryRunIsRefusedWithTheReason() throws Exception {
        RunnerConfig config = TestRunners.config("LECTERN_SANDBOX_BWRAP", "/nonexistent/bwrap");
        try (RunnerServer server = RunnerServer.start(config);
                RunClient client = server.connect()) {
            assertThat(server.module.available()).isFalse();
            assertThat(server.module.unavailableReason()).contains("/nonexistent/bwrap");
            assertThat(server.module.warmPoolSize()).isZero();

            client.run("print(1)");
            RunClient.Frame refusal = client.next();
            assertThat(refusal.type()).isEqualTo("error");
            assertThat(refusal.json().path("message").asText()).contains("switched off", "/nonexistent/bwrap");

            HttpResponse<String> response = server.post("/api/runs", "application/json", "{\"code\":\"print(1)\"}");
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = RunClient.JSON.readTree(response.body());
            assertThat(body.path("error").asText()).contains("/nonexistent/bwrap");
        }
    }

    @Test
    void anInterpreterOutsideUsrIsRefusedBecauseTheSandboxCannotSeeIt() {
        RunnerConfig config = TestRunners.config("LECTERN_RUNNER_PYTHON", "/bin/sh");
        try (RunnerModule module = new RunnerModule(config, null)) {
            assertThat(module.available()).isFalse();
            assertThat(module.unavailableReason()).contains("/bin/sh", "/usr");
        }
    }
}
