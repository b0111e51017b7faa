package org.lectern.challenge;

import static org.lectern.db.schema.Tables.CHALLENGE;

import java.nio.file.Path;
import org.lectern.testing.CheckClient;
import org.lectern.testing.TestServer;

/** The fixture course of the challenge tests (src/test/resources/fixtures/challenges) and its addresses. */
final class CheckCourse {
    static final Path CONTENT = Path.of("src/test/resources/fixtures/challenges");
    static final String COURSE = "check-course";
    static final String SECTION = "checks";
    static final String CHAPTER = "checks";
    static final String CHAPTER_PATH = "/courses/check-course/checks/checks";

    private CheckCourse() {}

    static long challenge(TestServer server, String key) {
        return server.app()
                .database()
                .dsl()
                .select(CHALLENGE.ID)
                .from(CHALLENGE)
                .where(CHALLENGE.CHALLENGE_KEY.eq(key))
                .fetchSingle(CHALLENGE.ID);
    }

    static com.fasterxml.jackson.databind.node.ObjectNode check(TestServer server, String key, String code) {
        return CheckClient.checkFrame(COURSE, SECTION, CHAPTER, challenge(server, key), code);
    }
}
