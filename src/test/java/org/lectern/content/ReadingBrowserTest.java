package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lectern.content.pages.ChapterPage;
import org.lectern.testing.Browser;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A learner reading a course in real headless Chromium against the real server. */
class ReadingBrowserTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        browser.resize(Browser.DESKTOP);
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void keepAScreenshot(TestInfo test) {
        browser.screenshot(Path.of(
                "target/screenshots",
                getClass().getSimpleName() + "-"
                        + test.getTestMethod().orElseThrow().getName() + ".png"));
    }

    private ChapterPage openChapterTwoFromTheCatalog() {
        browser.driver().get(server.url("/"));
        browser.driver().findElement(By.linkText("Sample Course")).click();
        browser.waiting().until(ExpectedConditions.titleContains("Sample Course"));
        browser.driver().findElement(By.partialLinkText("Threads and tables")).click();
        return new ChapterPage(browser);
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
        browser.allowClipboard();
        ChapterPage chapter = openChapterTwoFromTheCatalog();
        WebElement copy = chapter.copyButton();
        assertThat(copy.getText()).isEqualTo("Copy");
        copy.click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object clipboard = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).isEqualTo("import queue\nq = queue.Queue()\nprint(q.empty())");
    }

    @Test
    void switchingToDutchTranslatesTheInterfaceAndIsRemembered() {
        ChapterPage chapter = openChapterTwoFromTheCatalog();
        chapter.switchLanguage("nl");
        browser.waiting().until(d -> new ChapterPage(browser).label().equalsIgnoreCase("Sectie 1 · Hoofdstuk 2"));
        ChapterPage next = new ChapterPage(browser).next();
        assertThat(next.label()).isEqualToIgnoringCase("Sectie 2 · Hoofdstuk 1");
        assertThat(browser.driver().findElement(By.cssSelector(".pager__end")).getText())
                .contains("einde van de cursus");
    }

    @Test
    void onAPhoneTheOutlineIsAMenuAndNothingScrollsSideways() {
        browser.resize(Browser.PHONE);
        browser.driver().get(server.url("/courses/sample-course/basics/second"));
        ChapterPage chapter = new ChapterPage(browser);
        assertThat(chapter.outline().isDisplayed()).isFalse();
        WebElement menu = chapter.menuButton();
        assertThat(menu.isDisplayed()).isTrue();
        menu.click();
        browser.waiting().until(ExpectedConditions.visibilityOf(chapter.outline()));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getText()).contains("Threads and tables");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.invisibilityOf(chapter.outline()));
        for (String path : new String[] {"/", "/courses/sample-course", "/courses/sample-course/basics/second"}) {
            browser.driver().get(server.url(path));
            Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue())
                    .as("sideways overflow on %s", path)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void keyboardUsersStartWithAVisibleSkipLink() {
        browser.driver().get(server.url("/courses/sample-course/basics/first"));
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip-link");
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
        assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
        focused.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("#main"));
    }

    @Test
    void everyPageTypeIsFreeOfSeriousAccessibilityViolations() {
        for (String path :
                new String[] {"/", "/courses/sample-course", "/courses/sample-course/basics/second", "/no-such-page"}) {
            for (var size : new org.openqa.selenium.Dimension[] {Browser.DESKTOP, Browser.PHONE}) {
                browser.resize(size);
                browser.driver().get(server.url(path));
                assertThat(browser.seriousAccessibilityViolations())
                        .as("axe on %s at %s", path, size)
                        .isEmpty();
            }
        }
    }
}
