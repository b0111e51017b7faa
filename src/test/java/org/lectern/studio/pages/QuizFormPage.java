package org.lectern.studio.pages;

import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The studio's quiz form: a card per question with its fields and options, its buttons, save and publish. */
public final class QuizFormPage {
    private final Browser browser;

    public QuizFormPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-form")));
    }

    /** Presses "Add a question" from the keyboard and returns the page with the new, last question. */
    public QuizFormPage addQuestionByKeyboard() {
        WebElement add = browser.driver().findElement(By.id("add-question"));
        browser.awaitNewPage(() -> add.sendKeys(Keys.ENTER));
        return new QuizFormPage(browser);
    }

    public int questionCount() {
        return browser.driver()
                .findElements(By.cssSelector(".quiz-form__question"))
                .size();
    }

    /** The question at this place (0 is the first). */
    public Question question(int index) {
        return new Question("q" + index);
    }

    /** The id of the element that has the keyboard focus. */
    public String focused() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Saves with a message and returns the flash of the page it leads to (or the form's error when it was not). */
    public String save(String message) {
        browser.driver().findElement(By.id("message")).sendKeys(message);
        browser.awaitNewPage(() -> browser.driver().findElement(By.id("save")).click());
        return new QuizFormPage(browser).message();
    }

    /** Publishes the chapter from the form and returns the message of the page it comes back to. */
    public String publish() {
        browser.awaitNewPage(
                () -> browser.driver().findElement(By.id("publish-chapter")).click());
        return new QuizFormPage(browser).message();
    }

    private String message() {
        return browser.driver()
                .findElement(By.cssSelector(".flash, .studio-error"))
                .getText();
    }

    /** One question's card; its fields are named after its place, {@code q3-prompt}. */
    public final class Question {
        private final String name;

        Question(String name) {
            this.name = name;
        }

        public String id() {
            return browser.driver().findElement(By.id(name + "-id")).getText();
        }

        /** Chooses the kind by its label, e.g. "multiple choice". */
        public Question kind(String label) {
            new Select(browser.driver().findElement(By.id(name + "-kind"))).selectByVisibleText(label);
            return this;
        }

        public Question prompt(String text) {
            type(name + "-prompt", text);
            return this;
        }

        /** Types an option's text and explanation. */
        public Question option(int index, String text, String explanation) {
            type(name + "-o" + index + "-text", text);
            type(name + "-o" + index + "-explanation", explanation);
            return this;
        }

        /** Ticks "Correct answer" on the option, with the space bar as a keyboard user would. */
        public Question markCorrect(int index) {
            browser.driver()
                    .findElement(By.id(name + "-o" + index + "-correct"))
                    .sendKeys(Keys.SPACE);
            return this;
        }

        /** The type of the correct-answer controls: "radio" for single choice, else "checkbox". */
        public String correctControl() {
            return browser.driver().findElement(By.id(name + "-o0-correct")).getAttribute("type");
        }

        public boolean shows(String field) {
            return browser.driver().findElement(By.id(name + "-" + field)).isDisplayed();
        }

        private void type(String id, String text) {
            WebElement field = browser.driver().findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
        }
    }
}
