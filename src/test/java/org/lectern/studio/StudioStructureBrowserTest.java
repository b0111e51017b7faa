package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.studio.pages.StudioCoursePage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;

/** An author reorders chapters in real Chromium, by keyboard and by drag and drop, and learners see the order. */
class StudioStructureBrowserTest {
    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @Test
    void anAuthorReordersChaptersByKeyboardAndByDraggingThenPublishes() {
        var browser = session.browser();
        session.signInNew(Role.AUTHOR, "Mover", "/studio/courses/sample-course");
        StudioCoursePage course = new StudioCoursePage(browser);
        assertThat(course.chapters("basics")).containsExactly("First steps", "Threads and tables");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        course = course.moveUpByKeyboard("basics", "second");
        assertThat(course.chapters("basics")).containsExactly("Threads and tables", "First steps");
        assertThat(course.flash()).isEqualTo("The new order is in the draft.");

        course = course.drag("basics", "first", "second");
        assertThat(course.chapters("basics")).containsExactly("First steps", "Threads and tables");
        course = course.moveUpByKeyboard("basics", "second");
        assertThat(course.chapters("basics")).containsExactly("Threads and tables", "First steps");

        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector("form[action$='/publish'] button"))
                .click());
        session.signInNewLearner("Reader", "/courses/sample-course");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("main"))
                        .getText()
                        .indexOf("Threads and tables"))
                .isLessThan(browser.driver()
                        .findElement(By.cssSelector("main"))
                        .getText()
                        .indexOf("First steps"));
    }
}
