package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.runner.pages.RunnerPanel;
import org.lectern.studio.pages.ChapterEditorPage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;

/** An author in real Chromium: edits a chapter, watches the preview (running its code), saves and publishes. */
class StudioBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String EDITOR = "/studio/courses/sample-course/chapters/more/third";
    private static final String CHAPTER = "/courses/sample-course/more/third";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(
            TestServer.FIXTURE_CONTENT,
            Map.of("LECTERN_GUEST_CONCURRENT_RUNS", "4", "LECTERN_GUEST_RUNS_PER_MINUTE", "600"));

    @Test
    void anAuthorEditsAChapterSeesThePreviewRunsItsCodeAndPublishesItForLearners() {
        var browser = session.browser();
        browser.driver().manage().deleteAllCookies();
        session.server().app().accounts().createUser("writer@example.org", "Writer", PASSWORD, Role.AUTHOR);
        LoginPage.open(browser, session.server().url("/login?next=" + EDITOR))
                .fill("writer@example.org", PASSWORD)
                .submit();
        ChapterEditorPage editor = new ChapterEditorPage(browser);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        editor.typeSource("---\ntitle: The third chapter\n---\nA brand new ending.\n\n"
                + "```python run\nprint('hello from the preview')\n```");
        editor.waitForPreview("A brand new ending.");
        assertThat(editor.source()).startsWith("---\ntitle: The third chapter\n---\nA brand new ending.");

        RunnerPanel panel = RunnerPanel.nth(browser, 0);
        panel.run();
        panel.waitForOutput("hello from the preview", Duration.ofSeconds(20));

        editor.save("a new ending");
        assertThat(editor.publish()).isEqualTo("The chapter was published.");

        session.signInNewLearner("Reader", CHAPTER);
        assertThat(browser.driver().findElement(By.cssSelector(".prose")).getText())
                .contains("A brand new ending.");
    }

    @Test
    void theEditorStacksOnAPhone() {
        var browser = session.browser();
        browser.driver().manage().deleteAllCookies();
        session.server().app().accounts().createUser("phone@example.org", "Phone", PASSWORD, Role.AUTHOR);
        LoginPage.open(browser, session.server().url("/login?next=" + EDITOR))
                .fill("phone@example.org", PASSWORD)
                .submit();
        browser.resize(org.lectern.testing.Browser.PHONE);
        new ChapterEditorPage(browser);
        long sourceTop = (Long) browser.script(
                "return Math.round(document.querySelector('.studio-editor__source').getBoundingClientRect().top);");
        long previewTop = (Long) browser.script(
                "return Math.round(document.querySelector('.studio-editor__preview').getBoundingClientRect().top);");
        assertThat(previewTop).as("the preview comes below the source").isGreaterThan(sourceTop);
        Long overflow = (Long)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.resize(org.lectern.testing.Browser.DESKTOP);
    }
}
