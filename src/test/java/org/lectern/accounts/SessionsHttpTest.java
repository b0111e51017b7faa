package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.AUDIT_EVENT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** Sessions over real HTTP: cookies, fixation, logout, password change, disabling, restarts and proxies. */
class SessionsHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String PLANTED = "planted_by_someone_else_0123456789abcdefghi";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static User user(String name) {
        return server.app().accounts().createUser(name + "@example.org", name, PASSWORD, Role.LEARNER);
    }

    private static String setCookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + ": " + answer.headers()));
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndLastsOnlyTheBrowserSessionUnlessRemembered() {
        user("cookie");
        Visitor visitor = new Visitor(server);
        HttpResponse<String> login =
                visitor.post("/login", Map.of("email", "cookie@example.org", "password", PASSWORD));
        String cookie = setCookie(login, "lectern_session");
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Max-Age", "Secure");
        HttpResponse<String> remembered = new Visitor(server)
                .post("/login", Map.of("email", "cookie@example.org", "password", PASSWORD, "remember", "on"));
        assertThat(setCookie(remembered, "lectern_session")).contains("HttpOnly", "Max-Age=2592000");
        assertThat(remembered.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void loggingInIssuesANewSessionIdAndTheOldOneStopsWorking() {
        user("fixation");
        Visitor visitor = new Visitor(server);
        // An id planted before login (session fixation) is simply not a session.
        visitor.setCookie("lectern_session", PLANTED);
        assertThat(visitor.get("/account").statusCode()).isEqualTo(302);
        visitor.logIn("fixation@example.org", PASSWORD);
        String first = visitor.cookie("lectern_session");
        assertThat(first).isNotEqualTo(PLANTED);
        assertThat(visitor.get("/account").statusCode()).isEqualTo(200);

        visitor.logIn("fixation@example.org", PASSWORD);
        String second = visitor.cookie("lectern_session");
        assertThat(second).isNotEqualTo(first);
        Visitor holderOfTheOldId = new Visitor(server);
        holderOfTheOldId.setCookie("lectern_session", first);
        assertThat(holderOfTheOldId.get("/account").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void afterLogoutTheSessionIdIsWorthless() {
        user("logout");
        Visitor visitor = new Visitor(server).logIn("logout@example.org", PASSWORD);
        String id = visitor.cookie("lectern_session");
        HttpResponse<String> logout = visitor.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(visitor.cookie("lectern_session")).isNull();
        Visitor replay = new Visitor(server);
        replay.setCookie("lectern_session", id);
        assertThat(replay.get("/account").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/").body()).contains("You are logged out.");
    }

    @Test
    void sessionsLiveInTheDatabaseSoTheySurviveARestart(@TempDir Path data) {
        Map<String, String> sameData = Map.of("LECTERN_DATA_DIR", data.toString());
        String id;
        try (TestServer before = TestServer.start(TestServer.FIXTURE_CONTENT, sameData)) {
            before.app().accounts().createUser("restart@example.org", "Restart", PASSWORD, Role.LEARNER);
            id = new Visitor(before).logIn("restart@example.org", PASSWORD).cookie("lectern_session");
        }
        try (TestServer after = TestServer.start(TestServer.FIXTURE_CONTENT, sameData)) {
            Visitor returning = new Visitor(after);
            returning.setCookie("lectern_session", id);
            assertThat(returning.get("/account").body()).contains("restart@example.org");
        }
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButKeepsThisOne() {
        user("changer");
        Visitor laptop = new Visitor(server).logIn("changer@example.org", PASSWORD);
        Visitor phone = new Visitor(server).logIn("changer@example.org", PASSWORD);
        HttpResponse<String> wrong =
                laptop.post("/account/password", Map.of("current", "not it at all", "password", "x"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("That is not your current password.", "aria-invalid=\"true\"");
        HttpResponse<String> changed =
                laptop.post("/account/password", Map.of("current", PASSWORD, "password", "an entirely new passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(phone.get("/account").statusCode()).isEqualTo(302);
        new Visitor(server).logIn("changer@example.org", "an entirely new passphrase");
    }

    @Test
    void behindATrustedProxyCookiesAreSecureAndHstsIsSent() {
        try (TestServer proxied = TestServer.start(TestServer.FIXTURE_CONTENT, Map.of("LECTERN_TRUST_PROXY", "true"))) {
            proxied.app().accounts().createUser("proxy@example.org", "Proxy", PASSWORD, Role.LEARNER);
            Visitor visitor = new Visitor(proxied);
            String token = visitor.csrfToken();
            HttpResponse<String> login = visitor.postWithoutToken(
                    "/login",
                    Map.of("email", "proxy@example.org", "password", PASSWORD, "_csrf", token),
                    "X-Forwarded-Proto",
                    "https",
                    "X-Forwarded-For",
                    "203.0.113.7",
                    "Origin",
                    "https://" + proxied.url("").substring("http://".length()));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(setCookie(login, "lectern_session")).contains("Secure", "HttpOnly");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            String ip = proxied.app()
                    .database()
                    .dsl()
                    .select(AUDIT_EVENT.IP)
                    .from(AUDIT_EVENT)
                    .orderBy(AUDIT_EVENT.ID.desc())
                    .limit(1)
                    .fetchOne(AUDIT_EVENT.IP);
            assertThat(ip).as("the client address the proxy reported").isEqualTo("203.0.113.7");
        }
    }

    @Test
    void anOversizedBodyGetsThe413PageOrJsonWhateverTheHandler() throws IOException {
        String page = announceLargeBody("/logout", "application/x-www-form-urlencoded", "text/html");
        assertThat(page).startsWith("HTTP/1.1 413").contains("Too large").doesNotContain("Exception");
        String json = announceLargeBody("/api/anything", "application/json", "application/json");
        assertThat(json).startsWith("HTTP/1.1 413").contains("\"status\":413");
    }

    /**
     * Announces a 2 MB body and sends only its first bytes: the refusal must come from the announced length, before
     * any handler reads. A raw socket, because HTTP clients may not lie about Content-Length.
     */
    private static String announceLargeBody(String path, String type, String accept) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\nAccept: "
                    + accept + "\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\nx=";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while (!complete(answer.toString(StandardCharsets.UTF_8))
                    && (read = socket.getInputStream().read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether a raw response holds its headers and the whole body its Content-Length announces. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(response);
        return end > 0
                && length.find()
                && response.substring(end + 4).getBytes(StandardCharsets.UTF_8).length
                        >= Integer.parseInt(length.group(1));
    }
}
