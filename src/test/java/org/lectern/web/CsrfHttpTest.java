package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
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

/** Every state-changing route, found by enumerating them, refuses a request that does not carry our token. */
class CsrfHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static TestServer server;
    private static Map<String, String> samples;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        server.app().accounts().createUser("admin@example.org", "Admin", PASSWORD, Role.ADMIN);
        long target = server.app()
                .accounts()
                .createUser("target@example.org", "Target", PASSWORD, Role.LEARNER)
                .id();
        samples = Map.of(
                "id", Long.toString(target),
                "course", "sample-course",
                "section", "basics",
                "chapter", "second",
                "question", "1",
                "revision", "1",
                "token", "0123456789abcdef0123456789abcdef",
                "challenge", "1",
                "key", "add-numbers",
                "file", "tests.py");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Route> unsafeRoutes() {
        List<Route> routes = Routes.of(server).stream().filter(r -> !r.safe()).toList();
        assertThat(routes).extracting(Route::toString).contains("POST /login", "POST /logout", "POST /signup");
        return routes;
    }

    /** An admin may use every route, so only the token decides. A fresh login each time: logout ends one. */
    private static Visitor admin() {
        return new Visitor(server).logIn("admin@example.org", PASSWORD);
    }

    @Test
    void everyUnsafeRouteRefusesARequestWithoutTheToken() {
        List<String> accepted = new ArrayList<>();
        for (Route route : unsafeRoutes()) {
            Visitor admin = admin();
            String path = route.path(samples);
            check(accepted, route, "no token", admin.submit(route.method(), path, Map.of()));
            check(
                    accepted,
                    route,
                    "a wrong token",
                    admin.submit(route.method(), path, Map.of("_csrf", "x".repeat(43))));
            Visitor stranger = new Visitor(server);
            check(
                    accepted,
                    route,
                    "another browser's token",
                    admin.submit(route.method(), path, Map.of("_csrf", stranger.csrfToken())));
        }
        assertThat(accepted)
                .as("unsafe requests accepted without the right token")
                .isEmpty();
    }

    private static void check(List<String> accepted, Route route, String how, HttpResponse<String> answer) {
        if (answer.statusCode() != 403) {
            accepted.add(route + " with " + how + " -> " + answer.statusCode());
        }
    }

    @Test
    void everyUnsafeRouteAcceptsTheTokenInTheFormOrTheHeader() {
        List<String> refused = new ArrayList<>();
        for (Route route : unsafeRoutes()) {
            String path = route.path(samples);
            Visitor admin = admin();
            int viaForm = admin.submit(route.method(), path, Map.of("_csrf", admin.csrfToken()))
                    .statusCode();
            Visitor again = admin();
            int viaHeader = again.submit(route.method(), path, Map.of(), Csrf.HEADER, again.csrfToken())
                    .statusCode();
            if (viaForm == 403 || viaHeader == 403) {
                refused.add(route + " form " + viaForm + ", header " + viaHeader);
            }
        }
        assertThat(refused)
                .as("requests refused although they carried the token")
                .isEmpty();
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() {
        Visitor admin = admin();
        HttpResponse<String> answer = admin.post(
                "/admin/users/" + samples.get("id") + "/role",
                Map.of("role", "author"),
                "Origin",
                "https://evil.example");
        assertThat(answer.statusCode()).isEqualTo(403);
        HttpResponse<String> same = admin.post(
                "/admin/users/" + samples.get("id") + "/role", Map.of("role", "learner"), "Origin", server.url(""));
        assertThat(same.statusCode()).isEqualTo(302);
    }

    @Test
    void jsonRequestsPassOnTheirOriginAndAreRefusedFromAnotherSite() {
        Visitor admin = admin();
        // /logout is the one unsafe route whose handler ignores the body: a fair stand-in for a JSON endpoint.
        assertThat(admin.postJson("/logout", "{}", "Origin", "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.postJson("/logout", "{}", "Origin", "null").statusCode())
                .isEqualTo(403);
        assertThat(admin.postJson("/logout", "{}", "Origin", server.url("")).statusCode())
                .isEqualTo(302);
        // Plain text is what a cross-site form can send: without the token it is refused whatever the Origin says.
        assertThat(admin.submit("POST", "/logout", Map.of(), "Content-Type", "text/plain")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theTokenChangesAtLoginAndAtLogout() {
        Visitor visitor = new Visitor(server);
        String before = visitor.csrfToken();
        visitor.logIn("admin@example.org", PASSWORD);
        String during = visitor.csrfToken();
        assertThat(during).isNotEqualTo(before);
        assertThat(visitor.get("/account").body()).contains("<meta name=\"csrf-token\" content=\"" + during + "\">");
        visitor.post("/logout", Map.of());
        assertThat(visitor.csrfToken()).isNotEqualTo(during);
    }

    @Test
    void sharedGuestPagesCarryNoToken() {
        Visitor guest = new Visitor(server);
        guest.csrfToken();
        String catalog = guest.get("/").body();
        assertThat(catalog).doesNotContain("csrf", guest.csrfToken());
        Visitor admin = admin();
        assertThat(admin.get("/").body()).contains("name=\"_csrf\"", admin.csrfToken(), "Admin");
        assertThat(guest.get("/").body()).doesNotContain("Admin", admin.csrfToken());
    }
}
