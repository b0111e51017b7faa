package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.ASK_QUESTION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The panel's endpoint and the search page without a language model: questions kept per chapter without the
 * asker, the admin's "most asked" list, bad input refused with a clear 4xx, guest pages still shared, and the index
 * following a re-import.
 */
class AskHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String FIRST = "/courses/sample-course/basics/first";
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path content;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        content = Files.createTempDirectory("lectern-ask-content-");
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        server = TestServer.start(content, Map.of("LECTERN_ASK_PER_MINUTE", "100"));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteTree(content);
    }

    private static List<AskEvents.Event> askAsGuest(String question) {
        try (AskEvents answer =
                AskEvents.post(http, server.url("/api/ask"), AskEvents.question(FIRST, question), null)) {
            assertThat(answer.response().statusCode()).isEqualTo(200);
            return answer.rest();
        }
    }

    private static HttpResponse<String> postJson(String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/ask")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestServer.send(http, request.build());
    }

    private static long storedQuestions() {
        return server.app().database().dsl().fetchCount(ASK_QUESTION);
    }

    @Test
    void withoutAModelTheAnswerIsThePassagesAndTheQuestionIsKeptWithoutTheAsker() {
        List<AskEvents.Event> events = askAsGuest("  How do threads share a Queue?  ");
        assertThat(events).extracting(AskEvents.Event::name).containsExactly("passages", "done");
        assertThat(events.get(0).data().path("generation").asText()).isEqualTo("off");
        assertThat(events.get(0).data().path("passages").path(0).path("href").asText())
                .startsWith("/courses/sample-course/");

        var row = server.app()
                .database()
                .dsl()
                .selectFrom(ASK_QUESTION)
                .where(ASK_QUESTION.QUESTION.eq("How do threads share a Queue?"))
                .fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.getNormalized()).isEqualTo("how do threads share a queue");
        assertThat(row.getGenerated()).isFalse();
        // nothing in the table can say who asked
        assertThat(ASK_QUESTION.fields())
                .extracting(f -> f.getName())
                .containsExactlyInAnyOrder("id", "chapter_id", "question", "normalized", "generated", "created_at");
    }

    @Test
    void adminsSeeTheMostAskedQuestionsOfEachChapterAndNobodyElseDoes() {
        askAsGuest("What is a thread pool?");
        askAsGuest("what is a  thread pool");
        askAsGuest("What is a thread pool ?!");
        askAsGuest("Why do we join?");
        String adminEmail = "ask-admin@example.org";
        server.app().accounts().createUser(adminEmail, "Admin", PASSWORD, Role.ADMIN);
        HttpResponse<String> page =
                new Visitor(server).logIn(adminEmail, PASSWORD).get("/admin/ask");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("data-state=\"off\"", "nothing is sent anywhere");
        int pool = body.indexOf("<td>what is a thread pool</td>");
        int join = body.indexOf("<td>why do we join</td>");
        assertThat(pool).isPositive();
        assertThat(join).isGreaterThan(pool);
        assertThat(body.substring(pool, pool + 80)).contains("<td>3</td>");

        server.app().accounts().createUser("ask-learner@example.org", "L", PASSWORD, Role.LEARNER);
        Visitor learner = new Visitor(server).logIn("ask-learner@example.org", PASSWORD);
        assertThat(learner.get("/admin/ask").statusCode()).isEqualTo(403);
        assertThat(new Visitor(server).get("/admin/ask").statusCode()).isEqualTo(302);
    }

    @Test
    void badQuestionsAreRefusedWithAClearErrorAndNothingIsKept() {
        long before = storedQuestions();
        assertThat(postJson("{not json").statusCode()).isEqualTo(400);
        assertThat(postJson("[1, 2]").statusCode()).isEqualTo(400);
        HttpResponse<String> empty = postJson(AskEvents.question(FIRST, "   "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"error\"", "Ask a question");
        assertThat(postJson(AskEvents.question(FIRST, "x".repeat(1001))).statusCode())
                .isEqualTo(400);
        assertThat(postJson(AskEvents.question("/courses/sample-course/basics/nowhere", "Why?"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postJson("{\"course\":\"sample-course\",\"section\":\"basics\",\"chapter\":\"first\","
                                + "\"question\":42}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson("{\"course\":\"sample-course\",\"section\":\"basics\",\"chapter\":\"first\","
                                + "\"run\":{\"code\":\"\",\"error\":\"boom\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson(AskEvents.question(FIRST, "Why?"), "Origin", "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(storedQuestions()).isEqualTo(before);
    }

    @Test
    void theChapterPageWithThePanelStaysOneSharedPageForGuests() {
        HttpResponse<String> first = server.get(FIRST);
        askAsGuest("Does asking change the page?");
        HttpResponse<String> second = server.get(FIRST);
        assertThat(first.body()).contains("id=\"ask-panel\"", "data-chapter=\"first\"");
        assertThat(first.body()).doesNotContain("csrf-token");
        assertThat(second.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void theSearchPageEscapesTheQueryAndIsNeverSharedOrCached() {
        HttpResponse<String> page = server.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+queue");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(server.get("/search?q=" + "a".repeat(5000)).statusCode()).isEqualTo(200);
        assertThat(server.get("/search").body()).contains("id=\"search-q\"");
    }

    @Test
    void reimportingChangedContentRebuildsTheIndex() {
        assertThat(server.get("/search?q=zanzibarquux").body()).doesNotContain("search-result__link");
        Path chapter = content.resolve("sample-course/01-basics/01-first.md");
        TestFiles.write(chapter, readString(chapter) + "\n\n## Islands\n\nThreads rarely visit zanzibarquux.\n");
        server.app().content().importChanged(content);
        String found = server.get("/search?q=zanzibarquux").body();
        assertThat(found).contains(FIRST + "#islands", "<mark>zanzibarquux</mark>");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
