package org.lectern.ask.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The "Ask about this chapter" drawer on a chapter page. */
public final class AskPanel {
    private final Browser browser;

    private AskPanel(Browser browser) {
        this.browser = browser;
    }

    /** Opens the drawer with its button, once ask.js has shown the button. */
    public static AskPanel open(Browser browser) {
        WebElement toggle =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ask-toggle")));
        toggle.click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-panel")));
        return new AskPanel(browser);
    }

    /** The drawer, once something (the Explain button) opened it. */
    public static AskPanel shown(Browser browser) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-panel")));
        return new AskPanel(browser);
    }

    public WebElement root() {
        return browser.driver().findElement(By.id("ask-panel"));
    }

    public AskPanel ask(String question) {
        WebElement field = root().findElement(By.id("ask-question"));
        field.clear();
        field.sendKeys(question);
        root().findElement(By.cssSelector("[data-action='ask']")).click();
        return this;
    }

    /** Waits for the passages of the answer and returns their links, best first. */
    public List<WebElement> sourceLinks() {
        return browser.waiting().until(d -> {
            List<WebElement> links = root().findElements(By.cssSelector(".ask-source__link"));
            return links.isEmpty() ? null : links;
        });
    }

    public List<WebElement> marks() {
        return root().findElements(By.cssSelector(".ask-source mark"));
    }

    /** Waits until the written answer contains the text, and returns it. */
    public WebElement generatedContaining(String text) {
        WebElement generated = root().findElement(By.cssSelector("[data-role='generated']"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(generated, text));
        return generated;
    }

    public WebElement stopButton() {
        return root().findElement(By.cssSelector("[data-action='stop']"));
    }

    public String status() {
        return root().findElement(By.cssSelector("[data-role='status']")).getText();
    }

    public String notice() {
        return root().findElement(By.cssSelector("[data-role='notice']")).getText();
    }

    public String consent() {
        return root().findElement(By.cssSelector(".ask-consent")).getText();
    }
}
