package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.ask.pages.AskPanel;
import org.lectern.runner.pages.RunnerPanel;
import org.lectern.testing.BrowserSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The panel with a language model (a fake one on loopback): written answers streamed in, Stop, Explain this error. */
class AskGenerationBrowserTest {
    private static final String GIL = "/courses/python-concurrency/introduction/the-gil";
    private static final FakeLlm llm = FakeLlm.start();

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(
            Path.of("content"),
            Map.of(
                    "LECTERN_LLM_URL", llm.url(),
                    "LECTERN_LLM_MODEL", "test-model",
                    "LECTERN_GUEST_RUNS_PER_MINUTE", "600"));

    @AfterAll
    static void stopTheModel() {
        llm.close();
    }

    @BeforeEach
    void signIn() {
        llm.answer(FakeLlm.Mode.STREAM);
        session.signInNewLearner("Asker", GIL);
        session.browser().waiting().until(ExpectedConditions.urlContains(GIL));
    }

    @Test
    void aLearnerSeesTheWrittenAnswerArriveWithItsCitationLinkedToThePassage() {
        AskPanel panel = AskPanel.open(session.browser()).ask("Why can only one thread run at a time?");
        WebElement answer = panel.generatedContaining("Each thread must hold the GIL [1].");
        WebElement cite = answer.findElement(By.cssSelector("a.ask-cite"));
        assertThat(cite.getText()).isEqualTo("[1]");
        assertThat(cite.getAttribute("href"))
                .isEqualTo(panel.sourceLinks().get(0).getAttribute("href"));
        assertThat(panel.root().getText()).contains("also go to the language model");
        session.browser().waiting().until(d -> !panel.stopButton().isDisplayed());
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void stopEndsAnAnswerThatGoesOnAndOn() throws Exception {
        llm.answer(FakeLlm.Mode.ENDLESS);
        AskPanel panel = AskPanel.open(session.browser()).ask("Tell me everything about the GIL");
        panel.generatedContaining("word3 ");
        panel.stopButton().click();
        session.browser().waiting().until(d -> panel.status().equals("Stopped."));
        assertThat(llm.hungUp().await(15, TimeUnit.SECONDS))
                .as("the server hung up on the model")
                .isTrue();
    }

    @Test
    void explainThisErrorSendsTheFailedRunsCodeAndError() throws Exception {
        String code = "counts = {}\nprint(counts['threads'])";
        RunnerPanel runner = RunnerPanel.nth(session.browser(), 0);
        session.browser()
                .script(
                        "document.querySelector('.code-block.runnable .CodeMirror').CodeMirror.setValue(arguments[0])",
                        code);
        runner.run();
        assertThat(runner.finalStatus(Duration.ofSeconds(20))).isEqualTo("error");
        WebElement explain = session.browser()
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".runner .ask-explain")));
        assertThat(explain.getText()).isEqualTo("Explain this error");
        explain.click();

        AskPanel.shown(session.browser()).generatedContaining("Each thread must hold the GIL");
        FakeLlm.Received request = llm.received().poll(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        String prompt = request.body().path("messages").path(1).path("content").asText();
        assertThat(prompt).contains("The learner's program failed", code, "KeyError: 'threads'");
    }
}
