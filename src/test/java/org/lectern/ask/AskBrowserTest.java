package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.ask.pages.AskPanel;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The panel and the site search without a language model: the course's own passages, in real Chromium. */
class AskBrowserTest {
    private static final String GIL = "/courses/python-concurrency/introduction/the-gil";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(Path.of("content"));

    private Browser browser() {
        return session.browser();
    }

    @BeforeEach
    void reset() {
        browser().resize(Browser.DESKTOP);
        browser().driver().manage().deleteAllCookies();
        browser().driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    @Test
    void aGuestAsksInEnglishAndGetsMarkedPassagesLinkedToTheirChapterAndHeading() {
        browser().driver().get(session.server().url(GIL));
        AskPanel panel = AskPanel.open(browser()).ask("What is the GIL?");
        List<WebElement> links = panel.sourceLinks();
        assertThat(links.get(0).getAttribute("href")).contains(GIL + "#");
        assertThat(links.get(0).getText()).startsWith("The Global Interpreter Lock › ");
        assertThat(panel.marks()).extracting(WebElement::getText).anyMatch(m -> m.equalsIgnoreCase("GIL"));
        assertThat(panel.consent()).contains("without your name");
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();

        String target = links.get(0).getAttribute("href");
        links.get(0).click();
        browser().waiting().until(ExpectedConditions.urlToBe(target));
        String anchor = target.substring(target.indexOf('#') + 1);
        assertThat(browser().driver().findElements(By.id(anchor))).hasSize(1);
    }

    @Test
    void aDutchQuestionFindsTheEnglishChapterThatAnswersIt() {
        browser().driver().get(session.server().url(GIL));
        AskPanel panel = AskPanel.open(browser()).ask("Wat is het verschil tussen een draad en een proces?");
        assertThat(panel.sourceLinks().get(0).getAttribute("href"))
                .contains("/courses/python-concurrency/introduction/threads-vs-processes#");
    }

    @Test
    void onAPhoneThePanelIsAFullPageAndEscapeClosesIt() {
        browser().resize(Browser.PHONE);
        browser().driver().get(session.server().url(GIL));
        AskPanel panel = AskPanel.open(browser());
        WebElement root = panel.root();
        long width = (Long) browser().script("return window.innerWidth");
        assertThat((long) root.getRect().getWidth()).isEqualTo(width);
        assertThat(root.getRect().getY()).isZero();
        assertThat(browser().driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("ask-question");
        panel.ask("How do I start a process?");
        assertThat(panel.sourceLinks()).isNotEmpty();
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();

        browser().driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser().waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("ask-panel")));
        assertThat(browser().driver().switchTo().activeElement().getAttribute("class"))
                .contains("ask-toggle");
    }

    @Test
    void inDarkModeThePanelAndItsAnswerStayReadable() {
        browser()
                .driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser().driver().get(session.server().url(GIL));
        AskPanel panel = AskPanel.open(browser()).ask("Why is the GIL released during I/O?");
        assertThat(panel.sourceLinks()).isNotEmpty();
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void theHeaderSearchBoxLeadsToMarkedResultsFromEveryChapter() {
        browser().driver().get(session.server().url("/"));
        WebElement box = browser().driver().findElement(By.id("site-search-q"));
        box.sendKeys("bytecode");
        browser().awaitNewPage(() -> box.sendKeys(Keys.ENTER));
        assertThat(browser().driver().getCurrentUrl()).endsWith("/search?q=bytecode");
        List<WebElement> results = browser().driver().findElements(By.cssSelector(".search-result"));
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).findElements(By.tagName("mark")))
                .extracting(WebElement::getText)
                .anyMatch(m -> m.equalsIgnoreCase("bytecode"));
        assertThat(browser().driver().findElement(By.id("search-q")).getAttribute("value"))
                .isEqualTo("bytecode");
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();

        // guests search the free chapters only, and are told how to search the rest
        browser().driver().get(session.server().url("/search?q=deadlock"));
        assertThat(browser()
                        .driver()
                        .findElement(By.cssSelector(".search-members"))
                        .getText())
                .contains("Log in");

        browser().resize(Browser.PHONE);
        browser().driver().navigate().refresh();
        assertThat(browser()
                        .driver()
                        .findElement(By.cssSelector(".site-search__button"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anAdminSeesTheMostAskedQuestionsOnAnAccessibleScreenAtBothWidths() {
        browser().driver().get(session.server().url(GIL));
        AskPanel.open(browser()).ask("Does the GIL make my code thread-safe?").sourceLinks();
        String email = "ask-admin@example.org";
        session.server().app().accounts().createUser(email, "Admin", "a long and unusual passphrase", Role.ADMIN);
        LoginPage.open(browser(), session.server().url("/login?next=/admin/ask"))
                .fill(email, "a long and unusual passphrase")
                .submit();
        browser().waiting().until(ExpectedConditions.urlContains("/admin/ask"));
        assertThat(browser()
                        .driver()
                        .findElement(By.cssSelector("[data-state]"))
                        .getAttribute("data-state"))
                .isEqualTo("off");
        assertThat(browser().driver().findElements(By.cssSelector("[data-role='asked'] td")))
                .extracting(WebElement::getText)
                .contains("does the gil make my code thread-safe");
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();
        browser().resize(Browser.PHONE);
        // the tables scroll inside their own boxes; the page's main column never scrolls sideways
        assertThat((Long) browser()
                        .script("const m = document.querySelector('main'); return m.scrollWidth - m.clientWidth"))
                .isZero();
        assertThat(browser().seriousAccessibilityViolations()).isEmpty();
    }
}
