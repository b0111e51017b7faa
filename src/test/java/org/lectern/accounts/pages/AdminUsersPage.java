package org.lectern.accounts.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** {@code /admin/users}: the searchable list of people with their role and status forms. */
public final class AdminUsersPage {
    private final Browser browser;

    public AdminUsersPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-form")));
    }

    public static AdminUsersPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new AdminUsersPage(browser);
    }

    public AdminUsersPage search(String text) {
        WebElement box = browser.driver().findElement(By.id("q"));
        box.clear();
        box.sendKeys(text);
        browser.awaitNewPage(() ->
                browser.driver().findElement(By.cssSelector(".search-form")).submit());
        return new AdminUsersPage(browser);
    }

    private WebElement row(long userId) {
        return browser.driver().findElement(By.cssSelector("tr[data-user-id='" + userId + "']"));
    }

    public String roleOf(long userId) {
        return new Select(row(userId).findElement(By.cssSelector("select[name=role]")))
                .getFirstSelectedOption()
                .getText();
    }

    public AdminUsersPage changeRole(long userId, String roleLabel) {
        WebElement form = row(userId).findElement(By.cssSelector(".role-form"));
        new Select(form.findElement(By.cssSelector("select[name=role]"))).selectByVisibleText(roleLabel);
        browser.awaitNewPage(
                () -> form.findElement(By.cssSelector("button[type=submit]")).click());
        return new AdminUsersPage(browser);
    }

    public int rows() {
        return browser.driver().findElements(By.cssSelector("tbody tr")).size();
    }
}
