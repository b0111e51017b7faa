package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.quiz.pages.QuizPage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;

/** A learner answering a chapter's quiz in the browser: retrying, reading explanations, Parsons by keyboard. */
class QuizBrowserTest {
    private static final String CHAPTER = "/courses/sample-course/basics/second";
    private static final List<String> PROGRAM =
            List.of("def total(xs):", "    s = 0", "    for x in xs:", "        s += x", "    return s");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @BeforeEach
    void signedInAsANewLearner() {
        session.signInNewLearner("Reader", CHAPTER);
    }

    @Test
    void aLearnerWhoAnswersWronglySeesTheChosenOptionsExplanationThenGetsItRight() {
        QuizPage quiz = new QuizPage(session.browser());
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        QuizPage.Question single =
                quiz.question("single").choose("Waiting on the network").check(1);
        assertThat(single.verdict()).contains("Not quite");
        assertThat(single.text()).contains("Threads do as well there.").doesNotContain("Processes run in parallel.");
        assertThat(single.announced()).contains("Not quite");

        single.choose("CPU-bound work").check(2);
        assertThat(single.verdict()).isEqualTo("Correct!");
        assertThat(single.text()).contains("Processes run in parallel.", "Correct answer");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aLearnerSolvesAParsonsProblemWithTheKeyboardAlone() {
        QuizPage.Question parsons = new QuizPage(session.browser()).question("parsons");
        assertThat(parsons.lines()).as("shuffled").isNotEqualTo(PROGRAM);

        parsons.arrangeByKeyboard(PROGRAM);
        assertThat(parsons.lines()).isEqualTo(PROGRAM);
        assertThat(parsons.announced()).startsWith("Line ");
        parsons.checkByKeyboard(1);

        assertThat(parsons.verdict()).isEqualTo("Correct!");
        assertThat(parsons.text()).contains("The body is indented under the def.");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aParsonsLineLongerThanTheCardScrollsInsideItAndKeepsItsButtonsInTheCard() {
        session.browser().resize(org.lectern.testing.Browser.DESKTOP);
        session.browser().driver().navigate().refresh();
        // a line of code as long as the capstone's, which pushed the buttons out of the card
        Object beyond = session.browser()
                .script("const line = document.querySelector('.parsons__line');"
                        + "line.querySelector('.parsons__code').textContent = 'x'.repeat(120);"
                        + "const card = line.closest('.quiz-question').getBoundingClientRect();"
                        + "return line.querySelector('.parsons__buttons').getBoundingClientRect().right - card.right;");
        assertThat(((Number) beyond).doubleValue()).isLessThanOrEqualTo(0);
    }
}
