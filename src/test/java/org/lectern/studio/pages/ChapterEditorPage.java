package org.lectern.studio.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The studio's chapter editor: CodeMirror over the source, the live preview, save and publish. */
public final class ChapterEditorPage {
    private final Browser browser;

    public ChapterEditorPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
    }

    /** Selects everything in the editor and types the new source, as an author would. */
    public ChapterEditorPage typeSource(String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(".CodeMirror [contenteditable=true]"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.DELETE);
        // CodeMirror indents after a newline on its own; each line is typed from its start instead.
        for (String line : text.split("\n", -1)) {
            input.sendKeys(line);
            input.sendKeys(Keys.ENTER);
            input.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME), Keys.DELETE);
        }
        return this;
    }

    public String source() {
        return (String) browser.script("return document.querySelector('.CodeMirror').CodeMirror.getValue();");
    }

    public ChapterEditorPage waitForPreview(String text) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"), text));
        return this;
    }

    public String preview() {
        return browser.driver().findElement(By.id("preview-body")).getText();
    }

    /** Saves with a message and waits until the page says the draft is saved. */
    public ChapterEditorPage save(String message) {
        browser.driver().findElement(By.id("message")).sendKeys(message);
        browser.driver().findElement(By.id("save")).click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-status"), "Draft saved."));
        return this;
    }

    /** Publishes the chapter and returns the page's message. */
    public String publish() {
        browser.awaitNewPage(
                () -> browser.driver().findElement(By.id("publish-chapter")).click());
        new ChapterEditorPage(browser);
        return browser.driver()
                .findElement(By.cssSelector(".flash, .studio-error"))
                .getText();
    }
}
