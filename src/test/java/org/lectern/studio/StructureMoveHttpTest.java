package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.accounts.Role;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.Learner;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Moving in the studio: sections by position (what a drop sends, as JSON), a chapter into another section with its
 * learners' answers and progress, and a move made on a structure that changed meanwhile, which shows both and can be
 * redone. The tests share one course, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StructureMoveHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String COURSE = "/studio/courses/sample-course";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTION =
            Pattern.compile("class=\"studio-outline__section\"[^>]*data-section=\"([a-z-]+)\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        server.app().accounts().createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
        server.app().accounts().createUser("bob@example.org", "Bob Author", PASSWORD, Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor author(String who) {
        return new Visitor(server).logIn(who + "@example.org", PASSWORD);
    }

    private static List<String> sections(Visitor who) {
        Matcher m = SECTION.matcher(who.get(COURSE).body());
        List<String> order = new ArrayList<>();
        while (m.find()) {
            order.add(m.group(1));
        }
        return order;
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    @Test
    @Order(1)
    void aDroppedSectionMovesToItsPlaceAndTheAnswerGivesTheNewLayout() throws Exception {
        Visitor ann = author("ann");
        String layout = EditorForms.layout(ann, COURSE);
        HttpResponse<String> moved = ann.post(
                COURSE + "/sections/more/move",
                Map.of("position", "1", "layout", layout),
                "Accept",
                "application/json");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("layout").asText()).isNotEqualTo(layout).isEqualTo(EditorForms.layout(ann, COURSE));
        assertThat(sections(ann)).containsExactly("more", "basics");
        assertThat(ann.get("/studio/courses/sample-course/revisions").body()).contains("Changed the order");

        assertThat(ann.post(COURSE + "/sections/more/move", Map.of("position", "0"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(ann.post(COURSE + "/sections/more/move", Map.of("position", "first"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> back =
                ann.post(COURSE + "/sections/basics/move", Map.of("position", "1"), "Accept", "application/json");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(sections(ann)).containsExactly("basics", "more");
    }

    @Test
    @Order(2)
    void aChapterMovedToAnotherSectionKeepsItsLearnersAnswersAndProgressOncePublished() {
        Learner lea = Learner.signedIn(server, "lea");
        long question = FixtureQuiz.question(server, "pick-processes");
        FixtureQuiz.choose(server, lea.visitor(), "pick-processes", "cpu");
        assertThat(lea.visitor().get("/courses/sample-course/basics/second").statusCode())
                .isEqualTo(200);
        var db = server.app().database().dsl();
        long chapter = db.select(CHAPTER.ID)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq("second"))
                .fetchOne(CHAPTER.ID);
        int attempts = db.fetchCount(QUESTION_ATTEMPT, QUESTION_ATTEMPT.USER_ID.eq(lea.id()));
        assertThat(attempts).isEqualTo(1);

        Visitor ann = author("ann");
        assertThat(ann.get(COURSE).body()).contains("Move to", "id=\"move-basics-second\"");
        assertThat(ann.post(COURSE + "/chapters/basics/second/move", Map.of("section", "more"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.get(COURSE + "/chapters/more/second/delete").body())
                .as("deleting it warns of the answers given where it is published")
                .contains("Learners worked here", "by 1 learner");
        HttpResponse<String> dangling = ann.post(COURSE + "/publish", Map.of());
        assertThat(dangling.statusCode())
                .as("the first chapter still links to its old place")
                .isEqualTo(422);
        assertThat(dangling.body()).contains("01-first.md:", "link target not found: 02-second.md#a-table");
        String first = COURSE + "/chapters/basics/first";
        ann.post(
                first,
                Map.of(
                        "text",
                        "---\ntitle: First steps\n---\nOn to [the second](../02-more/02-second.md#a-table).\n",
                        "base",
                        EditorForms.base(ann, first)));
        String quiz = COURSE + "/chapters/more/second/quiz";
        String text = ann.get(quiz).body();
        assertThat(text).as("the quiz moved along").contains("pick-processes");
        assertThat(ann.post(COURSE + "/publish", Map.of()).statusCode()).isEqualTo(302);

        assertThat(server.app()
                        .exporter()
                        .published("sample-course")
                        .orElseThrow()
                        .paths())
                .contains(
                        "02-more/02-second.md",
                        "02-more/02-second.quiz.yaml",
                        "02-more/02-second.challenges/add-numbers/tests.py")
                .doesNotContain("01-basics/02-second.md", "01-basics/02-second.quiz.yaml");
        assertThat(db.select(CHAPTER.ID)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("second"))
                        .fetch(CHAPTER.ID))
                .as("the same chapter, not a new one")
                .containsExactly(chapter);
        assertThat(db.select(QUESTION.RETIRED_AT)
                        .from(QUESTION)
                        .where(QUESTION.ID.eq(question))
                        .fetchOne(QUESTION.RETIRED_AT))
                .isNull();
        assertThat(db.fetchCount(QUESTION_ATTEMPT, QUESTION_ATTEMPT.USER_ID.eq(lea.id())))
                .isEqualTo(attempts);
        assertThat(db.fetchCount(
                        CHAPTER_PROGRESS,
                        CHAPTER_PROGRESS.USER_ID.eq(lea.id()).and(CHAPTER_PROGRESS.CHAPTER_ID.eq(chapter))))
                .isEqualTo(1);
        assertThat(lea.visitor().get("/courses/sample-course/basics/second").statusCode())
                .isEqualTo(404);
        assertThat(lea.visitor().get("/courses/sample-course/more/second").statusCode())
                .isEqualTo(200);
        assertThat(lea.visitor().get("/me").body())
                .as("the learner's score and where to continue follow the chapter")
                .contains("100% right at the first try (1 of 1 questions)", "/courses/sample-course/more/second");
    }

    @Test
    @Order(3)
    void aMoveOnAStructureThatChangedMeanwhileShowsWhatWasTriedAndTheOutlineNowAndCanBeRedone() {
        Visitor ann = author("ann");
        Visitor bob = author("bob");
        String seen = EditorForms.layout(ann, COURSE);
        assertThat(bob.post(COURSE + "/sections/more/move", Map.of("direction", "up"))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> conflict =
                ann.post(COURSE + "/chapters/basics/first/move", Map.of("section", "more", "layout", seen));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body())
                .contains("Someone else changed the structure meanwhile", "nothing was changed")
                .contains("Move the chapter “First steps” to the end of “More”");
        String now = conflict.body().substring(conflict.body().indexOf("id=\"structure-now\""));
        assertThat(now.indexOf("data-section=\"more\"")).isLessThan(now.indexOf("data-section=\"basics\""));
        String after = conflict.body().substring(conflict.body().indexOf("id=\"structure-after\""));
        assertThat(after.indexOf("data-chapter=\"first\"")).isLessThan(after.indexOf("data-section=\"basics\""));
        assertThat(sections(ann)).as("nothing was changed").containsExactly("more", "basics");

        Map<String, String> redo = new java.util.HashMap<>();
        Matcher field = Pattern.compile("type=\"hidden\" name=\"(section|layout)\" value=\"([^\"]*)\"")
                .matcher(conflict.body());
        while (field.find()) {
            redo.put(field.group(1), field.group(2));
        }
        assertThat(redo).containsEntry("section", "more").containsEntry("layout", EditorForms.layout(ann, COURSE));
        assertThat(ann.post(COURSE + "/chapters/basics/first/move", redo).statusCode())
                .isEqualTo(302);
        assertThat(ann.get(COURSE + "/chapters/more/first").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aScriptGetsTheConflictAsJsonAndAMoveThatCanNoLongerBeMadeOffersNoRedo() throws Exception {
        Visitor ann = author("ann");
        Visitor bob = author("bob");
        String seen = EditorForms.layout(ann, COURSE);
        assertThat(bob.post(COURSE + "/sections/basics/chapters", Map.of("slug", "third", "title", "Another third"))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> stale = ann.post(
                COURSE + "/chapters/more/third/move",
                Map.of("section", "basics", "position", "1", "layout", seen),
                "Accept",
                "application/json");
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode answer = json(stale);
        assertThat(answer.get("change").asText())
                .isEqualTo("Move the chapter “The third chapter” to “The basics”, place 1");
        assertThat(answer.get("redo").asBoolean()).isFalse();
        assertThat(answer.get("redoRefused").asText()).contains("has a chapter with the same address name");
        assertThat(answer.get("outline").findValuesAsText("slug")).contains("basics", "third");
        assertThat(answer.get("layout").asText()).isEqualTo(EditorForms.layout(ann, COURSE));
        HttpResponse<String> page = ann.post(
                COURSE + "/chapters/more/third/move", Map.of("section", "basics", "position", "1", "layout", seen));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"structure-redo-refused\"").doesNotContain("Redo my change on this");

        HttpResponse<String> fresh = ann.post(
                COURSE + "/sections/basics/move",
                Map.of("position", "1", "layout", answer.get("layout").asText()),
                "Accept",
                "application/json");
        assertThat(fresh.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = ann.post(
                COURSE + "/chapters/more/third/move", Map.of("section", "basics"), "Accept", "application/json");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("error").asText()).contains("same address name");
    }
}
