package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.content.pages.ChapterPage;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A learner reading a course in real headless Chromium against the real server. */
class ReadingBrowserTest {
    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @BeforeEach
    void reset() {
        session.browser().resize(Browser.DESKTOP);
        session.browser().driver().manage().deleteAllCookies();
    }

    private ChapterPage openChapterTwoFromTheCatalog() {
        session.browser().driver().get(session.server().url("/"));
        session.browser().driver().findElement(By.linkText("Sample Course")).click();
        session.browser().waiting().until(ExpectedConditions.titleContains("Sample Course"));
        session.browser()
                .driver()
                .findElement(By.partialLinkText("Threads and tables"))
                .click();
        return new ChapterPage(session.browser());
    }

    @Test
    void aLearnerFindsSectionOneChapterTwoWithItsTableAndHighlightedCode() {
        ChapterPage chapter = openChapterTwoFromTheCatalog();
        assertThat(chapter.label()).isEqualToIgnoringCase("Section 1 · Chapter 2");
        assertThat(chapter.title()).isEqualTo("Threads and tables");
        assertThat(chapter.tableHeaders()).containsExactly("Aspect", "Threads", "Processes");
        assertThat(chapter.highlightedKeywords())
                .extracting(WebElement::getText)
                .contains("import");
        assertThat(chapter.firstCodeBlock()
                        .findElement(By.cssSelector(".gutter"))
                        .getText())
                .isEqualTo("1\n2\n3");
    }

    @Test
    void theCopyButtonPutsTheCodeOnTheClipboard() {
        session.browser().allowClipboard();
        ChapterPage chapter = openChapterTwoFromTheCatalog();
        WebElement copy = chapter.copyButton();
        assertThat(copy.getText()).isEqualTo("Copy");
        copy.click();
        session.browser().waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object clipboard = session.browser()
                .driver()
                .executeAsyncScript(
                        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).isEqualTo("import queue\nq = queue.Queue()\nprint(q.empty())");
    }

    @Test
    void switchingToDutchTranslatesTheInterfaceAndIsRemembered() {
        ChapterPage chapter = openChapterTwoFromTheCatalog();
        chapter.switchLanguage("nl");
        session.browser()
                .waiting()
                .until(d -> new ChapterPage(session.browser()).label().equalsIgnoreCase("Sectie 1 · Hoofdstuk 2"));
        ChapterPage next = new ChapterPage(session.browser()).next();
        assertThat(next.label()).isEqualToIgnoringCase("Sectie 2 · Hoofdstuk 1");
        assertThat(session.browser()
                        .driver()
                        .findElement(By.cssSelector(".pager__end"))
                        .getText())
                .contains("einde van de cursus");
    }

    @Test
    void onAPhoneTheOutlineIsAMenuAndNothingScrollsSideways() {
        session.browser().resize(Browser.PHONE);
        session.browser().driver().get(session.server().url("/courses/sample-course/basics/second"));
        ChapterPage chapter = new ChapterPage(session.browser());
        assertThat(chapter.outline().isDisplayed()).isFalse();
        WebElement menu = chapter.menuButton();
        assertThat(menu.isDisplayed()).isTrue();
        menu.click();
        session.browser().waiting().until(ExpectedConditions.visibilityOf(chapter.outline()));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(session.browser().driver().switchTo().activeElement().getText())
                .contains("Threads and tables");
        session.browser().driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        session.browser().waiting().until(ExpectedConditions.invisibilityOf(chapter.outline()));
        for (String path : new String[] {"/", "/courses/sample-course", "/courses/sample-course/basics/second"}) {
            session.browser().driver().get(session.server().url(path));
            Object overflow =
                    session.browser().script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue())
                    .as("sideways overflow on %s", path)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void keyboardUsersStartWithAVisibleSkipLink() {
        session.browser().driver().get(session.server().url("/courses/sample-course/basics/first"));
        session.browser().driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = session.browser().driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip-link");
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
        assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
        focused.sendKeys(Keys.ENTER);
        session.browser().waiting().until(d -> d.getCurrentUrl().endsWith("#main"));
    }

    @Test
    void everyPageTypeIsFreeOfSeriousAccessibilityViolations() {
        for (String path :
                new String[] {"/", "/courses/sample-course", "/courses/sample-course/basics/second", "/no-such-page"}) {
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
