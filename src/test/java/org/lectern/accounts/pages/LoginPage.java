package org.lectern.accounts.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /login}. */
public final class LoginPage {
    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/login']")));
    }

    public static LoginPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new LoginPage(browser);
    }

    public LoginPage fill(String email, String password) {
        var emailField = browser.driver().findElement(By.id("email"));
        emailField.clear();
        emailField.sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        return this;
    }

    public LoginPage rememberMe() {
        browser.driver().findElement(By.id("remember")).click();
        return this;
    }

    /** Submits and waits for the page that follows, whichever it is. */
    public void submit() {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector("form[action='/login']"))
                .submit());
    }

    /** Submits expecting the form back with an error, and returns that error. */
    public String submitExpectingError() {
        submit();
        return browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert], .field__error")))
                .getText();
    }

    public String emailValue() {
        return browser.driver().findElement(By.id("email")).getAttribute("value");
    }
}
