package org.lectern.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.testing.BrowserSession;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** "Run ×20" on a snippet: twenty real runs, then each distinct output with how often it came out. */
class RepeatRunBrowserTest {
    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(CheckCourse.CONTENT);

    @Test
    void runTwentyTimesShowsTheDistinctOutputsAndHowOftenEachCameOut() {
        var browser = session.browser();
        browser.driver().get(session.server().url(CheckCourse.CHAPTER_PATH));
        WebElement panel = browser.waiting()
                .until(d -> d.findElements(By.cssSelector(".prose .code-block.runnable .runner")).stream()
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
        WebElement repeat = panel.findElement(By.cssSelector("[data-action='repeat']"));
        assertThat(repeat.getText()).isEqualTo("Run ×20");
        repeat.click();

        WebElement tally = panel.findElement(By.cssSelector("[data-role='tally']"));
        browser.waitUpTo(Duration.ofSeconds(90))
                .until(d -> tally.getText().contains("in 20 runs") && repeat.isEnabled());
        List<WebElement> items = tally.findElements(By.cssSelector(".runner-tally-item"));
        int total = 0;
        for (WebElement item : items) {
            String count =
                    item.findElement(By.cssSelector(".runner-tally-count")).getText();
            total += Integer.parseInt(count.replace("×", "").trim());
            assertThat(item.findElement(By.cssSelector(".runner-tally-output")).getText())
                    .isIn("heads", "tails");
        }
        assertThat(total).isEqualTo(20);
        assertThat(items).as("a fair coin thrown twenty times shows both sides").hasSize(2);
        assertThat(tally.getText()).contains("2 different outputs in 20 runs");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
}
