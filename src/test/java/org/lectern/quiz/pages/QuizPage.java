package org.lectern.quiz.pages;

import java.util.List;
import org.lectern.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A chapter's quiz: one question at a time, found by its kind's heading ("Select the correct answer", …). */
public final class QuizPage {
    private final Browser browser;

    public QuizPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".quiz .quiz-question")));
    }

    /** The question of this kind ("single", "multiple", "output", "parsons"). */
    public Question question(String kind) {
        return new Question(browser.driver()
                .findElement(By.cssSelector(".quiz-question[data-kind='" + kind + "']"))
                .getAttribute("id"));
    }

    /** The question whose text contains this prompt. */
    public Question questionAsking(String prompt) {
        return new Question(browser.driver().findElements(By.cssSelector(".quiz-question")).stream()
                .filter(q -> q.getText().contains(prompt))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no question asks " + prompt))
                .getAttribute("id"));
    }

    /** One question; its element is replaced after every answer, so it is looked up afresh each time. */
    public final class Question {
        private final String id;

        Question(String id) {
            this.id = id;
        }

        private WebElement element() {
            return browser.driver().findElement(By.id(id));
        }

        /** Chooses the option whose text contains {@code text} and checks the answer. */
        public Question choose(String text) {
            element().findElements(By.cssSelector(".quiz-option")).stream()
                    .filter(o -> o.getText().contains(text))
                    .findFirst()
                    .orElseThrow()
                    .findElement(By.cssSelector("input"))
                    .click();
            return this;
        }

        /** Presses "Check" and waits for the verdict of this attempt. */
        public Question check(int attempt) {
            element()
                    .findElement(By.cssSelector("button[type=submit]:not([name])"))
                    .click();
            return awaitAttempt(attempt);
        }

        /** Submits with the keyboard: focus on "Check", then Enter. */
        public Question checkByKeyboard(int attempt) {
            element()
                    .findElement(By.cssSelector("button[type=submit]:not([name])"))
                    .sendKeys(Keys.ENTER);
            return awaitAttempt(attempt);
        }

        private Question awaitAttempt(int attempt) {
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#" + id + " .quiz-result__attempt"), "Attempt " + attempt));
            return this;
        }

        public String verdict() {
            return element()
                    .findElement(By.cssSelector(".quiz-result__verdict"))
                    .getText();
        }

        public String text() {
            return element().getText();
        }

        public String announced() {
            return browser.waiting().until(d -> {
                String text = d.findElement(By.id("quiz-announcer")).getText();
                return text.isEmpty() ? null : text;
            });
        }

        /** The Parsons lines as shown, each with its indentation level. */
        public List<String> lines() {
            return element().findElements(By.cssSelector(".parsons__line")).stream()
                    .map(l -> "    ".repeat(Integer.parseInt(l.getAttribute("data-level")))
                            + l.findElement(By.cssSelector("code")).getText())
                    .toList();
        }

        /** Puts the Parsons lines in the given order and indentation with Alt+Arrow keys only. */
        public Question arrangeByKeyboard(List<String> program) {
            for (int target = 0; target < program.size(); target++) {
                String wanted = program.get(target).strip();
                List<WebElement> lines = element().findElements(By.cssSelector(".parsons__line"));
                int at = 0;
                while (at < lines.size()
                        && !(at >= target
                                && lines.get(at)
                                        .findElement(By.cssSelector("code"))
                                        .getText()
                                        .equals(wanted))) {
                    at++;
                }
                WebElement line = lines.get(at);
                for (int i = at; i > target; i--) {
                    line.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
                }
                int level = (program.get(target).length() - wanted.length()) / 4;
                for (int i = 0; i < level; i++) {
                    line.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
                }
            }
            return this;
        }
    }
}
