package org.lectern.studio.pages;

import java.time.Duration;
import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The studio's challenge editor: one of the challenge's files in the chapter editor, its file tabs and Verify. */
public final class ChallengeEditorPage {
    private final Browser browser;
    private final ChapterEditorPage editor;

    public ChallengeEditorPage(Browser browser) {
        this.browser = browser;
        this.editor = new ChapterEditorPage(browser);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verify-form")));
    }

    /** Opens another of the challenge's files by its tab, e.g. "Reference solution". */
    public ChallengeEditorPage openFile(String tab) {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector(".studio-tabs--files"))
                .findElement(By.linkText(tab))
                .click());
        return new ChallengeEditorPage(browser);
    }

    public ChapterEditorPage editor() {
        return editor;
    }

    /** Presses Verify (which saves unsaved text first) and waits for the verdict of both runs in the sandbox. */
    public String verify() {
        browser.awaitNewPage(
                () -> browser.driver().findElement(By.id("verify-button")).click());
        new ChallengeEditorPage(browser);
        return browser.waitUpTo(Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-verdict")))
                .getText();
    }

    /** The names of the tests a run ({@code solution} or {@code starter}) failed in the last Verify. */
    public List<String> failedTests(String run) {
        List<WebElement> failed = browser.driver()
                .findElements(By.cssSelector(".studio-verify__tests[data-run='" + run + "'] li.is-failed"));
        return failed.stream().map(li -> li.getAttribute("data-test")).toList();
    }
}
