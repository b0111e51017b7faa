package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The admin screens over HTTP: finding people, changing roles, and reading the audit log. */
class AdminHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static TestServer server;
    private static User admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                TestServer.FIXTURE_CONTENT,
                Map.of("LECTERN_ADMIN_EMAIL", "first@example.org", "LECTERN_ADMIN_PASSWORD", PASSWORD));
        admin = server.app().accounts().createUser("chief@example.org", "Chief", PASSWORD, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theEnvironmentCreatedTheFirstAdmin() {
        Visitor first = new Visitor(server).logIn("first@example.org", PASSWORD);
        assertThat(first.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminFindsAPersonAndMakesThemAnAuthorWhichTheAuditLogRecords() {
        User writer = server.app().accounts().createUser("wren@example.org", "Wren Writer", PASSWORD, Role.LEARNER);
        server.app().accounts().createUser("other@example.org", "Somebody Else", PASSWORD, Role.LEARNER);
        Visitor chief = new Visitor(server).logIn(admin.email(), PASSWORD);
        String found = chief.get("/admin/users?q=WREN").body();
        assertThat(found).contains("Wren Writer", "wren@example.org").doesNotContain("Somebody Else");
        assertThat(found).contains("data-user-id=\"" + writer.id() + "\"");

        HttpResponse<String> change =
                chief.post("/admin/users/" + writer.id() + "/role", Map.of("role", "author", "q", "wren"));
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(change.headers().firstValue("Location")).contains("/admin/users?q=wren");
        assertThat(chief.get("/admin/users?q=wren").body()).contains("The role was changed.");
        assertThat(new Visitor(server)
                        .logIn("wren@example.org", PASSWORD)
                        .get("/account")
                        .body())
                .contains("Author");

        String audit = chief.get("/admin/audit").body();
        assertThat(audit).contains("Role changed", "learner -&gt; author", "Wren Writer", "Chief");
        assertThat(audit).contains("Admin created", "Sign-up", "Login");
    }

    @Test
    void anAdminCannotChangeOrDisableThemselves() {
        Visitor chief = new Visitor(server).logIn(admin.email(), PASSWORD);
        chief.post("/admin/users/" + admin.id() + "/role", Map.of("role", "learner"));
        assertThat(chief.get("/admin/users").body()).contains("You cannot change your own role");
        chief.post("/admin/users/" + admin.id() + "/status", Map.of("enabled", "false"));
        assertThat(chief.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void nonsenseInputGetsFriendlyErrors() {
        Visitor chief = new Visitor(server).logIn(admin.email(), PASSWORD);
        assertThat(chief.post("/admin/users/999999/role", Map.of("role", "author"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(chief.post("/admin/users/abc/role", Map.of("role", "author")).statusCode())
                .isEqualTo(404);
        assertThat(chief.post("/admin/users/1/role", Map.of("role", "emperor")).statusCode())
                .isEqualTo(400);
        assertThat(chief.get("/admin/audit?before=x").statusCode()).isEqualTo(400);
    }
}
