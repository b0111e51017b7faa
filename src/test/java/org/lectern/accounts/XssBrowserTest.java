package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.pages.AdminUsersPage;
import org.lectern.accounts.pages.Header;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.accounts.pages.SignupPage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Script and markup typed into every text field (display name, email, search, the login's next) come back as
 * text: no dialog opens, no script runs and no element of the payload's making appears, wherever the text is shown.
 * The check looks at the DOM, not only at script, since the CSP alone would hide escaping mistakes.
 */
class XssBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1);window.__xss=1</script>",
            "<img src=x onerror=\"alert(1);window.__xss=1\" data-xss>",
            "\"><b data-xss>bold</b>",
            "'><svg onload=alert(1) data-xss></svg>",
            "</title><i data-xss>t</i><title>",
            "<a href=\"javascript:alert(1)\" data-xss>click</a>",
            "[[${7*7}]] __${7*7}__ #{site.name}",
            "</textarea><style data-xss>body{}</style>");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @BeforeAll
    static void seed() {
        session.server().app().accounts().createUser("xss-admin@example.org", "XSS Admin", PASSWORD, Role.ADMIN);
    }

    private void assertNothingInjected(String where) {
        try {
            String text = session.browser().driver().switchTo().alert().getText();
            throw new AssertionError("a dialog opened on " + where + ": " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        assertThat(session.browser().script("return window.__xss === undefined"))
                .as("script ran on %s", where)
                .isEqualTo(true);
        assertThat(session.browser().driver().findElements(By.cssSelector("[data-xss]")))
                .as("elements injected on %s", where)
                .isEmpty();
        assertThat(session.browser().driver().getPageSource())
                .as("template evaluated on %s", where)
                .doesNotContain("__49__");
    }

    @Test
    void displayNamesFullOfMarkupAreShownAsTextEverywhereTheyAppear() {
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            session.browser().driver().manage().deleteAllCookies();
            SignupPage.open(session.browser(), session.server().url("/signup"))
                    .fill(payload, "name" + i + "@example.org", PASSWORD)
                    .submit();
            assertNothingInjected("the page after signing up as " + payload);
            assertThat(new Header(session.browser()).signedInName()).isPresent();
            session.browser().driver().get(session.server().url("/account"));
            assertNothingInjected("the account page of " + payload);
            assertThat(session.browser()
                            .driver()
                            .findElement(By.cssSelector(".account-name"))
                            .getText())
                    .isEqualTo(payload.strip());
        }
        session.browser().driver().manage().deleteAllCookies();
        LoginPage.open(session.browser(), session.server().url("/login"))
                .fill("xss-admin@example.org", PASSWORD)
                .submit();
        session.browser().driver().get(session.server().url("/admin/audit"));
        assertNothingInjected("/admin/audit");
        session.browser().driver().get(session.server().url("/admin/users"));
        assertNothingInjected("/admin/users");
        assertThat(session.browser()
                        .driver()
                        .findElement(By.cssSelector(".users-table"))
                        .getText())
                .contains(PAYLOADS.get(0), PAYLOADS.get(2).strip());
    }

    @Test
    void theAdminSearchBoxEchoesMarkupAsText() {
        session.browser().driver().manage().deleteAllCookies();
        LoginPage.open(session.browser(), session.server().url("/login"))
                .fill("xss-admin@example.org", PASSWORD)
                .submit();
        AdminUsersPage people =
                AdminUsersPage.open(session.browser(), session.server().url("/admin/users"));
        for (String payload : PAYLOADS) {
            people = people.search(payload);
            assertNothingInjected("the search for " + payload);
            assertThat(session.browser().driver().findElement(By.id("q")).getAttribute("value"))
                    .isEqualTo(payload);
        }
    }

    @Test
    void emailFieldsAndTheNextParameterEchoMarkupAsText() {
        for (String payload : PAYLOADS) {
            session.browser().driver().manage().deleteAllCookies();
            LoginPage.open(session.browser(), session.server().url("/login"))
                    .fill(payload, "some password")
                    .submit();
            assertNothingInjected("the login form with email " + payload);

            SignupPage.open(session.browser(), session.server().url("/signup"))
                    .fill("Name", payload, PASSWORD)
                    .submit();
            assertNothingInjected("the signup form with email " + payload);
            assertThat(new SignupPage(session.browser()).field("email").getAttribute("value"))
                    .isEqualTo(payload.strip().toLowerCase());

            session.browser().driver().get(session.server().url("/password/forgot"));
            session.browser().driver().findElement(By.id("email")).sendKeys(payload);
            session.browser()
                    .awaitNewPage(() -> session.browser()
                            .driver()
                            .findElement(By.cssSelector("form[action='/password/forgot']"))
                            .submit());
            assertNothingInjected("the forgot form with " + payload);

            session.browser()
                    .driver()
                    .get(session.server()
                            .url("/login?next=" + URLEncoder.encode("/" + payload, StandardCharsets.UTF_8)));
            assertNothingInjected("the login form with next=/" + payload);
        }
    }
}
