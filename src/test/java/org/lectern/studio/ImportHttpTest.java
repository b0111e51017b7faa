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
import org.lectern.testing.Learner;
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
        Visitor lea = new Visitor(server).logIn("lea@example.org", PASSWORD);
        lea.post("/courses/sample-course/basics/second/questions/" + question, Map.of("text", "2"));
        assertThat(lea.get("/courses/sample-course/basics/second").body()).contains("id=\"q-" + question + "\"");
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
        // the questions a chapter page and an answer read are kept per content version: the import is seen at once
        assertThat(lea.get("/courses/sample-course/basics/second").body()).doesNotContain("id=\"q-" + question + "\"");
        assertThat(lea.post("/courses/sample-course/basics/second/questions/" + question, Map.of("text", "2"))
                        .statusCode())
                .isEqualTo(404);
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

    private static final String ADD_NUMBERS = "01-basics/02-second.challenges/add-numbers/";

    private static CourseFiles published() {
        return server.app().exporter().published("sample-course").orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChapterMovedToAnotherSectionIsShownMovedWithItsQuestionsKept() {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        CourseFiles before = published();
        CourseFiles moved = before;
        for (String path : before.paths()) {
            if (path.startsWith("01-basics/02-second.")) {
                moved = moved.without(path)
                        .with(
                                "02-more/02-second." + path.substring(20),
                                before.bytes(path).orElseThrow());
            }
        }
        moved = moved.with(
                "01-basics/01-first.md",
                utf8("---\ntitle: First steps\n---\nOn to [the second](../02-more/02-second.md#a-table).\n"));
        HttpResponse<String> preview = upload(ann, zip(moved));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Chapters moved", "basics/second → more/second")
                .doesNotContain("Questions removed", "Questions added", "Retire those questions anyway");
    }

    @Test
    void aChangedChallengeThatFailsVerificationRefusesTheImportWithTheReason() {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        CourseFiles broken = published().with(ADD_NUMBERS + "solution.py", utf8("def add(a, b):\n    return a - b\n"));
        HttpResponse<String> refused = upload(ann, zip(broken));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Not imported:", "sample-course/" + ADD_NUMBERS.substring(0, ADD_NUMBERS.length() - 1))
                .contains("the reference solution does not pass")
                .contains("Changed challenges, verified in the sandbox");
        assertThat(ACTION.matcher(refused.body()).find())
                .as("nothing to confirm")
                .isFalse();
        assertThat(published().text(ADD_NUMBERS + "solution.py").orElseThrow()).contains("a + b");
    }

    @Test
    void anImportThatChangesAnAnsweredQuestionsKeyAsksAndRegradesWhenTold() {
        long question = FixtureQuiz.question(server, "pick-processes");
        Learner lee = Learner.signedIn(server, "lee");
        FixtureQuiz.choose(server, lee.visitor(), "pick-processes", "cpu");
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        CourseFiles before = published();
        String quiz = before.text("01-basics/02-second.quiz.yaml").orElseThrow();
        String swapped = quiz.replace(
                        "text: CPU-bound work\n        correct: true", "text: CPU-bound work\n        correct: false")
                .replace("text: Waiting on the network\n", "text: Waiting on the network\n        correct: true\n");
        assertThat(swapped).isNotEqualTo(quiz);
        CourseFiles changed = before.with("01-basics/02-second.quiz.yaml", utf8(swapped))
                .with(
                        ADD_NUMBERS + "challenge.md",
                        utf8("---\ntitle: Add two numbers\n---\nWrite `add(a, b)`, again.\n"));

        HttpResponse<String> preview = upload(ann, zip(changed));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body())
                .contains("verified: the reference solution passes and the starter fails")
                .contains("Regrade the answers already given?", "data-question=\"pick-processes\"")
                .contains("Import and regrade", "Import, keep the earlier verdicts");
        Matcher action = ACTION.matcher(preview.body());
        assertThat(action.find()).isTrue();

        HttpResponse<String> undecided = ann.post(action.group(1), Map.of());
        assertThat(undecided.statusCode()).isEqualTo(409);
        assertThat(undecided.body()).contains("choose whether the answers already given are regraded");
        assertThat(published()).isEqualTo(before);

        assertThat(ann.post(action.group(1), Map.of("regrade", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(published()).isEqualTo(changed);
        assertThat(server.app()
                        .database()
                        .dsl()
                        .select(QUESTION_ATTEMPT.CORRECT)
                        .from(QUESTION_ATTEMPT)
                        .where(QUESTION_ATTEMPT.QUESTION_ID.eq(question).and(QUESTION_ATTEMPT.USER_ID.eq(lee.id())))
                        .fetchOne(QUESTION_ATTEMPT.CORRECT))
                .as("the answer was graded again with the new key")
                .isFalse();
        assertThat(ann.get("/studio/courses/sample-course/revisions").body()).contains("Regraded", "pick-processes");
    }
}
