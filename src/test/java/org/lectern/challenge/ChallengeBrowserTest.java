package org.lectern.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.challenge.pages.ChallengePanel;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;

/** A learner in the browser who fails a challenge, reads which tests failed and why, then passes it. */
class ChallengeBrowserTest {
    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(CheckCourse.CONTENT);

    @BeforeEach
    void signedInAsANewLearner() {
        session.signInNewLearner("Coder", CheckCourse.CHAPTER_PATH);
    }

    @Test
    void aLearnerFailsThenPassesAChallengeAndSeesEachTestsResult() {
        ChallengePanel challenge = ChallengePanel.titled(session.browser(), "Add two numbers");
        assertThat(challenge.code()).as("the starter").contains("return 0");
        assertThat(challenge.solution()).isEmpty();

        challenge.write("print('adding')\ndef add(a, b):\n    return a * b\n").check(1);
        assertThat(challenge.verdict()).contains("Not yet: 1 of 3 tests pass.");
        assertThat(challenge.tests()).hasSize(3);
        assertThat(challenge.tests().get(0))
                .contains("✗", "test_small_numbers", "Adds two small numbers.", "add(2, 3) gave 6");
        assertThat(challenge.tests().get(2)).contains("✓", "test_zero");
        assertThat(challenge.console()).as("the program's own output, streamed").contains("adding");
        assertThat(challenge.standing()).contains("Attempted: 1 checks");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        challenge.write("def add(a, b):\n    return a + b\n").check(2);
        assertThat(challenge.verdict()).contains("Passed! Every test passes.");
        assertThat(challenge.tests()).allSatisfy(t -> assertThat(t).contains("✓"));
        assertThat(challenge.standing()).contains("Solved");
        assertThat(challenge.solution()).contains("Reference solution", "return a + b");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        session.browser().resize(Browser.PHONE);
        session.browser().driver().navigate().refresh();
        ChallengePanel again = ChallengePanel.titled(session.browser(), "Add two numbers");
        assertThat(again.code()).as("the last code checked comes back").contains("return a + b");
        assertThat(again.standing()).contains("Solved");
        assertThat(again.solution()).contains("return a + b");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }
}
