package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.PrivateNats;
import org.lectern.testing.TestServer;

/** {@code LECTERN_RUNNER_EMBEDDED=true}: a web node over NATS that also is a runner node, for a small site. */
class EmbeddedRunnerNodeTest {

    @Test
    void aWebNodeWithAnEmbeddedRunnerNodeRunsCodeThroughNats() throws Exception {
        try (PrivateNats nats = PrivateNats.start();
                TestServer web = TestServer.start(
                        TestServer.FIXTURE_CONTENT,
                        Map.of(
                                "LECTERN_RUNNERS", nats.url(),
                                "LECTERN_RUNNER_EMBEDDED", "true",
                                "LECTERN_RUNNER_CONCURRENCY", "1",
                                "LECTERN_RUNNER_WARM_POOL", "1",
                                "LECTERN_SANDBOX_CGROUP_NAME", "lectern-test"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String health = web.get("/health").body();
            while (!health.contains("\"nodes\":1")) {
                assertThat(System.nanoTime())
                        .as("the embedded node in /health: %s", health)
                        .isLessThan(deadline);
                Thread.sleep(100);
                health = web.get("/health").body();
            }
            assertThat(health).contains("\"mode\":\"nats\"").contains("\"capacity\":1");
            try (RunClient client =
                    RunClient.connect(URI.create(web.url("/ws/run").replace("http:", "ws:")), null)) {
                Transcript run = client.runToExit("print(6 * 7)");
                assertThat(run.status()).isEqualTo("ok");
                assertThat(run.stdout()).isEqualTo("42\n");
            }
        }
    }
}
