package org.lectern.content.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A chapter as a learner sees it. */
public final class ChapterPage {
    private final Browser browser;

    public ChapterPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chapter__label")));
    }

    public String label() {
        return browser.driver().findElement(By.cssSelector(".chapter__label")).getText();
    }

    public String title() {
        return browser.driver().findElement(By.cssSelector(".chapter h1")).getText();
    }

    public List<String> tableHeaders() {
        return browser.driver().findElements(By.cssSelector(".prose table th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public WebElement firstCodeBlock() {
        return browser.driver().findElement(By.cssSelector(".code-block:not(.output-sample)"));
    }

    /** Waits until highlight.js has coloured the code. */
    public List<WebElement> highlightedKeywords() {
        return browser.waiting().until(d -> {
            List<WebElement> keywords = firstCodeBlock().findElements(By.cssSelector("code.hljs .hljs-keyword"));
            return keywords.isEmpty() ? null : keywords;
        });
    }

    public WebElement copyButton() {
        return browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        firstCodeBlock().findElement(By.cssSelector(".copy-button"))));
    }

    public WebElement menuButton() {
        return browser.driver().findElement(By.cssSelector(".menu-toggle"));
    }

    public WebElement outline() {
        return browser.driver().findElement(By.cssSelector(".chapter-sidebar"));
    }

    public void switchLanguage(String code) {
        browser.driver()
                .findElement(By.cssSelector(".lang-switch a[hreflang='" + code + "']"))
                .click();
    }

    public ChapterPage next() {
        browser.driver().findElement(By.cssSelector(".pager__link--next")).click();
        return new ChapterPage(browser);
    }
}
