package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.accounts.Role;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Sections and chapters in the studio: add, rename, reorder, mark free, delete with a warning, then publish. The
 * tests share one course, and the deletion runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StructureHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String COURSE = "/studio/courses/sample-course";
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

    private static Visitor ann() {
        return new Visitor(server).logIn("ann@example.org", PASSWORD);
    }

    private static long chapterId(String slug) {
        return server.app()
                .database()
                .dsl()
                .select(CHAPTER.ID)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq(slug))
                .fetchOne(CHAPTER.ID);
    }

    private static int position(String slug) {
        return server.app()
                .database()
                .dsl()
                .select(CHAPTER.POSITION)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq(slug))
                .fetchOne(CHAPTER.POSITION);
    }

    @Test
    @Order(1)
    void anAuthorBuildsReordersAndPublishesTheStructureAndIdsStayTheSame() {
        Visitor ann = ann();
        long first = chapterId("first");
        assertThat(ann.post(COURSE + "/sections/basics/chapters", Map.of("slug", "extra", "title", "An extra chapter"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.post(COURSE + "/chapters/basics/extra/move", Map.of("direction", "up"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.post(COURSE + "/sections/basics/order", Map.of("order", "extra,first,second"))
                        .statusCode())
                .isEqualTo(302);
        String page = ann.get(COURSE).body();
        assertThat(page.indexOf("An extra chapter")).isLessThan(page.indexOf("First steps"));
        assertThat(server.app()
                        .exporter()
                        .published("sample-course")
                        .orElseThrow()
                        .contains("01-basics/03-extra.md"))
                .isFalse();

        HttpResponse<String> oneChapter = ann.post(COURSE + "/chapters/basics/first/publish", Map.of());
        assertThat(oneChapter.statusCode()).isEqualTo(422);
        assertThat(oneChapter.body()).contains("publish the whole course instead");

        assertThat(ann.post(COURSE + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(chapterId("first")).as("a move keeps the chapter's id").isEqualTo(first);
        assertThat(position("extra")).isEqualTo(1);
        assertThat(position("first")).isEqualTo(2);
        assertThat(new Visitor(server)
                        .get("/courses/sample-course/basics/extra")
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.app()
                        .exporter()
                        .published("sample-course")
                        .orElseThrow()
                        .paths())
                .contains(
                        "01-basics/01-extra.md",
                        "01-basics/02-first.md",
                        "01-basics/03-second.md",
                        "01-basics/03-second.quiz.yaml",
                        "01-basics/03-second.challenges/add-numbers/tests.py");
    }

    @Test
    @Order(2)
    void sectionsAreAddedRenamedMovedAndAChapterMadeFreeForGuests() {
        Visitor ann = ann();
        assertThat(ann.post(COURSE + "/sections", Map.of("slug", "later", "title", "Later on"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.post(COURSE + "/sections", Map.of("slug", "later", "title", "Again"))
                        .body())
                .contains("That address name is taken here already.");
        assertThat(ann.post(COURSE + "/sections/later/title", Map.of("title", "Much later: the end"))
                        .statusCode())
                .isEqualTo(302);
        ann.post(COURSE + "/sections/later/chapters", Map.of("slug", "finale", "title", "Finale"));
        ann.post(COURSE + "/sections/later/move", Map.of("direction", "up"));
        ann.post(COURSE + "/chapters/more/third/free", Map.of("free", "true"));
        String page = ann.get(COURSE).body();
        assertThat(page).contains("Much later: the end");
        assertThat(page.indexOf("Much later: the end")).isLessThan(page.indexOf("The third chapter"));

        assertThat(ann.post(COURSE + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(new Visitor(server).get("/courses/sample-course/more/third").body())
                .as("a guest reads the chapter made free")
                .contains("The end.");
        assertThat(server.app()
                        .exporter()
                        .published("sample-course")
                        .orElseThrow()
                        .text("02-later/section.md"))
                .contains("---\ntitle: \"Much later: the end\"\n---\n");
        assertThat(ann.post(COURSE + "/chapters/more/third/free", Map.of("free", "maybe"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(ann.post(COURSE + "/chapters/more/nowhere/move", Map.of("direction", "up"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void deletingAChapterWithAnswersWarnsFirstAndKeepsTheAnswers() {
        Visitor learner = new Visitor(server).logIn("lea@example.org", PASSWORD);
        FixtureQuiz.choose(server, learner, "pick-processes", "cpu");
        int attempts = server.app().database().dsl().fetchCount(QUESTION_ATTEMPT);
        assertThat(attempts).isPositive();

        Visitor ann = ann();
        String warning = ann.get(COURSE + "/chapters/basics/second/delete").body();
        assertThat(warning).contains("Learners worked here", "by 1 learner", "Their work is kept");
        assertThat(ann.get(COURSE + "/chapters/more/third/delete").body()).doesNotContain("Learners worked here");

        assertThat(ann.post(COURSE + "/chapters/basics/second/delete", Map.of()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> dangling = ann.post(COURSE + "/publish", Map.of());
        assertThat(dangling.statusCode())
                .as("the first chapter still links to it")
                .isEqualTo(422);
        assertThat(dangling.body()).contains("first.md:", "link target not found: 02-second.md#a-table");
        String first = "/studio/courses/sample-course/chapters/basics/first";
        java.util.regex.Matcher base = java.util.regex.Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"")
                .matcher(ann.get(first).body());
        assertThat(base.find()).isTrue();
        ann.post(first, Map.of("text", "---\ntitle: First steps\n---\nNo links now.\n", "base", base.group(1)));
        assertThat(ann.post(COURSE + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(new Visitor(server)
                        .logIn("lea@example.org", PASSWORD)
                        .get("/courses/sample-course/basics/second")
                        .statusCode())
                .isEqualTo(404);
        assertThat(server.app().database().dsl().fetchCount(QUESTION_ATTEMPT)).isEqualTo(attempts);
    }
}
