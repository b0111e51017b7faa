package org.lectern.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.progress.pages.ChapterEndPage;
import org.lectern.testing.Browser;
import org.lectern.testing.TestServer;

/** A learner finishing a chapter and seeing the progress move, then telling us whether it was clear. */
class ProgressBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String FIRST = "/courses/sample-course/basics/first";
    private static TestServer server;
    private static Browser browser;
    private static int people;

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
    void signedInAsANewLearner() {
        browser.resize(Browser.DESKTOP);
        browser.driver().manage().deleteAllCookies();
        String email = "finisher" + (++people) + "@example.org";
        server.app().accounts().createUser(email, "Finisher " + people, PASSWORD, Role.LEARNER);
        LoginPage.open(browser, server.url("/login?next=" + FIRST))
                .fill(email, PASSWORD)
                .submit();
    }

    @AfterEach
    void keepAScreenshot(TestInfo test) {
        browser.screenshot(test);
    }

    @Test
    void markingAChapterAsReadTicksItAndMovesTheBar() {
        ChapterEndPage chapter = new ChapterEndPage(browser);
        assertThat(chapter.progressWords()).isEqualTo("0 of 3 chapters complete");
        assertThat(chapter.tickedChapters()).isEmpty();

        chapter = chapter.markAsRead();
        assertThat(chapter.completedNotice()).contains("You completed this chapter.");
        assertThat(chapter.progressWords()).isEqualTo("1 of 3 chapters complete");
        assertThat(chapter.tickedChapters()).containsExactly("First steps");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aLearnerSaysAChapterWasUnclearAndLeavesASuggestion() {
        ChapterEndPage chapter = new ChapterEndPage(browser);
        chapter.answerClear(false).suggest("A diagram would help.");
        assertThat(chapter.feedbackState()).contains("Thank you for your feedback!");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.driver().navigate().refresh();
        assertThat(new ChapterEndPage(browser).feedbackState()).contains("Thank you for your feedback!");
    }
}
