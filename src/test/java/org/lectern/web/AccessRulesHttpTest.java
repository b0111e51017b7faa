package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.Routes;
import org.lectern.testing.Routes.Route;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Every registered route, asked by a guest, a learner, an author and an admin, answers as its declared rule says.
 * A route added without exactly one {@link Access} rule fails this test, and so the build.
 */
class AccessRulesHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static TestServer server;
    private static Map<String, String> samples;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        var accounts = server.app().accounts();
        for (Role role : Role.values()) {
            accounts.createUser(role.code() + "@example.org", "The " + role.code(), PASSWORD, role);
        }
        long target = accounts.createUser("target@example.org", "Target", PASSWORD, Role.LEARNER)
                .id();
        samples = Map.ofEntries(
                Map.entry("course", "sample-course"),
                Map.entry("section", "basics"),
                Map.entry("chapter", "first"),
                Map.entry("path", "images/diagram.svg"),
                Map.entry("code", "en"),
                Map.entry("id", Long.toString(target)),
                Map.entry("question", "1"),
                Map.entry("challenge", "1"),
                Map.entry("revision", "1"),
                Map.entry("token", "0123456789abcdef0123456789abcdef"),
                Map.entry("name", "diagram.svg"),
                Map.entry("table", "questions"),
                Map.entry("key", "add-numbers"),
                Map.entry("file", "tests.py"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteDeclaresExactlyOneAccessRule() {
        List<Route> routes = Routes.of(server);
        assertThat(routes).hasSizeGreaterThan(10);
        assertThat(routes)
                .as("routes without exactly one Access rule")
                .filteredOn(r -> r.roles().size() != 1 || !(r.roles().iterator().next() instanceof Access))
                .isEmpty();
    }

    @Test
    void eachPersonaGetsWhatEachRouteAllows() {
        List<String> wrong = new ArrayList<>();
        Map<String, Visitor> signedIn = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            signedIn.put(role.code(), new Visitor(server).logIn(role.code() + "@example.org", PASSWORD));
        }
        for (Route route : Routes.of(server)) {
            String path = route.path(samples);
            check(route, "guest", null, answer(route, path, new Visitor(server)), wrong);
            for (Role role : Role.values()) {
                // Unsafe requests may change the session (logout), so each gets a freshly signed-in visitor.
                Visitor visitor = route.safe()
                        ? signedIn.get(role.code())
                        : new Visitor(server).logIn(role.code() + "@example.org", PASSWORD);
                check(route, role.code(), role, answer(route, path, visitor), wrong);
            }
        }
        assertThat(wrong).as("answers that break the declared rules").isEmpty();
    }

    private static HttpResponse<String> answer(Route route, String path, Visitor visitor) {
        if (route.safe()) {
            return visitor.get(path, "Accept", "text/html");
        }
        return visitor.submit(route.method(), path, Map.of("_csrf", visitor.csrfToken()), "Accept", "text/html");
    }

    private static void check(Route route, String who, Role role, HttpResponse<String> answer, List<String> wrong) {
        int status = answer.statusCode();
        String location = answer.headers().firstValue("Location").orElse("");
        boolean allowed = route.access() == Access.ANYONE || (role != null && role.grants(route.access()));
        String expected;
        boolean ok;
        if (route.access() == Access.METRICS) {
            // no session counts: the scraper's own check decides, and this test asks from loopback without a token
            expected = "200, whoever is signed in";
            ok = status == 200;
        } else if (allowed) {
            expected = "neither 401, 403 nor a detour to the login form";
            ok = status != 401 && status != 403 && !location.startsWith("/login");
        } else if (role != null) {
            expected = "403";
            ok = status == 403 && answer.body().contains("Not allowed");
        } else if (route.safe()) {
            expected = "a redirect to /login?next=";
            ok = status == 302 && location.startsWith("/login?next=");
        } else {
            expected = "401";
            ok = status == 401;
        }
        if (!ok) {
            wrong.add(route + " as " + who + " (" + route.access() + "): expected " + expected + ", got " + status + " "
                    + location);
        }
    }

    @Test
    void staticFilesAndWebJarsNeedNoRuleAndServeEveryone() {
        Visitor guest = new Visitor(server);
        assertThat(guest.get("/static/css/app.css").statusCode()).isEqualTo(200);
        assertThat(guest.get("/static/js/app.js").statusCode()).isEqualTo(200);
        assertThat(guest.get("/webjars/highlightjs/11.11.1/highlight.min.js").statusCode())
                .isEqualTo(200);
    }

    @Test
    void programsGetJsonAnswersInsteadOfRedirects() {
        HttpResponse<String> guest = new Visitor(server).get("/admin/users", "Accept", "application/json");
        assertThat(guest.statusCode()).isEqualTo(401);
        assertThat(guest.body()).contains("\"status\":401");
        Visitor learner = new Visitor(server).logIn("learner@example.org", PASSWORD);
        HttpResponse<String> forbidden = learner.get("/admin/users", "Accept", "application/json");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"status\":403").doesNotContain("<html");
    }

    @Test
    void aGuestSentToTheLoginFormComesBackAfterwards() {
        Visitor admin = new Visitor(server);
        HttpResponse<String> detour = admin.get("/admin/audit?before=99");
        assertThat(detour.headers().firstValue("Location")).contains("/login?next=%2Fadmin%2Faudit%3Fbefore%3D99");
        HttpResponse<String> form =
                admin.get(detour.headers().firstValue("Location").orElseThrow());
        assertThat(form.body()).contains("name=\"next\" value=\"/admin/audit?before=99\"");
        HttpResponse<String> login = admin.post(
                "/login", Map.of("email", "admin@example.org", "password", PASSWORD, "next", "/admin/audit?before=99"));
        assertThat(login.headers().firstValue("Location")).contains("/admin/audit?before=99");
        HttpResponse<String> offsite = admin.get("/login?next=//evil.example/x");
        assertThat(offsite.headers().firstValue("Location")).contains("/");
        assertThat(offsite.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
    }
}
