package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.Header;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.Dimension;

/**
 * The site header on a phone and on a desktop, for a guest and each role, in English and in Dutch (whose words are
 * longer): the page never scrolls sideways and every link in the header can be reached, on a phone through a menu
 * opened from the keyboard.
 */
class HeaderBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final int[] PHONE_WIDTHS = {320, 390, 420};

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @BeforeEach
    void asAGuest() {
        session.browser().resize(Browser.DESKTOP);
        session.browser().driver().manage().deleteAllCookies();
    }

    @Test
    void aGuestReachesEveryHeaderLinkOnAPhone() {
        for (String lang : new String[] {"en", "nl"}) {
            inLanguage(lang);
            for (int width : PHONE_WIDTHS) {
                checkPhoneHeader(lang, width);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aSignedInPersonReachesEveryHeaderLinkOnAPhone(Role role) {
        signIn(role);
        for (String lang : new String[] {"en", "nl"}) {
            inLanguage(lang);
            for (int width : PHONE_WIDTHS) {
                checkPhoneHeader(role + " " + lang, width);
            }
        }
    }

    @Test
    void anAdminsHeaderIsOneRowOnADesktopAndAMenuOnATablet() {
        signIn(Role.ADMIN);
        inLanguage("nl");
        Browser browser = session.browser();
        Header header = new Header(browser);
        for (int width : new int[] {1210, 1280}) {
            browser.resize(new Dimension(width, 900));
            browser.driver().get(session.server().url("/"));
            assertThat(header.showsMenuToggle()).as("a menu at %d", width).isFalse();
            assertThat(header.rowOverflow())
                    .as("the row's overflow at %d", width)
                    .isNotPositive();
            assertThat(header.controlsOutOfReach())
                    .as("out of reach at %d", width)
                    .isEmpty();
        }
        for (int width : new int[] {561, 800, 1200}) {
            browser.resize(new Dimension(width, 900));
            browser.driver().get(session.server().url("/courses/sample-course"));
            assertThat(header.rowOverflow())
                    .as("the row's overflow at %d", width)
                    .isNotPositive();
            header.openMenuWithKeyboard();
            assertThat(header.controlsOutOfReach())
                    .as("out of reach at %d with the menu open", width)
                    .isEmpty();
        }
    }

    private void checkPhoneHeader(String who, int width) {
        Browser browser = session.browser();
        browser.resize(new Dimension(width, 844));
        browser.driver().get(session.server().url("/courses/sample-course"));
        Header header = new Header(browser);
        String where = who + " at " + width + "px";
        assertThat(pageOverflow()).as("sideways scroll for %s", where).isNotPositive();
        assertThat(header.rowOverflow())
                .as("the header row's overflow for %s", where)
                .isNotPositive();
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe as the page opens for %s", where)
                .isEmpty();
        boolean menu = header.showsMenuToggle();
        if (menu) {
            header.openMenuWithKeyboard();
        }
        assertThat(header.controlsOutOfReach())
                .as("out of reach for %s (%s)", where, menu ? "menu open" : "no menu")
                .isEmpty();
        assertThat(pageOverflow())
                .as("sideways scroll with the menu open for %s", where)
                .isNotPositive();
        if (menu) {
            assertThat(browser.seriousAccessibilityViolations())
                    .as("axe with the menu open for %s", where)
                    .isEmpty();
            assertThat(header.closeMenuWithEscapeReturnsFocus())
                    .as("Escape gives the focus back to the toggle for %s", where)
                    .isTrue();
        }
    }

    private long pageOverflow() {
        return (Long) session.browser()
                .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private void inLanguage(String lang) {
        session.browser().driver().get(session.server().url("/lang/" + lang + "?next=/"));
    }

    /** Signs in someone with a long name, the longest the header has to hold. */
    private void signIn(Role role) {
        String email = role.code() + "-" + java.util.UUID.randomUUID() + "@example.org";
        session.server().app().accounts().createUser(email, "Maximiliaan van Oudenaarde-Kooistra", PASSWORD, role);
        LoginPage.open(session.browser(), session.server().url("/login"))
                .fill(email, PASSWORD)
                .submit();
    }
}
