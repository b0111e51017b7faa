package org.lectern.studio.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

    /** Drags a chapter onto the upper half of another, with the browser's own drag events. */
    public StudioCoursePage drag(String section, String chapter, String ontoChapter) {
        WebElement from = item(section, chapter);
        WebElement onto = item(section, ontoChapter);
        browser.awaitNewPage(() -> browser.script("""
                const [from, onto] = arguments;
                const data = new DataTransfer();
                const at = onto.getBoundingClientRect();
                const event = (type, target, y) => target.dispatchEvent(new DragEvent(type,
                    {bubbles: true, cancelable: true, dataTransfer: data, clientX: at.left + 5, clientY: y}));
                event('dragstart', from, 0);
                event('dragover', onto, at.top + 2);
                event('drop', onto, at.top + 2);
                event('dragend', from, 0);
                """, from, onto));
        return new StudioCoursePage(browser);
    }

    public String flash() {
        return browser.driver().findElement(By.cssSelector(".flash")).getText();
    }

    private WebElement item(String section, String chapter) {
        return browser.driver()
                .findElement(By.cssSelector("[data-section='" + section + "'] [data-chapter='" + chapter + "']"));
    }
}
