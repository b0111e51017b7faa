package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.quiz.pages.QuizPage;
import org.lectern.runner.pages.RunnerPanel;
import org.lectern.studio.pages.ChapterEditorPage;
import org.lectern.studio.pages.QuizFormPage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;

/**
 * An author in real Chromium: edits a chapter, watches the preview (running its code), saves and publishes; adds a
 * quiz question through the form and publishes it for a learner to answer.
 */
class StudioBrowserTest {
    private static final String EDITOR = "/studio/courses/sample-course/chapters/more/third";
    private static final String CHAPTER = "/courses/sample-course/more/third";
    private static final String QUIZ_FORM = "/studio/courses/sample-course/chapters/basics/second/quiz/form";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(
            TestServer.FIXTURE_CONTENT,
            Map.of("LECTERN_GUEST_CONCURRENT_RUNS", "4", "LECTERN_GUEST_RUNS_PER_MINUTE", "600"));

    @Test
    void anAuthorEditsAChapterSeesThePreviewRunsItsCodeAndPublishesItForLearners() {
        var browser = session.browser();
        session.signInNew(Role.AUTHOR, "Writer", EDITOR);
        ChapterEditorPage editor = new ChapterEditorPage(browser);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        editor.typeSource("---\ntitle: The third chapter\n---\nA brand new ending.\n\n"
                + "```python run\nprint('hello from the preview')\n```");
        editor.waitForPreview("A brand new ending.");
        assertThat(editor.source()).startsWith("---\ntitle: The third chapter\n---\nA brand new ending.");

        RunnerPanel panel = RunnerPanel.nth(browser, 0);
        panel.run();
        panel.waitForOutput("hello from the preview", Duration.ofSeconds(20));

        editor.save("a new ending");
        assertThat(editor.publish()).isEqualTo("The chapter was published.");

        session.signInNewLearner("Reader", CHAPTER);
        assertThat(browser.driver().findElement(By.cssSelector(".prose")).getText())
                .contains("A brand new ending.");
    }

    @Test
    void anAuthorAddsASingleChoiceQuestionThroughTheFormPublishesItAndALearnerAnswersIt() {
        var browser = session.browser();
        session.signInNew(Role.AUTHOR, "Quizzer", QUIZ_FORM);
        QuizFormPage form = new QuizFormPage(browser).addQuestionByKeyboard();
        assertThat(form.questionCount()).isEqualTo(5);
        assertThat(form.focused())
                .as("the new question's first field has the focus")
                .isEqualTo("q4-prompt");
        QuizFormPage.Question question = form.question(4);
        assertThat(question.id()).matches("question-[a-z0-9]{6}");
        assertThat(question.correctControl()).isEqualTo("radio");

        question.kind("output prediction");
        assertThat(question.shows("answer")).isTrue();
        assertThat(question.shows("options")).isFalse();
        question.kind("multiple choice");
        assertThat(question.correctControl()).isEqualTo("checkbox");
        question.kind("single choice");
        assertThat(question.shows("options")).isTrue();
        assertThat(question.correctControl()).isEqualTo("radio");

        question.prompt("Which keyword starts a function in Python?")
                .option(0, "`def`", "Every function definition begins with `def`.")
                .option(1, "`fun`", "That is Kotlin's keyword, not Python's.")
                .markCorrect(0);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat(form.save("a question about def")).isEqualTo("Draft saved.");
        assertThat(new QuizFormPage(browser).publish()).isEqualTo("The chapter was published.");

        session.signInNewLearner("Answerer", "/courses/sample-course/basics/second");
        QuizPage.Question asked = new QuizPage(browser).questionAsking("Which keyword starts a function in Python?");
        assertThat(asked.choose("fun").check(1).verdict()).contains("Not quite");
        assertThat(asked.text()).contains("That is Kotlin's keyword, not Python's.");
        assertThat(asked.choose("def").check(2).verdict()).contains("Correct!");
    }

    @Test
    void theEditorStacksOnAPhone() {
        var browser = session.browser();
        session.signInNew(Role.AUTHOR, "Phone", EDITOR);
        browser.resize(org.lectern.testing.Browser.PHONE);
        new ChapterEditorPage(browser);
        long sourceTop = (Long) browser.script(
                "return Math.round(document.querySelector('.studio-editor__source').getBoundingClientRect().top);");
        long previewTop = (Long) browser.script(
                "return Math.round(document.querySelector('.studio-editor__preview').getBoundingClientRect().top);");
        assertThat(previewTop).as("the preview comes below the source").isGreaterThan(sourceTop);
        Long overflow = (Long)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.resize(org.lectern.testing.Browser.DESKTOP);
    }
}
