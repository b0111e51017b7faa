package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.ASK_USAGE;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.config.Settings;
import org.lectern.db.schema.tables.records.AskUsageRecord;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;
import org.slf4j.LoggerFactory;

/**
 * Written answers from a language model, against a fake OpenAI-compatible server on loopback: real HTTP, answers
 * streamed chunk by chunk, errors, a model too slow to answer, Stop, the guardrails (rate limit, daily budget),
 * and the API key kept out of the logs and the admin screen.
 */
class AskGenerationHttpTest {
    private static final String KEY = "sk-test-9f8e7d6c5b4a-never-in-logs";
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String GIL = "/courses/python-concurrency/introduction/the-gil";
    private static final FakeLlm llm = FakeLlm.start();
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestServer server;
    private static int learners;

    @BeforeAll
    static void start() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        server = TestServer.start(
                Path.of("content"),
                Map.of(
                        "LECTERN_LLM_URL", llm.url(),
                        "LECTERN_LLM_MODEL", "test-model",
                        "LECTERN_LLM_API_KEY", KEY,
                        "LECTERN_LLM_TIMEOUT_SECONDS", "1",
                        "LECTERN_LLM_DAILY_TOKENS", "100",
                        "LECTERN_ASK_PER_MINUTE", "4"));
    }

    @AfterAll
    static void stop() {
        try {
            server.close();
        } finally {
            llm.close();
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    @BeforeEach
    void answerNormally() {
        llm.answer(FakeLlm.Mode.STREAM);
    }

    private record Learner(long id, String session) {}

    private static Learner learner() {
        String email = "asker" + (++learners) + "@example.org";
        long id = server.app()
                .accounts()
                .createUser(email, "Asker", PASSWORD, Role.LEARNER)
                .id();
        Visitor visitor = new Visitor(server).logIn(email, PASSWORD);
        return new Learner(id, visitor.cookie("lectern_session"));
    }

    private static AskEvents ask(Learner learner, String question) {
        return AskEvents.post(
                http,
                server.url("/api/ask"),
                AskEvents.question(GIL, question),
                learner == null ? null : learner.session());
    }

    private static AskUsageRecord usage(long userId) {
        return server.app()
                .database()
                .dsl()
                .selectFrom(ASK_USAGE)
                .where(ASK_USAGE.USER_ID.eq(userId))
                .fetchOne();
    }

    @Test
    void theAnswerStreamsTokenByTokenAfterThePassagesWithTheChapterAsContext() throws Exception {
        Learner learner = learner();
        CountDownLatch gate = llm.holdAfterFirstChunk();
        try (AskEvents answer = ask(learner, "Why can only one thread run Python code at a time?")) {
            assertThat(answer.response().statusCode()).isEqualTo(200);
            assertThat(answer.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            AskEvents.Event passages = answer.next();
            assertThat(passages.name()).isEqualTo("passages");
            assertThat(passages.data().path("generation").asText()).isEqualTo("on");
            assertThat(passages.data().path("passages")).isNotEmpty();
            assertThat(passages.data().path("passages").path(0).path("href").asText())
                    .startsWith("/courses/python-concurrency/");

            // the model is still holding its second chunk back, yet the first has already reached the learner
            AskEvents.Event first = answer.next();
            assertThat(first.name()).isEqualTo("token");
            assertThat(first.data().path("text").asText()).isEqualTo("Each thread ");
            assertThat(gate.getCount()).isEqualTo(1);
            gate.countDown();

            List<AskEvents.Event> rest = answer.rest();
            assertThat(rest.stream()
                            .filter(e -> e.name().equals("token"))
                            .map(e -> e.data().path("text").asText()))
                    .containsExactly("must hold ", "the GIL [1]", ".");
            assertThat(rest.get(rest.size() - 1).name()).isEqualTo("done");
        }

        FakeLlm.Received request = llm.received().poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        String system = request.body().path("messages").path(0).path("content").asText();
        assertThat(system).contains("Python Multithreading and Multiprocessing", "only help with this course");
        String user = request.body().path("messages").path(1).path("content").asText();
        assertThat(user)
                .contains("The Global Interpreter Lock", GIL)
                .contains("[1] ")
                .contains("Why can only one thread run Python code at a time?");
        // the current chapter's own text travels with the question
        assertThat(user).contains("<chapter>").containsIgnoringCase("global interpreter lock");
        assertThat(usage(learner.id()).getTokens()).isEqualTo(42);
        assertThat(usage(learner.id()).getAnswers()).isEqualTo(1);
    }

    @Test
    void anEndpointErrorLeavesThePassagesAsTheAnswerWithAClearNotice() {
        Learner learner = learner();
        llm.answer(FakeLlm.Mode.ERROR);
        try (AskEvents answer = ask(learner, "What does the GIL protect?")) {
            List<AskEvents.Event> events = answer.rest();
            assertThat(events).extracting(AskEvents.Event::name).containsExactly("passages", "notice", "done");
            assertThat(events.get(0).data().path("passages")).isNotEmpty();
            assertThat(events.get(1).data().path("kind").asText()).isEqualTo("failed");
            assertThat(events.get(1).data().path("message").asText()).contains("passages");
        }
        assertThat(usage(learner.id()).getFailures()).isEqualTo(1);
    }

    @Test
    void aModelTooSlowToAnswerIsGivenUpAfterTheTimeout() {
        Learner learner = learner();
        llm.answer(FakeLlm.Mode.SLOW);
        long started = System.nanoTime();
        try (AskEvents answer = ask(learner, "What does the GIL protect?")) {
            List<AskEvents.Event> events = answer.rest();
            assertThat(events).extracting(AskEvents.Event::name).containsExactly("passages", "notice", "done");
            assertThat(events.get(1).data().path("kind").asText()).isEqualTo("slow");
        }
        // the fake would answer after 15 s; the one-second timeout ends it long before
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stoppingTheAnswerHangsUpOnTheModel() throws Exception {
        Learner learner = learner();
        llm.answer(FakeLlm.Mode.ENDLESS);
        try (AskEvents answer = ask(learner, "Tell me everything about the GIL")) {
            assertThat(answer.next().name()).isEqualTo("passages");
            assertThat(answer.next().name()).isEqualTo("token");
        } // closing the stream is what the panel's Stop button does
        assertThat(llm.hungUp().await(15, TimeUnit.SECONDS))
                .as("the server stopped reading from the model")
                .isTrue();
    }

    @Test
    void guestsGetThePassagesOnlyAndNothingIsSentToTheModel() {
        try (AskEvents answer = ask(null, "What does the GIL protect?")) {
            List<AskEvents.Event> events = answer.rest();
            assertThat(events).extracting(AskEvents.Event::name).containsExactly("passages", "done");
            assertThat(events.get(0).data().path("generation").asText()).isEqualTo("sign_in");
        }
        assertThat(llm.received()).isEmpty();
    }

    @Test
    void aLearnerOverTheDailyBudgetGetsPassagesAndTheModelIsNotAsked() throws Exception {
        Learner learner = learner();
        llm.answerWith(List.of("A long answer."), 120);
        try (AskEvents answer = ask(learner, "What does the GIL protect?")) {
            assertThat(answer.rest()).extracting(AskEvents.Event::name).contains("token", "done");
        }
        assertThat(llm.received().poll(5, TimeUnit.SECONDS)).isNotNull();
        try (AskEvents answer = ask(learner, "And what does it not protect?")) {
            List<AskEvents.Event> events = answer.rest();
            assertThat(events).extracting(AskEvents.Event::name).containsExactly("passages", "notice", "done");
            assertThat(events.get(1).data().path("kind").asText()).isEqualTo("budget");
        }
        assertThat(llm.received()).isEmpty();
        // another learner's budget is their own
        try (AskEvents answer = ask(learner(), "What does the GIL protect?")) {
            assertThat(answer.rest()).extracting(AskEvents.Event::name).contains("token");
        }
    }

    @Test
    void aLearnerAskingTooOftenInAMinuteIsToldToWait() {
        Learner learner = learner();
        for (int i = 0; i < 4; i++) {
            try (AskEvents answer = ask(learner, "Question " + i + " about the GIL")) {
                assertThat(answer.response().statusCode()).isEqualTo(200);
                answer.rest();
            }
        }
        try (AskEvents refused = ask(learner, "One question too many about the GIL")) {
            assertThat(refused.response().statusCode()).isEqualTo(429);
            assertThat(refused.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"error\"", "Try again in");
        }
    }

    @Test
    void theApiKeyNeverAppearsInTheLogsOrOnTheAdminScreen() {
        Learner learner = learner();
        llm.answer(FakeLlm.Mode.ERROR);
        try (AskEvents answer = ask(learner, "What does the GIL protect?")) {
            answer.rest();
        }
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("Language model"));
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .doesNotContain(KEY);
            }
        }
        String admin = "boss@example.org";
        server.app().accounts().createUser(admin, "Boss", PASSWORD, Role.ADMIN);
        var page = new Visitor(server).logIn(admin, PASSWORD).get("/admin/ask");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("test-model", "data-state=\"on\"", "set (never shown)");
        assertThat(page.body()).doesNotContain(KEY);
        // settings are records, which print every field unless told otherwise
        assertThat(AskConfig.fromSettings(new Settings(Map.of(
                                "LECTERN_LLM_URL", llm.url(), "LECTERN_LLM_MODEL", "m", "LECTERN_LLM_API_KEY", KEY)))
                        .toString())
                .doesNotContain(KEY);
    }
}
