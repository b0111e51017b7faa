package org.lectern.challenge.pages;

import java.time.Duration;
import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One challenge on a chapter page: its editor and console, Check, the per-test results and the solution. */
public final class ChallengePanel {
    private static final Duration CHECKING = Duration.ofSeconds(60);
    private final Browser browser;
    private final WebElement root;

    private ChallengePanel(Browser browser, WebElement root) {
        this.browser = browser;
        this.root = root;
    }

    /** The challenge titled so, once check.js has added its Check button. */
    public static ChallengePanel titled(Browser browser, String title) {
        WebElement article = browser.waiting()
                .until(d -> d.findElements(By.cssSelector("article.challenge")).stream()
                        .filter(a -> a.findElement(By.tagName("h3")).getText().equals(title))
                        .filter(a -> !a.findElements(By.cssSelector("[data-action='check']"))
                                .isEmpty())
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", article);
        return new ChallengePanel(browser, article);
    }

    /** Replaces the editor's content, as typing it would. */
    public ChallengePanel write(String code) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])", root, code);
        return this;
    }

    public String code() {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return arguments[0].querySelector('.CodeMirror').CodeMirror.getValue()", root);
    }

    /** Presses Check and waits for the verdict of this check (the n-th of the page's life). */
    public ChallengePanel check(int checkNumber) {
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        root.findElement(By.cssSelector("[data-action='check']"))))
                .click();
        browser.waitUpTo(CHECKING).until(d -> verdict().contains("check " + checkNumber));
        browser.waitUpTo(CHECKING)
                .until(d -> root.findElement(By.cssSelector("[data-action='check']"))
                        .isEnabled());
        return this;
    }

    public String verdict() {
        List<WebElement> verdict = root.findElements(By.cssSelector(".challenge-verdict"));
        return verdict.isEmpty() ? "" : verdict.get(0).getText();
    }

    /** Each test's line: mark, name, docstring and message. */
    public List<String> tests() {
        return root.findElements(By.cssSelector(".challenge-test")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String console() {
        return root.findElement(By.cssSelector(".runner-console")).getText();
    }

    public String standing() {
        return root.findElement(By.cssSelector("[data-role='standing']")).getText();
    }

    public String solution() {
        List<WebElement> solution = root.findElements(By.cssSelector("[data-role='solution']"));
        return solution.isEmpty() ? "" : solution.get(0).getText();
    }
}
