package org.lectern.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.lectern.accounts.Role;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The fixture course (its quiz in basics/second) on a server of its own, with authors and a learner, lea. */
final class QuizFixture {
    private static final String PASSWORD = "a long and unusual passphrase";

    private QuizFixture() {}

    /** @param authors the authors' names, each signing in as {@code name@example.org} */
    static TestServer start(String... authors) {
        TestServer server = TestServer.start(TestServer.FIXTURE_CONTENT);
        for (String author : authors) {
            server.app().accounts().createUser(author + "@example.org", author, PASSWORD, Role.AUTHOR);
        }
        server.app().accounts().createUser("lea@example.org", "Lea Learner", PASSWORD, Role.LEARNER);
        return server;
    }

    static Visitor login(TestServer server, String who) {
        return new Visitor(server).logIn(who + "@example.org", PASSWORD);
    }

    /** The quiz file as the fixture folder has it. */
    static String text() {
        try {
            return Files.readString(TestServer.FIXTURE_CONTENT.resolve("sample-course/01-basics/02-second.quiz.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
