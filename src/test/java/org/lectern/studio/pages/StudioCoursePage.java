package org.lectern.studio.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The studio's course page: sections and chapters with their move, free and delete controls. */
public final class StudioCoursePage {
    private final Browser browser;

    public StudioCoursePage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".studio-outline")));
    }

    public List<String> chapters(String section) {
        return browser
                .driver()
                .findElements(By.cssSelector("[data-section='" + section + "'] .studio-chapter__title"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Tabs to the chapter's "move up" button and presses Enter, as a keyboard user would. */
    public StudioCoursePage moveUpByKeyboard(String section, String chapter) {
        WebElement title = item(section, chapter).findElement(By.cssSelector(".studio-chapter__title"));
        title.sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        if (!"up".equals(focused.getAttribute("value"))) {
            throw new AssertionError("Tab from the title did not reach the move-up button but " + focused.getText());
        }
        browser.awaitNewPage(() -> focused.sendKeys(Keys.ENTER));
        return new StudioCoursePage(browser);
    }

    /** The sections' slugs, top to bottom. */
    public List<String> sections() {
        return browser.driver().findElements(By.cssSelector(".studio-outline__section")).stream()
                .map(s -> s.getAttribute("data-section"))
                .toList();
    }

    /** Drags a chapter onto the upper half of another, in its section or another, with the browser's drag events. */
    public StudioCoursePage drag(String section, String chapter, String ontoChapter) {
        return drag(section, chapter, section, ontoChapter);
    }

    public StudioCoursePage drag(String section, String chapter, String ontoSection, String ontoChapter) {
        return dragAndDrop(item(section, chapter), item(ontoSection, ontoChapter));
    }

    /** Drags a section by its heading onto the upper half of another's heading. */
    public StudioCoursePage dragSection(String section, String ontoSection) {
        return dragAndDrop(head(section), head(ontoSection));
    }

    /** Moves a chapter to the end of another section with the "Move to" form, without scripts' help. */
    public StudioCoursePage moveToSection(String section, String chapter, String toSection) {
        WebElement form = item(section, chapter).findElement(By.cssSelector(".studio-move-to"));
        new Select(form.findElement(By.cssSelector("select"))).selectByValue(toSection);
        browser.awaitNewPage(() -> form.findElement(By.cssSelector("button")).click());
        return new StudioCoursePage(browser);
    }

    private StudioCoursePage dragAndDrop(WebElement from, WebElement onto) {
        browser.awaitNewPage(() -> drop(from, onto));
        return new StudioCoursePage(browser);
    }

    /**
     * Drags a chapter as {@link #drag} does, onto a page whose outline someone else changed meanwhile: the page stays,
     * and shows the conflict.
     */
    public Conflict dragIntoConflict(String section, String chapter, String ontoSection, String ontoChapter) {
        drop(item(section, chapter), item(ontoSection, ontoChapter));
        WebElement box =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("outline-conflict")));
        return new Conflict(box);
    }

    /** The conflict shown above the outline after a drop: what was tried, the outline now, and Redo. */
    public final class Conflict {
        private final WebElement box;

        private Conflict(WebElement box) {
            this.box = box;
        }

        public String tried() {
            return box.findElement(By.cssSelector(".outline-conflict__tried")).getText();
        }

        /** The chapters of the outline now, as "section/chapter", top to bottom. */
        public List<String> now() {
            return box.findElements(By.cssSelector(".outline-conflict__now [data-chapter]")).stream()
                    .map(c -> c.findElement(By.xpath("ancestor::li[@data-section]"))
                                    .getAttribute("data-section") + "/" + c.getAttribute("data-chapter"))
                    .toList();
        }

        public boolean hasFocusOnRedo() {
            return browser.driver().switchTo().activeElement().equals(redoButton());
        }

        public StudioCoursePage redo() {
            browser.awaitNewPage(() -> redoButton().click());
            return new StudioCoursePage(browser);
        }

        private WebElement redoButton() {
            return box.findElement(By.cssSelector(".outline-conflict__redo"));
        }
    }

    private void drop(WebElement from, WebElement onto) {
        browser.script("""
                const [from, onto] = arguments;
                const data = new DataTransfer();
                const at = onto.getBoundingClientRect();
                const event = (type, target, y) => target.dispatchEvent(new DragEvent(type,
                    {bubbles: true, cancelable: true, dataTransfer: data, clientX: at.left + 5, clientY: y}));
                event('dragstart', from, 0);
                event('dragover', onto, at.top + 2);
                event('drop', onto, at.top + 2);
                event('dragend', from, 0);
                """, from, onto);
    }

    /** The page again as the server has it now, not as the last script left it. */
    public StudioCoursePage reload() {
        browser.awaitNewPage(() -> browser.driver().navigate().refresh());
        return new StudioCoursePage(browser);
    }

    public String flash() {
        return browser.driver().findElement(By.cssSelector(".flash")).getText();
    }

    private WebElement head(String section) {
        return browser.driver().findElement(By.cssSelector("[data-section='" + section + "'] > .studio-outline__head"));
    }

    private WebElement item(String section, String chapter) {
        return browser.driver()
                .findElement(By.cssSelector("[data-section='" + section + "'] [data-chapter='" + chapter + "']"));
    }
}
