package org.lectern.testing;

import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;

import java.util.List;

/** Ids of the fixture course's questions and options, found by their keys, as imported into a test server. */
public final class FixtureQuiz {
    private FixtureQuiz() {}

    public static long question(TestServer server, String key) {
        return server.app()
                .database()
                .dsl()
                .select(QUESTION.ID)
                .from(QUESTION)
                .where(QUESTION.QUESTION_KEY.eq(key))
                .fetchOne(QUESTION.ID);
    }

    public static long option(TestServer server, String questionKey, String optionKey) {
        return server.app()
                .database()
                .dsl()
                .select(QUESTION_OPTION.ID)
                .from(QUESTION_OPTION)
                .where(QUESTION_OPTION.QUESTION_ID.eq(question(server, questionKey)))
                .and(QUESTION_OPTION.OPTION_KEY.eq(optionKey))
                .fetchOne(QUESTION_OPTION.ID);
    }

    /** A learner chooses one option of a question of the fixture's chapter {@code basics/second}, as its form sends it. */
    public static java.net.http.HttpResponse<String> choose(
            TestServer server, Visitor learner, String questionKey, String optionKey) {
        return learner.post(
                "/courses/sample-course/basics/second/questions/" + question(server, questionKey),
                java.util.Map.of("option", Long.toString(option(server, questionKey, optionKey))));
    }

    /** Whether each stored attempt at the question is correct, oldest first. */
    public static List<Boolean> verdicts(TestServer server, long question) {
        return server.app()
                .database()
                .dsl()
                .select(QUESTION_ATTEMPT.CORRECT)
                .from(QUESTION_ATTEMPT)
                .where(QUESTION_ATTEMPT.QUESTION_ID.eq(question))
                .orderBy(QUESTION_ATTEMPT.ID)
                .fetch(QUESTION_ATTEMPT.CORRECT);
    }
}
