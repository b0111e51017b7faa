package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;
import org.slf4j.LoggerFactory;

/** "Forgot password" without SMTP: the link goes to the log, works once, and the answer never tells who exists. */
class PasswordResetHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/password/reset\\?token=([A-Za-z0-9_-]+))");
    private static TestServer server;
    private static final ListAppender<ILoggingEvent> mails = new ListAppender<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        mails.start();
        ((Logger) LoggerFactory.getLogger(LogMailer.class)).addAppender(mails);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(LogMailer.class)).detachAppender(mails);
        server.close();
    }

    @BeforeEach
    void forgetEarlierMails() {
        mails.list.clear();
    }

    private static String linkIn(String mail) {
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as("a reset link in: %s", mail).isTrue();
        return m.group(1);
    }

    @Test
    void theLoggedLinkSetsANewPasswordOnceAndEndsTheOldSessions() {
        server.app().accounts().createUser("forgot@example.org", "Forgetful Fran", PASSWORD, Role.LEARNER);
        Visitor oldSession = new Visitor(server).logIn("forgot@example.org", PASSWORD);
        Visitor visitor = new Visitor(server);
        HttpResponse<String> asked = visitor.post("/password/forgot", Map.of("email", "Forgot@Example.org"));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).contains("/login");
        assertThat(visitor.get("/login").body()).contains("If an account exists for that address");

        assertThat(mails.list).hasSize(1);
        String mail = mails.list.get(0).getFormattedMessage();
        assertThat(mail).contains("forgot@example.org", "Hello Forgetful Fran", "60 minutes");
        String link = linkIn(mail);
        assertThat(link).startsWith(server.url("/password/reset?token="));
        String path = link.substring(server.url("").length());

        HttpResponse<String> form = visitor.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Choose a new password", "name=\"token\"");
        String token = path.substring(path.indexOf('=') + 1);
        HttpResponse<String> weak = visitor.post("/password/reset", Map.of("token", token, "password", "qwertyuiop"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("too common");
        HttpResponse<String> reset =
                visitor.post("/password/reset", Map.of("token", token, "password", "my brand new passphrase"));
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(oldSession.get("/account").statusCode()).isEqualTo(302);
        new Visitor(server).logIn("forgot@example.org", "my brand new passphrase");
        HttpResponse<String> again =
                visitor.post("/password/reset", Map.of("token", token, "password", "yet another passphrase"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This link no longer works");
        assertThat(visitor.get(path).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        Visitor visitor = new Visitor(server);
        HttpResponse<String> asked = visitor.post("/password/forgot", Map.of("email", "stranger@example.org"));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).contains("/login");
        assertThat(visitor.get("/login").body()).contains("If an account exists for that address");
        assertThat(mails.list).isEmpty();
    }

    @Test
    void aMadeUpTokenShowsTheExpiredLinkPage() {
        HttpResponse<String> page = new Visitor(server).get("/password/reset?token=" + "A".repeat(43));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This link no longer works", "href=\"/password/forgot\"");
    }

    @Test
    void linksAreNotSentMoreThanThreeTimesAnHour() {
        server.app().accounts().createUser("popular@example.org", "Popular", PASSWORD, Role.LEARNER);
        Visitor visitor = new Visitor(server);
        for (int i = 0; i < 5; i++) {
            visitor.post("/password/forgot", Map.of("email", "popular@example.org"));
        }
        assertThat(mails.list).hasSize(3);
    }
}
