package org.lectern.analytics.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** {@code /admin/analytics/{course}/quiz}: the item analysis of a quiz, with its filters and CSV links. */
public final class QuizStatisticsPage {
    private final Browser browser;

    public QuizStatisticsPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-summary")));
    }

    public static QuizStatisticsPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new QuizStatisticsPage(browser);
    }

    public String facilityOf(String questionKey) {
        return browser.driver()
                .findElement(By.cssSelector("tr[data-question='" + questionKey + "'] [data-stat='facility']"))
                .getText();
    }

    public String learners() {
        return browser.driver()
                .findElement(By.cssSelector("[data-stat='learners']"))
                .getText();
    }

    /** Chooses first, last or best attempts (by their label) and applies the filters. */
    public QuizStatisticsPage countAttempts(String label) {
        new Select(browser.driver().findElement(By.id("basis"))).selectByVisibleText(label);
        browser.awaitNewPage(() -> browser.driver()
                .findElement(By.cssSelector(".analytics-filters button[type=submit]"))
                .click());
        return new QuizStatisticsPage(browser);
    }

    public String basisShown() {
        return new Select(browser.driver().findElement(By.id("basis")))
                .getFirstSelectedOption()
                .getText();
    }

    public boolean scatterHasAccessibleName() {
        return !browser.driver()
                .findElement(By.cssSelector("svg.chart--scatter title"))
                .getAttribute("textContent")
                .isBlank();
    }

    public void downloadCsv(String table) {
        browser.driver()
                .findElement(By.cssSelector("a.csv-link[data-table='" + table + "']"))
                .click();
    }
}
