package org.lectern.progress.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The end of a chapter and its sidebar, for a signed-in learner: progress, "Mark as read" and feedback. */
public final class ChapterEndPage {
    private final Browser browser;

    public ChapterEndPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("chapter-done")));
    }

    public String progressWords() {
        return browser.driver()
                .findElement(By.cssSelector(".chapter-sidebar .progress-bar__words"))
                .getText();
    }

    /** The titles of the chapters the sidebar marks as completed. */
    public List<String> tickedChapters() {
        return browser.driver().findElements(By.cssSelector(".outline__chapters a")).stream()
                .filter(a -> !a.findElements(By.cssSelector(".progress-tick")).isEmpty())
                .map(a -> a.findElements(By.cssSelector("span")).get(1).getText())
                .toList();
    }

    public ChapterEndPage markAsRead() {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector("#chapter-done button[type=submit]"))
                .click());
        return new ChapterEndPage(browser);
    }

    public String completedNotice() {
        return browser.driver()
                .findElement(By.cssSelector(".chapter-done__state"))
                .getText();
    }

    public ChapterEndPage answerClear(boolean clear) {
        browser.driver()
                .findElement(By.cssSelector("#chapter-feedback button[value='" + (clear ? "yes" : "no") + "']"))
                .click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-comment")));
        return this;
    }

    public ChapterEndPage suggest(String text) {
        browser.driver().findElement(By.id("feedback-comment")).sendKeys(text);
        browser.driver()
                .findElement(By.cssSelector("#chapter-feedback .chapter-feedback__comment button[type=submit]"))
                .click();
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chapter-feedback__thanks")));
        return this;
    }

    public String feedbackState() {
        return browser.driver().findElement(By.id("chapter-feedback")).getText();
    }
}
