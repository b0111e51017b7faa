package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.pages.AdminUsersPage;
import org.lectern.accounts.pages.Header;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.accounts.pages.SignupPage;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signing up, logging in and out, mistyping, being throttled, and an admin changing a role. */
class AccountsBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(
            TestServer.FIXTURE_CONTENT,
            Map.of("LECTERN_LOGIN_MAX_FAILURES_ACCOUNT", "3", "LECTERN_LOGIN_MAX_FAILURES_IP", "1000"));

    @BeforeEach
    void asAGuest() {
        session.browser().resize(Browser.DESKTOP);
        session.browser().driver().manage().deleteAllCookies();
    }

    @Test
    void aGuestSignsUpFromAMembersChapterAndLandsBackOnItSignedIn() {
        session.browser().driver().get(session.server().url("/courses/sample-course/more/third"));
        session.browser().driver().findElement(By.linkText("Sign up free")).click();
        SignupPage signup = new SignupPage(session.browser());
        signup.fill("Grace", "grace@example.org", "short").submit();
        signup = new SignupPage(session.browser());
        assertThat(signup.errorOf("password")).contains("at least 10 characters");
        assertThat(signup.field("password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(signup.field("displayName").getAttribute("value")).isEqualTo("Grace");
        signup.fill("Grace", "grace@example.org", PASSWORD).submit();

        session.browser().waiting().until(ExpectedConditions.urlContains("/courses/sample-course/more/third"));
        Header header = new Header(session.browser());
        assertThat(header.flash()).contains("Your account is ready");
        assertThat(header.signedInName()).hasValue("Grace");
        assertThat(session.browser()
                        .driver()
                        .findElement(By.cssSelector(".prose"))
                        .getText())
                .contains("The end.");
    }

    @Test
    void aLearnerLogsInWithRememberMeAndLogsOut() {
        session.server().app().accounts().createUser("lin@example.org", "Lin", PASSWORD, Role.LEARNER);
        session.browser().driver().get(session.server().url("/courses/sample-course"));
        LoginPage login = new Header(session.browser()).openLogin();
        login.fill("lin@example.org", PASSWORD).rememberMe().submit();
        session.browser()
                .waiting()
                .until(ExpectedConditions.urlToBe(session.server().url("/courses/sample-course")));
        Header header = new Header(session.browser());
        assertThat(header.signedInName()).hasValue("Lin");
        assertThat(header.showsAdminLink()).isFalse();
        assertThat(session.browser()
                        .driver()
                        .manage()
                        .getCookieNamed("lectern_session")
                        .getExpiry())
                .isNotNull();
        assertThat(session.browser().script("return document.cookie"))
                .asString()
                .doesNotContain("lectern_session");

        header.logOut();
        assertThat(new Header(session.browser()).flash()).contains("You are logged out.");
        assertThat(new Header(session.browser()).signedInName()).isEmpty();
        assertThat(session.browser().driver().manage().getCookieNamed("lectern_session"))
                .isNull();
    }

    @Test
    void aWrongPasswordSaysSoKeepsTheEmailAndThenThrottles() {
        session.server().app().accounts().createUser("mo@example.org", "Mo", PASSWORD, Role.LEARNER);
        LoginPage login = LoginPage.open(session.browser(), session.server().url("/login"));
        String error = login.fill("mo@example.org", "wrong guess 1").submitExpectingError();
        assertThat(error).contains("do not match an account");
        login = new LoginPage(session.browser());
        assertThat(login.emailValue()).isEqualTo("mo@example.org");
        for (int i = 2; i <= 3; i++) {
            login.fill("mo@example.org", "wrong guess " + i).submitExpectingError();
            login = new LoginPage(session.browser());
        }
        String throttled = login.fill("mo@example.org", PASSWORD).submitExpectingError();
        assertThat(throttled).contains("Too many failed attempts", "15 minutes");
        assertThat(new Header(session.browser()).signedInName()).isEmpty();
    }

    @Test
    void anAdminMakesALearnerAnAuthor() {
        session.server().app().accounts().createUser("ada@example.org", "Ada Admin", PASSWORD, Role.ADMIN);
        long pat = session.server()
                .app()
                .accounts()
                .createUser("pat@example.org", "Pat Writer", PASSWORD, Role.LEARNER)
                .id();
        session.browser().driver().get(session.server().url("/admin/users"));
        new LoginPage(session.browser()).fill("ada@example.org", PASSWORD).submit();
        assertThat(new Header(session.browser()).showsAdminLink()).isTrue();
        AdminUsersPage people = new AdminUsersPage(session.browser()).search("pat");
        assertThat(people.rows()).isEqualTo(1);
        assertThat(people.roleOf(pat)).isEqualTo("Learner");
        people = people.changeRole(pat, "Author");
        assertThat(new Header(session.browser()).flash()).contains("The role was changed.");
        assertThat(people.roleOf(pat)).isEqualTo("Author");
        assertThat(session.browser().driver().findElement(By.id("q")).getAttribute("value"))
                .isEqualTo("pat");

        session.browser().driver().get(session.server().url("/admin/audit"));
        assertThat(session.browser()
                        .driver()
                        .findElement(By.cssSelector("tr[data-kind='role_changed']"))
                        .getText())
                .contains("Ada Admin", "Pat Writer", "learner -> author");
    }

    @Test
    void theAccountPagesAreFreeOfSeriousAccessibilityViolations() {
        session.server().app().accounts().createUser("axe@example.org", "Axe Admin", PASSWORD, Role.ADMIN);
        for (String path :
                new String[] {"/login", "/signup", "/password/forgot", "/courses/sample-course/more/third"}) {
            session.browser().driver().get(session.server().url(path));
            assertThat(session.browser().seriousAccessibilityViolations())
                    .as("axe on %s", path)
                    .isEmpty();
        }
        SignupPage.open(session.browser(), session.server().url("/signup"))
                .fill("", "not-an-email", "")
                .submit();
        assertThat(session.browser().seriousAccessibilityViolations())
                .as("axe on the signup form with errors")
                .isEmpty();
        LoginPage.open(session.browser(), session.server().url("/login"))
                .fill("axe@example.org", PASSWORD)
                .submit();
        for (String path : new String[] {"/account", "/admin/users", "/admin/audit", "/"}) {
            for (var size : new org.openqa.selenium.Dimension[] {Browser.DESKTOP, Browser.PHONE}) {
                session.browser().resize(size);
                session.browser().driver().get(session.server().url(path));
                assertThat(session.browser().seriousAccessibilityViolations())
                        .as("axe on %s at %s", path, size)
                        .isEmpty();
            }
        }
    }
}
