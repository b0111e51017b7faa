package org.lectern.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The analytics screens over HTTP: who may see them, the filters and their errors, and the CSV files. */
class AnalyticsHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String QUIZ = "/admin/analytics/sample-course/quiz?quiz=basics/second";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        var accounts = server.app().accounts();
        accounts.createUser("admin@example.org", "Ada Admin", PASSWORD, Role.ADMIN);
        accounts.createUser("author@example.org", "Arthur Author", PASSWORD, Role.AUTHOR);
        accounts.createUser("learner@example.org", "Lena Learner", PASSWORD, Role.LEARNER);
        seed();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Four learners at "pick-processes" (cpu right, io wrong): 1 cpu; 2 io then cpu; 3 io; 4 cpu. First attempts:
     * facility 50%; last or best: 75%. Feedback, runs and challenge submissions beside them.
     */
    private static void seed() {
        var dsl = server.app().database().dsl();
        AnalyticsFixture fixture = new AnalyticsFixture(dsl);
        long question = FixtureQuiz.question(server, "pick-processes");
        String cpu = Long.toString(FixtureQuiz.option(server, "pick-processes", "cpu"));
        String io = Long.toString(FixtureQuiz.option(server, "pick-processes", "io"));
        long[] learners = new long[4];
        for (int i = 0; i < 4; i++) {
            learners[i] = fixture.learner("data" + i);
        }
        fixture.attempt(learners[0], question, 1, 1, cpu, 4_000L, day(1));
        fixture.attempt(learners[1], question, 1, 0, io, 6_000L, day(1));
        fixture.attempt(learners[1], question, 2, 1, cpu, 2_000L, day(3));
        fixture.attempt(learners[2], question, 1, 0, io, 8_000L, day(2));
        fixture.attempt(learners[3], question, 1, 1, cpu, 5_000L, day(2));

        long second = dsl.select(CHAPTER.ID)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq("second"))
                .fetchOne(CHAPTER.ID);
        long first = dsl.select(CHAPTER.ID)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq("first"))
                .fetchOne(CHAPTER.ID);
        fixture.visit(first, learners[0], day(1), true);
        fixture.visit(first, learners[1], day(1), true);
        fixture.visit(second, learners[0], day(2), false);
        fixture.feedback(second, learners[0], false, "The diagram on threads is confusing", day(1));
        fixture.feedback(second, learners[1], true, "=HYPERLINK(\"http://evil.example\")", day(2));
        fixture.feedback(second, learners[2], true, "More diagrams please", day(3));
        fixture.feedback(first, learners[3], true, null, day(3));

        fixture.run(learners[0], "sample-course", "second", 1, "error", 120, day(1));
        fixture.run(learners[1], "sample-course", "second", 1, "error", 80, day(1));
        fixture.run(learners[1], "sample-course", "first", 0, "timeout", 10_000, day(2));
        fixture.run(learners[2], "sample-course", "first", 0, "ok", 100, day(2));
        fixture.run(learners[2], "sample-course", "first", 0, "ok", 200, day(2));
        fixture.run(learners[3], "sample-course", "first", 0, "ok", 300, day(3));
        fixture.run(learners[3], "other-course", "x", 0, "ok", 300, day(3));
        long challenge = dsl.select(CHALLENGE.ID).from(CHALLENGE).fetchOne(CHALLENGE.ID);
        fixture.submission(challenge, learners[0], 1, false, day(1));
        fixture.submission(challenge, learners[0], 2, true, day(2));
        fixture.submission(challenge, learners[1], 1, false, day(2));
    }

    private static OffsetDateTime day(int day) {
        return OffsetDateTime.of(2026, 3, day, 9, 0, 0, 0, ZoneOffset.UTC);
    }

    private static Visitor admin() {
        return new Visitor(server).logIn("admin@example.org", PASSWORD);
    }

    @Test
    void onlyAdminsSeeAnalyticsGuestsAreSentToLoginOthersRefused() {
        List<String> paths = List.of(
                "/admin/analytics",
                "/admin/analytics/sample-course",
                QUIZ,
                "/admin/analytics/sample-course/feedback",
                "/admin/analytics/sample-course/runs",
                "/admin/analytics/sample-course/export/questions");
        Visitor guest = new Visitor(server);
        Visitor learner = new Visitor(server).logIn("learner@example.org", PASSWORD);
        Visitor author = new Visitor(server).logIn("author@example.org", PASSWORD);
        Visitor admin = admin();
        for (String path : paths) {
            HttpResponse<String> asGuest = guest.get(path);
            assertThat(asGuest.statusCode()).as(path).isEqualTo(302);
            assertThat(asGuest.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
            assertThat(learner.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(author.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(learner.get("/admin/analytics/sample-course/export/questions")
                        .body())
                .doesNotContain("pick-processes");
    }

    @Test
    void theAttemptBasisChangesTheFacility() {
        Visitor admin = admin();
        String first = admin.get(QUIZ).body();
        assertThat(first).contains("Quiz statistics", "data-question=\"pick-processes\"");
        assertThat(facilityOf(first, "pick-processes")).isEqualTo("50.0%");
        assertThat(facilityOf(admin.get(QUIZ + "&basis=last").body(), "pick-processes"))
                .isEqualTo("75.0%");
        assertThat(facilityOf(admin.get(QUIZ + "&basis=best").body(), "pick-processes"))
                .isEqualTo("75.0%");
        // Only learners 3 and 4 answered on 2 March.
        assertThat(facilityOf(admin.get(QUIZ + "&from=2026-03-02&to=2026-03-02").body(), "pick-processes"))
                .isEqualTo("50.0%");
        assertThat(admin.get(QUIZ + "&from=2026-03-02&to=2026-03-02").body()).contains("data-stat=\"learners\">2<");
        assertThat(admin.get("/admin/analytics/sample-course/quiz?quiz=basics/second&basis=first", "Cookie", "lang=nl")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theOverviewShowsTheFunnelAndTheFeedbackSearchFindsSuggestionsNewestFirst() {
        Visitor admin = admin();
        String overview = admin.get("/admin/analytics/sample-course").body();
        assertThat(overview).contains("Completion funnel", "<title id=\"funnel-chart-title\"", "chapters-table");
        String feedback =
                admin.get("/admin/analytics/sample-course/feedback?q=DIAGRAM").body();
        assertThat(feedback).contains("More diagrams please", "The diagram on threads is confusing");
        assertThat(feedback).doesNotContain("HYPERLINK");
        assertThat(feedback.indexOf("More diagrams please"))
                .isLessThan(feedback.indexOf("The diagram on threads is confusing"));
        String chapterOnly = admin.get("/admin/analytics/sample-course/feedback?chapter=basics/first")
                .body();
        assertThat(chapterOnly).doesNotContain("More diagrams please");
    }

    @Test
    void aWholeCourseAndAQuizWithoutQuestionsAreReportedToo() {
        Visitor admin = admin();
        HttpResponse<String> course = admin.get("/admin/analytics/sample-course/quiz?basis=best");
        assertThat(course.statusCode()).isEqualTo(200);
        assertThat(course.body()).contains("data-question=\"order-it\"", "scatter-desc");
        HttpResponse<String> empty = admin.get("/admin/analytics/sample-course/quiz?quiz=more");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("This quiz has no questions.");
    }

    @Test
    void badFilterValuesGetAClear400AndUnknownPlacesA404() {
        Visitor admin = admin();
        HttpResponse<String> basis = admin.get(QUIZ + "&basis=worst");
        assertThat(basis.statusCode()).isEqualTo(400);
        assertThat(basis.body()).contains("first, last or best").doesNotContain("Exception");
        HttpResponse<String> date = admin.get(QUIZ + "&from=2026-02-30");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("yyyy-mm-dd");
        assertThat(admin.get(QUIZ + "&from=2026-03-05&to=2026-03-01").statusCode())
                .isEqualTo(400);
        HttpResponse<String> json =
                admin.get("/admin/analytics/sample-course/runs?to=soon", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"status\":400", "yyyy-mm-dd");
        assertThat(admin.get("/admin/analytics/no-such-course").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/analytics/sample-course/quiz?quiz=nowhere").statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/admin/analytics/sample-course/quiz?quiz=basics/nowhere")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/admin/analytics/sample-course/export/secrets").statusCode())
                .isEqualTo(404);
    }

    @Test
    void csvFilesCarryTheTablesFigures() throws IOException {
        Visitor admin = admin();
        HttpResponse<String> questions =
                admin.get("/admin/analytics/sample-course/export/questions?quiz=basics/second&basis=last");
        assertThat(questions.statusCode()).isEqualTo(200);
        assertThat(questions.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(questions.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"sample-course-questions.csv\"");
        CSVRecord pick = rows(questions.body()).stream()
                .filter(r -> r.get("question_key").equals("pick-processes"))
                .findFirst()
                .orElseThrow();
        assertThat(pick.get("facility_percent")).isEqualTo("75.0000");
        assertThat(pick.get("answered")).isEqualTo("4");

        List<CSVRecord> options = rows(admin.get("/admin/analytics/sample-course/export/options?quiz=basics/second")
                .body());
        CSVRecord cpu = options.stream()
                .filter(r -> r.get("option_key").equals("cpu"))
                .findFirst()
                .orElseThrow();
        assertThat(cpu.get("chosen")).isEqualTo("2");
        assertThat(cpu.get("share_percent")).isEqualTo("50.0000");

        List<CSVRecord> comments =
                rows(admin.get("/admin/analytics/sample-course/export/comments").body());
        assertThat(comments).hasSize(3);
        assertThat(comments.get(0).get("comment")).isEqualTo("More diagrams please");
        assertThat(comments.get(1).get("comment")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");

        List<CSVRecord> statuses = rows(
                admin.get("/admin/analytics/sample-course/export/run-statuses").body());
        assertThat(statuses)
                .extracting(r -> r.get("status") + "=" + r.get("runs"))
                .containsExactly("ok=3", "error=2", "timeout=1");
        List<CSVRecord> snippets =
                rows(admin.get("/admin/analytics/sample-course/export/snippets").body());
        assertThat(snippets.get(0).get("chapter")).isEqualTo("second");
        assertThat(snippets.get(0).get("failures")).isEqualTo("2");
        List<CSVRecord> challenges = rows(
                admin.get("/admin/analytics/sample-course/export/challenges").body());
        assertThat(challenges.get(0).get("submissions")).isEqualTo("3");
        assertThat(challenges.get(0).get("pass_percent")).isEqualTo("33.3333");
        assertThat(challenges.get(0).get("learners_passed")).isEqualTo("1");
        List<CSVRecord> funnel =
                rows(admin.get("/admin/analytics/sample-course/export/funnel").body());
        assertThat(funnel.get(0).get("reached")).isEqualTo("2");
        assertThat(funnel.get(0).get("completed")).isEqualTo("2");
        assertThat(funnel.get(1).get("reached")).isEqualTo("4");
        List<CSVRecord> trend = rows(admin.get("/admin/analytics/sample-course/export/trend?chapter=basics/second")
                .body());
        assertThat(trend)
                .extracting(r -> r.get("week") + ":" + r.get("clear_yes") + "/" + r.get("clear_no"))
                .containsExactly("2026-02-23:0/1", "2026-03-02:2/0");
    }

    @Test
    void runsPageShowsPercentilesAndTheHardestChallenge() {
        String runs = admin().get("/admin/analytics/sample-course/runs").body();
        assertThat(runs).contains("6 runs", "p50 160.0 ms", "Add two numbers", "data-status=\"timeout\"");
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static String facilityOf(String page, String questionKey) {
        int row = page.indexOf("data-question=\"" + questionKey + "\"");
        assertThat(row).as("row of " + questionKey).isPositive();
        int cell = page.indexOf("data-stat=\"facility\">", row) + "data-stat=\"facility\">".length();
        return page.substring(cell, page.indexOf('<', cell));
    }
}
