package org.lectern.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.accounts.User;
import org.lectern.testing.CheckClient;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Completion, course progress, "Continue" and the dashboard, as a learner sees them over HTTP. A chapter with
 * questions and a challenge is complete once every question is settled and the challenge passed (real checks).
 */
class ProgressHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String COURSE = "/courses/sample-course";
    private static final String FIRST = COURSE + "/basics/first";
    private static final String SECOND = COURSE + "/basics/second";
    private static final String THIRD = COURSE + "/more/third";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor learner(String name) {
        server.app().accounts().createUser(name + "@example.org", name, PASSWORD, Role.LEARNER);
        return new Visitor(server).logIn(name + "@example.org", PASSWORD);
    }

    private static long question(String key) {
        return FixtureQuiz.question(server, key);
    }

    private static String option(String questionKey, String optionKey) {
        return Long.toString(FixtureQuiz.option(server, questionKey, optionKey));
    }

    private static String continueLink(Visitor visitor) {
        Matcher link = Pattern.compile("href=\"([^\"]+)\">Continue<")
                .matcher(visitor.get(COURSE).body());
        assertThat(link.find()).as("a Continue button").isTrue();
        return link.group(1);
    }

    @Test
    void aChapterWithQuestionsIsCompleteOnceEachIsAnsweredRightOrGivenUp() {
        Visitor visitor = learner("completer");
        visitor.get(SECOND);
        assertThat(visitor.get(COURSE).body()).contains("0 of 3 chapters complete");

        visitor.post(
                SECOND + "/questions/" + question("pick-processes"), Map.of("option", option("pick-processes", "io")));
        visitor.post(SECOND + "/questions/" + question("what-prints"), Map.of("text", "2"));
        visitor.post(SECOND + "/questions/" + question("pick-all"), Map.of("give_up", "1"));
        assertThat(visitor.get(COURSE).body())
                .as("a wrong answer does not complete a question")
                .contains("0 of 3 chapters complete");
        visitor.post(SECOND + "/questions/" + question("order-it"), Map.of("give_up", "1"));
        visitor.post(
                SECOND + "/questions/" + question("pick-processes"), Map.of("option", option("pick-processes", "cpu")));
        assertThat(visitor.get(COURSE).body())
                .as("every question settled, but the chapter's challenge is still open")
                .contains("0 of 3 chapters complete");
        assertThat(visitor.get("/me").body()).contains("Challenges: 0 solved, 0 attempted, of 1");

        assertThat(solveTheChallenge(visitor, "def add(a, b):\n    return 0\n")).isFalse();
        assertThat(visitor.get(COURSE).body()).as("a failed check").contains("0 of 3 chapters complete");
        assertThat(visitor.get("/me").body()).contains("Challenges: 0 solved, 1 attempted, of 1");
        assertThat(solveTheChallenge(visitor, "def add(a, b):\n    return a + b\n"))
                .isTrue();
        assertThat(visitor.get("/me").body()).contains("Challenges: 1 solved, 0 attempted, of 1");

        String course = visitor.get(COURSE).body();
        assertThat(course).contains("1 of 3 chapters complete", "value=\"33\"", "(completed)");
        assertThat(visitor.get(SECOND).body()).contains("You completed this chapter.");
        assertThat(visitor.get("/").body()).contains("1 of 3 chapters complete");
    }

    /** A real check of the second chapter's challenge, through the sandbox; true when it passed. */
    private static boolean solveTheChallenge(Visitor visitor, String code) {
        long id = server.app()
                .database()
                .dsl()
                .select(CHALLENGE.ID)
                .from(CHALLENGE)
                .where(CHALLENGE.CHALLENGE_KEY.eq("add-numbers"))
                .fetchSingle(CHALLENGE.ID);
        try (CheckClient client = CheckClient.connect(server, visitor)) {
            client.send(CheckClient.checkFrame("sample-course", "basics", "second", id, code));
            return CheckClient.ofType(client.untilEnded(), "verdict")
                    .path("passed")
                    .asBoolean();
        }
    }

    @Test
    void aChapterWithoutQuestionsIsCompleteWhenMarkedAsRead() {
        Visitor visitor = learner("reader");
        assertThat(visitor.get(FIRST).body()).contains("Mark as read").doesNotContain("You completed this chapter.");
        var marked = visitor.post(FIRST + "/read", Map.of());
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(marked.headers().firstValue("Location")).hasValue(FIRST + "#chapter-done");
        assertThat(visitor.get(FIRST).body())
                .contains("You completed this chapter.")
                .doesNotContain("Mark as read");
        assertThat(visitor.get(COURSE).body()).contains("1 of 3 chapters complete");
    }

    @Test
    void eachLearnerSeesTheirOwnCompletionProgressAndFormTokenInTheKeptParts() {
        Visitor finisher = learner("finisher");
        Visitor starter = learner("starter");
        finisher.post(FIRST + "/read", Map.of());
        for (int round = 0; round < 2; round++) {
            String done = finisher.get(FIRST).body();
            assertThat(done)
                    .contains("You completed this chapter.", "1 of 3 chapters complete", "(completed)")
                    .doesNotContain("Mark as read");
            assertThat(formTokens(done)).containsOnly(finisher.csrfToken());
            String open = starter.get(FIRST).body();
            assertThat(open)
                    .contains("Mark as read", "0 of 3 chapters complete")
                    .doesNotContain("You completed this chapter.", "(completed)");
            assertThat(formTokens(open)).containsOnly(starter.csrfToken());
        }
    }

    private static java.util.List<String> formTokens(String page) {
        return java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void continueLeadsToTheFirstIncompleteChapterFromTheLastOneVisited() {
        Visitor visitor = learner("resumer");
        visitor.get(FIRST);
        assertThat(continueLink(visitor)).isEqualTo(FIRST);
        visitor.post(FIRST + "/read", Map.of());
        assertThat(continueLink(visitor))
                .as("the first is done, the next is not")
                .isEqualTo(SECOND);
        visitor.get(THIRD);
        assertThat(continueLink(visitor)).isEqualTo(THIRD);
    }

    @Test
    void aReloadIsNotRecordedAgainButComingBackFromAnotherChapterIs() {
        var db = server.app().database().dsl();
        User user = server.app().accounts().createUser("reloader@example.org", "reloader", PASSWORD, Role.LEARNER);
        Visitor visitor = new Visitor(server).logIn("reloader@example.org", PASSWORD);
        var visitedAt = db.select(CHAPTER_PROGRESS.CHAPTER_ID, CHAPTER_PROGRESS.VISITED_AT)
                .from(CHAPTER_PROGRESS)
                .where(CHAPTER_PROGRESS.USER_ID.eq(user.id()));

        visitor.get(FIRST);
        // the course page reads the learner's visits, so it waits until theirs are written
        assertThat(continueLink(visitor)).isEqualTo(FIRST);
        var first = visitedAt.fetchMap(CHAPTER_PROGRESS.CHAPTER_ID, CHAPTER_PROGRESS.VISITED_AT);
        assertThat(first).as("the visit is written").hasSize(1);
        visitor.get(FIRST);
        visitor.get(FIRST);
        assertThat(continueLink(visitor)).isEqualTo(FIRST);
        assertThat(visitedAt.fetchMap(CHAPTER_PROGRESS.CHAPTER_ID, CHAPTER_PROGRESS.VISITED_AT))
                .as("reloads within a minute write nothing")
                .isEqualTo(first);

        visitor.get(THIRD);
        visitor.get(FIRST);
        assertThat(continueLink(visitor))
                .as("back on the first after the third: the first is where the learner is")
                .isEqualTo(FIRST);
    }

    @Test
    void theDashboardListsCoursesInProgressWithTheFirstAttemptScore() {
        Visitor visitor = learner("dashboard");
        assertThat(visitor.get("/me").body()).contains("You have not started a course yet.");
        visitor.post(
                SECOND + "/questions/" + question("pick-processes"), Map.of("option", option("pick-processes", "cpu")));
        visitor.post(SECOND + "/questions/" + question("what-prints"), Map.of("text", "3"));
        visitor.post(SECOND + "/questions/" + question("what-prints"), Map.of("text", "2"));

        String dashboard = visitor.get("/me").body();
        assertThat(dashboard)
                .contains("Sample Course", "0 of 3 chapters complete")
                .contains("50% right at the first try (1 of 2 questions)");
        assertThat(new Visitor(server).get("/me").statusCode())
                .as("guests log in first")
                .isEqualTo(302);
    }

    @Test
    void guestsSeeNoProgressAndTheirPagesStayShared() {
        Visitor guest = new Visitor(server);
        assertThat(guest.get(COURSE).body())
                .doesNotContain("chapters complete", ">Continue<")
                .contains("Start learning");
        assertThat(guest.get(FIRST).body()).doesNotContain("Mark as read");
        assertThat(guest.get("/").body()).doesNotContain("chapters complete");
    }
}
