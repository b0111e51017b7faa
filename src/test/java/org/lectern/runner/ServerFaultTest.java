package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A fault of the server's own is logged and answered with a plain message, never a stack trace or a dead socket. */
class ServerFaultTest {

    @Test
    void aBugBehindTheEndpointsGetsAPlainAnswerAndTheSocketStaysUsable() throws Exception {
        // a caller function that finds no one stands in for any bug behind the endpoints
        try (RunnerServer server = RunnerServer.start(TestRunners.config(), ctx -> null);
                RunClient client = server.connect()) {
            client.run("print(1)");
            assertThat(client.next().json().path("message").asText()).isEqualTo(RunSocket.SERVER_FAULT);
            client.sendRaw("still there?");
            assertThat(client.next().json().path("message").asText()).contains("JSON object");

            HttpResponse<String> response = server.post("/api/runs", "application/json", "{\"code\":\"print(1)\"}");
            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode body = RunClient.JSON.readTree(response.body());
            assertThat(body.path("error").asText()).isEqualTo(RunSocket.SERVER_FAULT);
        }
    }
}
