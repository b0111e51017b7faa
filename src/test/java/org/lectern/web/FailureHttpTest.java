package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;

/** What people and programs see when something breaks underneath: a clear answer, never a stack trace. */
class FailureHttpTest {
    @Test
    void whenTheDatabaseIsGoneHealthSaysSoAndPagesShowAFriendlyErrorWithAReference() {
        try (TestServer server = TestServer.start(TestServer.FIXTURE_CONTENT)) {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            server.app().database().close();

            HttpResponse<String> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"unreachable\"");

            HttpResponse<String> page = server.get("/courses/sample-course", "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(500);
            String reference = page.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(page.body()).contains("Something went wrong", "Reference: " + reference);
            assertThat(page.body()).doesNotContain("Exception", "at org.", "SQL");

            HttpResponse<String> json = server.get("/courses/sample-course", "Accept", "application/json");
            assertThat(json.statusCode()).isEqualTo(500);
            assertThat(json.body()).contains("\"status\":500").doesNotContain("Exception");
        }
    }
}
