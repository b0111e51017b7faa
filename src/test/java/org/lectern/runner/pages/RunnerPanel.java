package org.lectern.runner.pages;

import java.time.Duration;
import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The editor and console runner.js puts under one runnable code block. */
public final class RunnerPanel {
    private final Browser browser;
    private final WebElement root;

    private RunnerPanel(Browser browser, WebElement root) {
        this.browser = browser;
        this.root = root;
    }

    /** The panel of the n-th runnable block on the page (0-based), once runner.js has built it. */
    public static RunnerPanel nth(Browser browser, int n) {
        List<WebElement> panels = browser.waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".code-block.runnable .runner"));
            return found.size() > n ? found : null;
        });
        WebElement panel = panels.get(n);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
        return new RunnerPanel(browser, panel);
    }

    /** Notes the browser's clock each time a line of output arrives, from before the run starts. */
    public void recordArrivals() {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const log = arguments[0].querySelector('.runner-console');
                log.arrivals = [];
                new MutationObserver(() => log.arrivals.push({t: performance.now(), text: log.textContent}))
                    .observe(log, {childList: true, subtree: true, characterData: true});
                """, root);
    }

    /** The browser time (ms) at which the console first contained the text. */
    public double arrivalOf(String text) {
        Object t = ((JavascriptExecutor) browser.driver()).executeScript("""
                const hit = arguments[0].querySelector('.runner-console').arrivals
                    .find(a => a.text.includes(arguments[1]));
                return hit ? hit.t : -1;
                """, root, text);
        return ((Number) t).doubleValue();
    }

    public void run() {
        button("run").click();
    }

    public void stop() {
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(button("stop")))
                .click();
    }

    public void waitForOutput(String text, Duration timeout) {
        browser.waitUpTo(timeout).until(d -> output().contains(text));
    }

    public String output() {
        return root.findElement(By.cssSelector(".runner-console")).getText();
    }

    public void typeLine(String line) {
        WebElement input = browser.waiting()
                .until(ExpectedConditions.visibilityOf(root.findElement(By.cssSelector("[data-role='input']"))));
        input.sendKeys(line + "\n");
    }

    /** The final status (ok, error, stopped, ...) once the run has ended. */
    public String finalStatus(Duration timeout) {
        return browser.waitUpTo(timeout).until(d -> {
            String status =
                    root.findElement(By.cssSelector("[data-role='status']")).getAttribute("data-status");
            return status == null || status.isEmpty() ? null : status;
        });
    }

    private WebElement button(String action) {
        return root.findElement(By.cssSelector("button[data-action='" + action + "']"));
    }
}
