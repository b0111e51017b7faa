package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;

import java.net.http.HttpResponse;
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
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The quiz editor: the importer's validation before saving, and regrading when a correct answer changes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuizEditorHttpTest {
    private static final String QUIZ = "/studio/courses/sample-course/chapters/basics/second/quiz";
    private static final String PUBLISH = "/studio/courses/sample-course/chapters/basics/second/publish";
    private static final Pattern BASE = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"");
    private static TestServer server;
    private static String fixture;

    @BeforeAll
    static void start() {
        server = QuizFixture.start("ann");
        fixture = QuizFixture.text();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor ann() {
        return QuizFixture.login(server, "ann");
    }

    private static HttpResponse<String> saveQuiz(Visitor author, String yaml) {
        Matcher base = BASE.matcher(author.get(QUIZ).body());
        assertThat(base.find()).isTrue();
        return author.post(QUIZ, Map.of("text", yaml, "base", base.group(1)));
    }

    /** The fixture quiz with the single-choice question's right answer moved from cpu to io. */
    private static String ioIsRight() {
        return fixture.replace(
                        "        correct: true\n        explanation: Processes run in parallel.",
                        "        explanation: Processes run in parallel.")
                .replace(
                        "        text: Waiting on the network\n",
                        "        text: Waiting on the network\n        correct: true\n");
    }

    private static List<Boolean> verdicts(long question) {
        return FixtureQuiz.verdicts(server, question);
    }

    @Test
    @Order(1)
    void aQuizThatBreaksTheRulesIsNotSavedAndTheAuthorKeepsTheirText() {
        Visitor ann = ann();
        assertThat(ann.get(QUIZ).body()).contains("pick-processes", "4 questions, ready to publish.");
        String twoRight = fixture.replace(
                "        text: Waiting on the network\n",
                "        text: Waiting on the network\n        correct: true\n");
        HttpResponse<String> refused = saveQuiz(ann, twoRight);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Not saved:",
                        "a single-choice question needs exactly one correct option",
                        "Waiting on the network");
        assertThat(ann.post(
                                QUIZ + "/preview",
                                Map.of(
                                        "text",
                                        "questions:\n  - id: p\n    kind: parsons\n    prompt: x\n    lines: |\n      a\n      b\n"))
                        .body())
                .contains("a Parsons problem needs at least 3 lines");
        assertThat(ann.get(QUIZ).body()).as("nothing was saved").doesNotContain("Not saved");
        assertThat(server.app()
                        .exporter()
                        .published("sample-course")
                        .orElseThrow()
                        .text("01-basics/02-second.quiz.yaml"))
                .contains(fixture);
    }

    @Test
    @Order(2)
    void changingTheRightAnswerOfAnsweredQuestionAsksThenRegradesAndLogsIt() {
        long question = FixtureQuiz.question(server, "pick-processes");
        Visitor learner = QuizFixture.login(server, "lea");
        String answer = "/courses/sample-course/basics/second/questions/" + question;
        learner.post(answer, Map.of("option", Long.toString(FixtureQuiz.option(server, "pick-processes", "io"))));
        learner.post(answer, Map.of("option", Long.toString(FixtureQuiz.option(server, "pick-processes", "cpu"))));
        assertThat(verdicts(question)).containsExactly(false, true);

        Visitor ann = ann();
        assertThat(saveQuiz(ann, ioIsRight()).statusCode()).isEqualTo(302);
        HttpResponse<String> asked = ann.post(PUBLISH, Map.of());
        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.body()).contains("Regrade the answers already given?", "pick-processes", "Threads and tables");
        assertThat(verdicts(question)).as("nothing published yet").containsExactly(false, true);

        assertThat(ann.post(PUBLISH, Map.of("regrade", "yes")).statusCode()).isEqualTo(302);
        assertThat(FixtureQuiz.question(server, "pick-processes"))
                .as("the question keeps its id")
                .isEqualTo(question);
        assertThat(verdicts(question)).containsExactly(true, false);
        assertThat(server.app()
                        .database()
                        .dsl()
                        .select(QUESTION_ATTEMPT.FRACTION)
                        .from(QUESTION_ATTEMPT)
                        .where(QUESTION_ATTEMPT.QUESTION_ID.eq(question))
                        .orderBy(QUESTION_ATTEMPT.ID)
                        .fetch(QUESTION_ATTEMPT.FRACTION))
                .containsExactly(1.0, 0.0);
        assertThat(ann.get("/studio/courses/sample-course/revisions").body())
                .contains("Regraded", "pick-processes: 2 of 2 attempts changed");
    }

    @Test
    @Order(3)
    void anAuthorMayKeepTheEarlierVerdicts() {
        long question = FixtureQuiz.question(server, "pick-processes");
        Visitor ann = ann();
        assertThat(saveQuiz(ann, fixture).statusCode()).isEqualTo(302);
        assertThat(ann.post(PUBLISH, Map.of("regrade", "no")).statusCode()).isEqualTo(302);
        assertThat(verdicts(question)).containsExactly(true, false);
        assertThat(server.app()
                        .database()
                        .dsl()
                        .select(QUESTION_OPTION.CORRECT)
                        .from(QUESTION_OPTION)
                        .where(QUESTION_OPTION.OPTION_KEY.eq("cpu"))
                        .and(QUESTION_OPTION.QUESTION_ID.eq(question))
                        .fetchOne(QUESTION_OPTION.CORRECT))
                .as("the new key is published")
                .isTrue();
        assertThat(ann.post(PUBLISH, Map.of("regrade", "perhaps")).statusCode()).isEqualTo(400);
        assertThat(server.app().database().dsl().fetchCount(QUESTION, QUESTION.ID.eq(question)))
                .isEqualTo(1);
    }
}
