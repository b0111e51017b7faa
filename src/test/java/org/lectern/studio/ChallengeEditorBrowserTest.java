package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.studio.pages.ChallengeEditorPage;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;

/** An author in real Chromium breaks a challenge's solution, Verify rejects it, and publishing is refused. */
class ChallengeEditorBrowserTest {
    private static final String EDITOR = "/studio/courses/sample-course/chapters/basics/second";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT, Map.of());

    @Test
    void verifyRejectsASolutionThatFailsItsTestsAndPublishingIsRefused() {
        var browser = session.browser();
        session.signInNew(Role.AUTHOR, "Setter", EDITOR);
        browser.awaitNewPage(
                () -> browser.driver().findElement(By.linkText("Challenges")).click());
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.awaitNewPage(() ->
                browser.driver().findElement(By.linkText("Add two numbers")).click());

        ChallengeEditorPage challenge = new ChallengeEditorPage(browser).openFile("Reference solution");
        assertThat(challenge.editor().source()).contains("return a + b");
        challenge.editor().typeSource("def add(a, b):\n    return a - b");

        String verdict = challenge.verify();
        assertThat(verdict).contains("add-numbers", "the reference solution does not pass", "test_adds failed");
        assertThat(challenge.failedTests("solution")).containsExactly("test_adds");
        assertThat(challenge.failedTests("starter")).containsExactly("test_adds");
        assertThat(challenge.editor().source())
                .as("the text typed was saved before it was verified")
                .contains("return a - b");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        assertThat((Boolean)
                        browser.script("const r = document.getElementById('verify-results').getBoundingClientRect();"
                                + " return r.top < window.innerHeight && r.bottom > 0;"))
                .as("the page opens at the results")
                .isTrue();
        browser.resize(Browser.PHONE);
        Long overflow = (Long)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        browser.resize(Browser.DESKTOP);

        assertThat(challenge.editor().publish())
                .contains("Not published", "02-second.challenges/add-numbers", "the reference solution does not pass");
    }
}
