package org.lectern.accounts.pages;

import java.util.List;
import java.util.Optional;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The site header: its account corner (log in and sign up for guests, name, admin link and log out for people) and,
 * on narrow screens, the menu that holds its links.
 */
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

    public boolean showsMenuToggle() {
        return browser.driver().findElements(By.cssSelector(".site-menu-toggle")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Opens the narrow-screen menu as a keyboard user would: Tab to the toggle and press Enter. */
    public void openMenuWithKeyboard() {
        WebElement toggle = browser.driver().findElement(By.cssSelector(".site-menu-toggle"));
        browser.script("arguments[0].focus()", toggle);
        toggle.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
    }

    /** Closes the menu with Escape, and tells whether the focus went back to its toggle. */
    public boolean closeMenuWithEscapeReturnsFocus() {
        WebElement toggle = browser.driver().findElement(By.cssSelector(".site-menu-toggle"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> "false".equals(toggle.getAttribute("aria-expanded")));
        return toggle.equals(browser.driver().switchTo().activeElement());
    }

    /**
     * The header's links and buttons a person cannot reach now: hidden, outside the window, or covered or
     * clipped where they sit (the point in their middle belongs to something else). Each is named by its text.
     */
    @SuppressWarnings("unchecked")
    public List<String> controlsOutOfReach() {
        return (List<String>) browser.script("""
                const out = [];
                document.querySelectorAll('.site-header a, .site-header button').forEach(el => {
                  if (el.closest('[hidden]')) return;
                  // the toggle is not needed, so not shown, where the row fits
                  if (el.matches('.site-menu-toggle') && getComputedStyle(el).display === 'none') return;
                  const r = el.getBoundingClientRect();
                  const name = (el.textContent || el.getAttribute('aria-label') || el.name || el.id).trim();
                  if (r.width < 1 || r.height < 1) { out.push(name + ' (not shown)'); return; }
                  if (r.left < 0 || r.right > window.innerWidth + 0.5 || r.top < 0 || r.bottom > window.innerHeight) {
                    out.push(name + ' (outside the window at ' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
                    return;
                  }
                  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  if (!hit || !(hit === el || el.contains(hit))) out.push(name + ' (covered or clipped)');
                });
                return out;
                """);
    }

    /** How many pixels the header's row is wider than its box (it scrolls sideways when this is above 0). */
    public long rowOverflow() {
        return (Long) browser.script("const row = document.querySelector('.site-header__inner');"
                + " return row.scrollWidth - row.clientWidth;");
    }
}
