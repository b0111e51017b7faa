package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** A Verify the runner will not finish (the author's run quota) is no verification: it says why, and blocks a publish. */
class ChallengeVerifyQuotaHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String SECOND = "/studio/courses/sample-course/chapters/basics/second";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT, Map.of("LECTERN_RUNNER_RUNS_PER_MINUTE", "1"));
        server.app().accounts().createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRunnersRefusalIsTheReasonAndThePublishIsRefused() throws Exception {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        assertThat(ann.post(SECOND + "/challenges", Map.of("key", "another", "title", "Another"))
                        .statusCode())
                .isEqualTo(302);
        // Checked twice in a row: the quota takes the first run and refuses the second.
        String statement = SECOND + "/challenges/another/files/challenge.md";
        assertThat(ann.post(
                                statement,
                                Map.of(
                                        "text",
                                        "---\ntitle: Another\nrepeat: 2\n---\nAgain.\n",
                                        "base",
                                        EditorForms.base(ann, statement)))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> answer =
                ann.post(SECOND + "/challenges/another/verify", Map.of(), "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode verdict = new ObjectMapper().readTree(answer.body());
        assertThat(verdict.get("passed").asBoolean()).isFalse();
        assertThat(verdict.get("reason").asText()).contains("another could not be verified", "runs in the last minute");

        HttpResponse<String> publish = ann.post(SECOND + "/publish", Map.of());
        assertThat(publish.statusCode()).isEqualTo(422);
        assertThat(publish.body()).contains("02-second.challenges/another could not be verified");
    }
}
