package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;

/** {@code GET /metrics}: Prometheus text for a scraper with the token, or from loopback when there is none. */
class MetricsHttpTest {

    @Test
    void withoutATokenOnlyUnproxiedLoopbackRequestsAreAnswered() {
        try (TestServer server = TestServer.start(TestServer.FIXTURE_CONTENT)) {
            server.get("/health");
            // the second visit comes from the page cache, before the router
            server.get("/courses/sample-course");
            server.get("/courses/sample-course");
            HttpResponse<String> local = server.get("/metrics");
            assertThat(local.statusCode()).isEqualTo(200);
            assertThat(local.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(local.body())
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"page cache\",status=\"200\"}")
                    .contains("lectern_runs_total{status=\"ok\"}")
                    .contains("lectern_runs_total{status=\"runner_lost\"}")
                    .contains("lectern_runner_capacity")
                    .contains("lectern_runner_queue_depth")
                    .contains("lectern_runner_warm_pool")
                    .contains("jvm_memory_used_bytes");
            // a proxy on the same machine makes every visitor look local: a forwarded request is not
            assertThat(server.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void withATokenOnlyTheBearerIsAnswered() {
        try (TestServer server =
                TestServer.start(TestServer.FIXTURE_CONTENT, Map.of("LECTERN_METRICS_TOKEN", "s3cret-scrape"))) {
            assertThat(server.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(server.get("/metrics", "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> scraped = server.get("/metrics", "Authorization", "Bearer s3cret-scrape");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("lectern_runs_total");
        }
    }
}
