package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.content.CourseFiles;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** Importing a zip in the studio: a preview of the changes, and no retiring of answered questions unless forced. */
class ImportHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final Pattern ACTION = Pattern.compile("action=\"(/studio/import/[0-9a-f]{32})\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        server.app().accounts().createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
        server.app().accounts().createUser("lea@example.org", "Lea Learner", PASSWORD, Role.LEARNER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> upload(Visitor author, byte[] zip) {
        return Multipart.post(server, author, "/studio/import", "zip", "c.zip", zip);
    }

    private static byte[] zip(CourseFiles files) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        files.writeZip("sample-course", zip);
        return zip.toByteArray();
    }

    @Test
    void aZipIsPreviewedThenImportedAndAnsweredQuestionsLeaveOnlyWhenForced() {
        long question = FixtureQuiz.question(server, "what-prints");
        new Visitor(server)
                .logIn("lea@example.org", PASSWORD)
                .post("/courses/sample-course/basics/second/questions/" + question, Map.of("text", "2"));
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        CourseFiles published =
                server.app().exporter().published("sample-course").orElseThrow();

        HttpResponse<String> same = upload(ann, zip(published));
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("Nothing changes: these are the published files.");

        String quiz = published.text("01-basics/02-second.quiz.yaml").orElseThrow();
        String withoutWhatPrints = quiz.substring(0, quiz.indexOf("  - id: what-prints"))
                + quiz.substring(quiz.indexOf("  - id: pick-all"));
        CourseFiles changed = published
                .with("01-basics/02-second.quiz.yaml", withoutWhatPrints.getBytes(StandardCharsets.UTF_8))
                .with(
                        "02-more/01-third.md",
                        "---\ntitle: The third chapter\n---\nA new end.\n".getBytes(StandardCharsets.UTF_8))
                .with("02-more/02-fourth.md", "---\ntitle: Fourth\n---\nMore.\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> preview = upload(ann, zip(changed));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Chapters added", "more/fourth", "Chapters changed", "more/third", "basics/second")
                .contains("Questions removed", "basics/second/what-prints", "1 answer by learners")
                .contains("Retire those questions anyway");
        Matcher action = ACTION.matcher(preview.body());
        assertThat(action.find()).isTrue();

        HttpResponse<String> refused = ann.post(action.group(1), Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Nothing was imported");
        assertThat(new Visitor(server).get("/courses/sample-course/more/fourth").statusCode())
                .isEqualTo(404);

        assertThat(ann.post(action.group(1), Map.of("force", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(server.app().exporter().published("sample-course")).contains(changed);
        assertThat(new Visitor(server)
                        .logIn("lea@example.org", PASSWORD)
                        .get("/courses/sample-course/more/fourth")
                        .body())
                .contains("More.");
        var retired = server.app()
                .database()
                .dsl()
                .selectFrom(QUESTION)
                .where(QUESTION.ID.eq(question))
                .fetchOne();
        assertThat(retired.getRetiredAt()).isNotNull();
        assertThat(server.app()
                        .database()
                        .dsl()
                        .fetchCount(QUESTION_ATTEMPT, QUESTION_ATTEMPT.QUESTION_ID.eq(question)))
                .as("the answer is kept")
                .isEqualTo(1);
        assertThat(ann.post(action.group(1), Map.of("force", "yes")).statusCode())
                .as("an upload is imported once")
                .isEqualTo(404);
        assertThat(ann.get("/studio/courses/sample-course/revisions").body()).contains("Imported");
    }

    @Test
    void whatIsNotACourseZipGetsAClearRefusal() {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        HttpResponse<String> garbage = upload(ann, "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("The zip holds no course folder");
        CourseFiles broken = CourseFiles.of(new java.util.TreeMap<>(
                Map.of("course.md", "---\ntitle: [oops\n---\n".getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> invalid = upload(ann, zip(broken));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Not imported:", "sample-course/course.md");
        assertThat(ann.post("/studio/import/0123456789abcdef0123456789abcdef", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
