package org.lectern.accounts.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /signup}. */
public final class SignupPage {
    private final Browser browser;

    public SignupPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/signup']")));
    }

    public static SignupPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new SignupPage(browser);
    }

    public SignupPage fill(String name, String email, String password) {
        type("displayName", name);
        type("email", email);
        type("password", password);
        return this;
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public void submit() {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector("form[action='/signup']"))
                .submit());
    }

    public WebElement field(String id) {
        return browser.driver().findElement(By.id(id));
    }

    public String errorOf(String id) {
        return browser.driver().findElement(By.id(id + "-error")).getText();
    }
}
