package org.lectern.accounts.pages;

import java.util.Optional;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The site header's account corner: log in and sign up for guests, name, admin link and log out for people. */
public final class Header {
    private final Browser browser;

    public Header(Browser browser) {
        this.browser = browser;
    }

    public Optional<String> signedInName() {
        return browser.driver().findElements(By.cssSelector(".account-nav__name")).stream()
                .findFirst()
                .map(WebElement::getText);
    }

    public boolean showsAdminLink() {
        return !browser.driver()
                .findElements(By.cssSelector(".account-nav a[href='/admin/users']"))
                .isEmpty();
    }

    public String flash() {
        return browser.waiting()
                .until(d -> d.findElements(By.cssSelector(".flash")).stream()
                        .findFirst()
                        .orElse(null))
                .getText();
    }

    public LoginPage openLogin() {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector(".account-nav__login"))
                .click());
        return new LoginPage(browser);
    }

    public void logOut() {
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector(".account-nav button[type=submit]"))
                .click());
    }
}
