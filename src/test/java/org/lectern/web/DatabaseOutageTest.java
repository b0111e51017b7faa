package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.PrivatePostgres;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * PostgreSQL restarted under a running server: while it is down, pages, answers and /health say clearly that the
 * server is busy or a part of it is down (503, never 500), nothing is half-written, and once it is back the server
 * serves again by itself, without a restart.
 */
class DatabaseOutageTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String CHAPTER = "/courses/sample-course/basics/second";

    @Test
    void whilePostgresqlRestartsRequestsFailClearlyAndThenRecoverByThemselves() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
                TestServer server = TestServer.start(
                        TestServer.FIXTURE_CONTENT,
                        Map.of("DATABASE_URL", postgres.jdbcUrl(), "DATABASE_USER", "postgres"))) {
            server.app().accounts().createUser("outage@example.org", "Outage", PASSWORD, Role.LEARNER);
            Visitor learner = new Visitor(server).logIn("outage@example.org", PASSWORD);
            long question = FixtureQuiz.question(server, "pick-processes");
            String option = Long.toString(FixtureQuiz.option(server, "pick-processes", "cpu"));
            String answerPath = CHAPTER + "/questions/" + question;
            assertThat(learner.post(answerPath, Map.of("option", option)).statusCode())
                    .isEqualTo(200);

            postgres.down();
            for (HttpResponse<String> answer : List.of(
                    learner.get(CHAPTER), learner.post(answerPath, Map.of("option", option)), server.get("/health"))) {
                assertThat(answer.statusCode())
                        .as(answer.uri() + " while the database is down")
                        .isEqualTo(503);
                assertThat(answer.body())
                        .as("a message, no stack trace")
                        .isNotBlank()
                        .doesNotContain("Exception");
            }

            postgres.up();
            assertThat(firstAnswerWithin(Duration.ofSeconds(60), () -> learner.get(CHAPTER)))
                    .as("the chapter once the database is back")
                    .isEqualTo(200);
            assertThat(learner.post(answerPath, Map.of("option", option)).statusCode())
                    .isEqualTo(200);
            assertThat(server.app()
                            .database()
                            .dsl()
                            .fetchCount(QUESTION_ATTEMPT, QUESTION_ATTEMPT.QUESTION_ID.eq(question)))
                    .as("the two acknowledged answers, not the refused one")
                    .isEqualTo(2);
        }
    }

    /** The status of the first answer other than 503, asking again until the time is up. */
    private static int firstAnswerWithin(Duration patience, java.util.function.Supplier<HttpResponse<String>> ask) {
        long deadline = System.nanoTime() + patience.toNanos();
        int status = ask.get().statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            status = ask.get().statusCode();
        }
        return status;
    }
}
