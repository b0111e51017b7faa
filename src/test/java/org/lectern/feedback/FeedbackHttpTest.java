package org.lectern.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHAPTER_FEEDBACK;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.db.schema.tables.records.ChapterFeedbackRecord;
import org.lectern.testing.Learner;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** "Was everything clear?": one row per learner and chapter, changed in place, with a bounded comment. */
class FeedbackHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String FEEDBACK = "/courses/sample-course/basics/first/feedback";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Learner signedIn(String name) {
        return Learner.signedIn(server, name);
    }

    private static java.util.List<ChapterFeedbackRecord> rows(long userId) {
        return server.app()
                .database()
                .dsl()
                .selectFrom(CHAPTER_FEEDBACK)
                .where(CHAPTER_FEEDBACK.USER_ID.eq(userId))
                .fetch();
    }

    @Test
    void answeringThenCommentingThenChangingTheAnswerKeepsOneRow() {
        Learner learner = signedIn("feedback");
        Visitor visitor = learner.visitor();
        long id = learner.id();
        HttpResponse<String> no = visitor.post(FEEDBACK, Map.of("clear", "no"), "HX-Request", "true");
        assertThat(no.statusCode()).isEqualTo(200);
        assertThat(no.body()).contains("How can we improve it?", "maxlength=\"2000\"");
        HttpResponse<String> comment =
                visitor.post(FEEDBACK, Map.of("clear", "no", "comment", "  The second example went too fast.  "));
        assertThat(comment.body()).contains("Thank you for your feedback!");
        visitor.post(FEEDBACK, Map.of("clear", "yes"));

        var stored = rows(id);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getClear()).isTrue();
        assertThat(stored.get(0).getComment())
                .as("changing Yes/No keeps the suggestion")
                .isEqualTo("The second example went too fast.");
        assertThat(stored.get(0).getUpdatedAt()).isAfterOrEqualTo(stored.get(0).getCreatedAt());
        assertThat(visitor.get("/courses/sample-course/basics/first").body())
                .as("the chapter remembers the answer")
                .contains("Thank you for your feedback!");
    }

    @Test
    void eachLearnerSeesTheirOwnAnswerInTheKeptSections() {
        String chapter = "/courses/sample-course/basics/first";
        Visitor unclear = signedIn("unclear").visitor();
        Visitor clear = signedIn("clear").visitor();
        Visitor silent = signedIn("silent").visitor();
        unclear.post(FEEDBACK, Map.of("clear", "no", "comment", "Too fast."));
        clear.post(FEEDBACK, Map.of("clear", "yes"));
        for (int round = 0; round < 2; round++) {
            assertThat(pressed(unclear.get(chapter).body())).isEqualTo("no");
            assertThat(silent.get(chapter).body())
                    .contains("Was everything clear?")
                    .doesNotContain("Thank you for your feedback!", "aria-pressed");
            assertThat(pressed(clear.get(chapter).body())).isEqualTo("yes");
        }
    }

    /** The answer a chapter page shows as given, from its "Change your answer" buttons. */
    private static String pressed(String page) {
        assertThat(page).contains("Thank you for your feedback!");
        var button = java.util.regex.Pattern.compile("value=\"(yes|no)\"[^>]*aria-pressed=\"true\"")
                .matcher(page);
        assertThat(button.find()).as("a button pressed").isTrue();
        String answer = button.group(1);
        assertThat(button.find()).as("one button pressed").isFalse();
        return answer;
    }

    @Test
    void aTooLongCommentOrAMissingAnswerIsRefusedAndNothingIsStored() {
        Learner learner = signedIn("verbose");
        Visitor visitor = learner.visitor();
        long id = learner.id();
        assertThat(visitor.post(FEEDBACK, Map.of("clear", "no", "comment", "x".repeat(2001)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(visitor.post(FEEDBACK, Map.of("clear", "maybe")).statusCode())
                .isEqualTo(400);
        assertThat(rows(id)).isEmpty();
        assertThat(visitor.post("/courses/sample-course/basics/nope/feedback", Map.of("clear", "yes"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void guestsSeeNoFeedbackFormAndCannotPost() {
        Visitor guest = new Visitor(server);
        assertThat(guest.get("/courses/sample-course/basics/first").body()).doesNotContain("Was everything clear?");
        assertThat(guest.post(FEEDBACK, Map.of("clear", "yes")).statusCode()).isEqualTo(401);
    }
}
