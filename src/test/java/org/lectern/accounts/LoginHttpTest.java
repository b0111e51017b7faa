package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.AUDIT_EVENT;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** Signing up and logging in over HTTP: validation, the throttle, no hints about who has an account. */
class LoginHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static TestServer server;

    @BeforeAll
    static void start() {
        // Address limit out of reach here: the per-address lock has its own test and server.
        server = TestServer.start(TestServer.FIXTURE_CONTENT, Map.of("LECTERN_LOGIN_MAX_FAILURES_IP", "1000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> login(Visitor visitor, String email, String password) {
        return visitor.post("/login", Map.of("email", email, "password", password));
    }

    @Test
    void signingUpCreatesALearnerWhoIsLoggedInAtOnce() {
        Visitor visitor = new Visitor(server);
        HttpResponse<String> answer = visitor.post(
                "/signup",
                Map.of("displayName", "Ada", "email", " Ada@Example.org ", "password", PASSWORD, "next", "/"));
        assertThat(answer.statusCode()).isEqualTo(302);
        String home = visitor.get("/").body();
        assertThat(home)
                .contains("Welcome to Lectern", "href=\"/account\"", ">Ada<")
                .doesNotContain("Sign up");
        assertThat(visitor.get("/account").body()).contains("ada@example.org", "Learner");
    }

    @Test
    void aSignupWithProblemsComesBackWithTheInputKeptAndEachErrorBesideItsField() {
        Visitor visitor = new Visitor(server);
        HttpResponse<String> empty = visitor.post("/signup", Map.of("displayName", "Bo", "email", "", "password", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body())
                .contains("value=\"Bo\"", "Enter your email address.", "Enter a password.")
                .contains("aria-invalid=\"true\"", "aria-describedby=\"email-error\"", "id=\"email-error\"");
        HttpResponse<String> common = visitor.post(
                "/signup", Map.of("displayName", "Bo", "email", "bo@example.org", "password", "password123"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body())
                .contains("too common", "value=\"bo@example.org\"")
                .doesNotContain("password123");
        HttpResponse<String> shortOne =
                visitor.post("/signup", Map.of("displayName", "Bo", "email", "bo@example.org", "password", "Xq9!"));
        assertThat(shortOne.body()).contains("Use at least 10 characters.");
        server.app().accounts().createUser("taken@example.org", "Taken", PASSWORD, Role.LEARNER);
        HttpResponse<String> taken = visitor.post(
                "/signup", Map.of("displayName", "Bo", "email", "TAKEN@example.org", "password", PASSWORD));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("already exists");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        server.app().accounts().createUser("known@example.org", "Known", PASSWORD, Role.LEARNER);
        Visitor visitor = new Visitor(server);
        HttpResponse<String> wrong = login(visitor, "known@example.org", "not the password at all");
        HttpResponse<String> unknown = login(visitor, "nobody@example.org", "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        String message = "That email address and password do not match an account.";
        assertThat(wrong.body()).contains(message);
        assertThat(unknown.body().replace("nobody@", "known@")).isEqualTo(wrong.body());
    }

    @Test
    void afterFiveFailuresTheAccountIsLockedEvenForTheRightPasswordAndUnknownAddressesAlike() {
        server.app().accounts().createUser("target@example.org", "Target", PASSWORD, Role.LEARNER);
        Visitor attacker = new Visitor(server);
        for (int i = 0; i < 5; i++) {
            assertThat(login(attacker, "target@example.org", "guess number " + i)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(login(attacker, "ghost@example.org", "guess number " + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = login(new Visitor(server), "target@example.org", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts. Wait 15 minutes");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> ghost = login(attacker, "ghost@example.org", PASSWORD);
        assertThat(ghost.statusCode())
                .as("an address without account is locked the same way")
                .isEqualTo(429);
        assertThat(auditCount("login_throttled")).isGreaterThanOrEqualTo(2);
        assertThat(auditCount("login_failed")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsEarlierFailures() {
        server.app().accounts().createUser("forgetful@example.org", "Forgetful", PASSWORD, Role.LEARNER);
        Visitor visitor = new Visitor(server);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                login(visitor, "forgetful@example.org", "typo " + i);
            }
            assertThat(login(visitor, "forgetful@example.org", PASSWORD).statusCode())
                    .isEqualTo(302);
        }
    }

    @Test
    void tooManyFailuresFromOneAddressLockThatAddressWhateverTheAccount() {
        try (TestServer strict =
                TestServer.start(TestServer.FIXTURE_CONTENT, Map.of("LECTERN_LOGIN_MAX_FAILURES_IP", "4"))) {
            strict.app().accounts().createUser("victim@example.org", "Victim", PASSWORD, Role.LEARNER);
            Visitor sprayer = new Visitor(strict);
            for (int i = 0; i < 4; i++) {
                assertThat(login(sprayer, "person" + i + "@example.org", PASSWORD)
                                .statusCode())
                        .isEqualTo(401);
            }
            assertThat(login(sprayer, "victim@example.org", PASSWORD).statusCode())
                    .isEqualTo(429);
        }
    }

    @Test
    void aDisabledAccountCannotLogInAndItsSessionsEnd() {
        User admin = server.app().accounts().createUser("boss@example.org", "Boss", PASSWORD, Role.ADMIN);
        User learner = server.app().accounts().createUser("gone@example.org", "Gone", PASSWORD, Role.LEARNER);
        Visitor learnerBrowser = new Visitor(server).logIn("gone@example.org", PASSWORD);
        Visitor adminBrowser = new Visitor(server).logIn(admin.email(), PASSWORD);
        HttpResponse<String> disable =
                adminBrowser.post("/admin/users/" + learner.id() + "/status", Map.of("enabled", "false"));
        assertThat(disable.statusCode()).isEqualTo(302);
        assertThat(learnerBrowser.get("/account").statusCode()).isEqualTo(302);
        HttpResponse<String> refused = login(new Visitor(server), "gone@example.org", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This account has been disabled.");
        adminBrowser.post("/admin/users/" + learner.id() + "/status", Map.of("enabled", "true"));
        new Visitor(server).logIn("gone@example.org", PASSWORD);
        assertThat(auditCount("user_disabled")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void guestsAreInvitedToSignUpForMembersChaptersWhileMembersReadThem() {
        HttpResponse<String> guest = new Visitor(server).get("/courses/sample-course/more/third");
        assertThat(guest.statusCode()).isEqualTo(200);
        assertThat(guest.body())
                .contains("Sign up to read this chapter", "href=\"/signup?next=/courses/sample-course/more/third\"")
                .doesNotContain("The end.");
        assertThat(new Visitor(server)
                        .get("/courses/sample-course/basics/first")
                        .body())
                .doesNotContain("Sign up to read this chapter");
        server.app().accounts().createUser("reader@example.org", "Reader", PASSWORD, Role.LEARNER);
        Visitor member = new Visitor(server).logIn("reader@example.org", PASSWORD);
        HttpResponse<String> read = member.get("/courses/sample-course/more/third");
        assertThat(read.body()).contains("The end.", "Reader").doesNotContain("Sign up to read this chapter");
        assertThat(read.headers().firstValue("Cache-Control")).contains("private, no-store");
    }

    private static int auditCount(String kind) {
        return server.app().database().dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.KIND.eq(kind));
    }
}
