package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.testing.Learner.PASSWORD;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.studio.pages.StudioCoursePage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;
import org.openqa.selenium.By;

/**
 * An author reorders chapters and sections in real Chromium, by keyboard and by drag and drop, moves a chapter into
 * another section, and learners see the order. The tests share one course, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioStructureBrowserTest {
    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    /** Makes an author and signs them in afresh, from the login page to the sample course's studio page. */
    private static StudioCoursePage authorOnTheCoursePage(String name) {
        session.signInNew(Role.AUTHOR, name, "/studio/courses/sample-course");
        return new StudioCoursePage(session.browser());
    }

    @Test
    @Order(1)
    void anAuthorReordersChaptersByKeyboardAndByDraggingThenPublishes() {
        var browser = session.browser();
        StudioCoursePage course = authorOnTheCoursePage("Mover");
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

    @Test
    @Order(2)
    void anAuthorDragsASectionAndAChapterIntoAnotherSectionAndTheOrderStaysAfterAReload() {
        var browser = session.browser();
        StudioCoursePage course = authorOnTheCoursePage("Dragger");
        assertThat(course.sections()).containsExactly("basics", "more");

        course = course.dragSection("more", "basics").reload();
        assertThat(course.sections()).containsExactly("more", "basics");

        course = course.drag("basics", "first", "more", "third").reload();
        assertThat(course.chapters("more")).containsExactly("First steps", "The third chapter");
        assertThat(course.chapters("basics")).containsExactly("Threads and tables");

        course = course.moveToSection("more", "first", "basics");
        assertThat(course.flash()).isEqualTo("The new order is in the draft.");
        assertThat(course.chapters("basics")).containsExactly("Threads and tables", "First steps");
        assertThat(course.chapters("more")).containsExactly("The third chapter");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(3)
    void aDropOnAnOutlineSomeoneElseChangedShowsTheConflictAndRedoesItOnTheOutlineNow() {
        StudioCoursePage course = authorOnTheCoursePage("Late");
        assertThat(course.chapters("basics")).containsExactly("Threads and tables", "First steps");
        session.server().app().accounts().createUser("early@example.org", "Early", PASSWORD, Role.AUTHOR);
        Visitor early = new Visitor(session.server()).logIn("early@example.org", PASSWORD);
        assertThat(early.post("/studio/courses/sample-course/chapters/basics/first/move", Map.of("section", "more"))
                        .statusCode())
                .isEqualTo(302);

        StudioCoursePage.Conflict conflict = course.dragIntoConflict("basics", "second", "more", "third");
        assertThat(conflict.tried()).isEqualTo("Move the chapter “Threads and tables” to “More”, place 1");
        assertThat(conflict.now()).containsExactly("more/third", "more/first", "basics/second");
        assertThat(conflict.hasFocusOnRedo()).isTrue();
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        course = conflict.redo();
        assertThat(course.chapters("more")).containsExactly("Threads and tables", "The third chapter", "First steps");
        assertThat(course.chapters("basics")).isEmpty();
    }
}
