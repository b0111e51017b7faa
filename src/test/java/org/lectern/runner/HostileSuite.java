package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every hostile test shares: a real server with the real sandbox and short limits, one WebSocket client, and the
 * rule that the server answers /health promptly while the hostile code runs and after it has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileSuite {
    static final Duration PROMPT = Duration.ofSeconds(1);

    RunnerServer server;
    RunClient client;

    @BeforeAll
    void startServer() {
        server = RunnerServer.start(config());
        assertThat(server.module.available())
                .as("the sandbox works here: %s", server.module.unavailableReason())
                .isTrue();
        client = server.connect();
    }

    /** The runner's settings: the short limits of {@link TestRunners} unless a suite needs others. */
    RunnerConfig config() {
        return TestRunners.config();
    }

    @AfterAll
    void stopServer() {
        client.close();
        server.close();
    }

    /** Runs the code, asking /health once it has started and again once it has ended. */
    Transcript run(String code) {
        return run(code, null);
    }

    /** The same, with input handed over with the code; null for none, leaving input open. */
    Transcript run(String code, String stdin) {
        ObjectNode frame = RunClient.runFrame(code);
        if (stdin != null) {
            frame.put("stdin", stdin);
        }
        List<RunClient.Frame> seen = client.start(frame);
        assertThat(server.health()).as("/health while the code runs").isLessThan(PROMPT);
        Transcript transcript = client.awaitExit(seen);
        assertThat(server.health()).as("/health after the run").isLessThan(PROMPT);
        return transcript;
    }

    static String py(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
