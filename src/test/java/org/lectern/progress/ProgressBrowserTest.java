package org.lectern.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.progress.pages.ChapterEndPage;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;

/** A learner finishing a chapter and seeing the progress move, then telling us whether it was clear. */
class ProgressBrowserTest {
    private static final String FIRST = "/courses/sample-course/basics/first";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    @BeforeEach
    void signedInAsANewLearner() {
        session.signInNewLearner("Finisher", FIRST);
    }

    @Test
    void markingAChapterAsReadTicksItAndMovesTheBar() {
        ChapterEndPage chapter = new ChapterEndPage(session.browser());
        assertThat(chapter.progressWords()).isEqualTo("0 of 3 chapters complete");
        assertThat(chapter.tickedChapters()).isEmpty();

        chapter = chapter.markAsRead();
        assertThat(chapter.completedNotice()).contains("You completed this chapter.");
        assertThat(chapter.progressWords()).isEqualTo("1 of 3 chapters complete");
        assertThat(chapter.tickedChapters()).containsExactly("First steps");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aLearnerSaysAChapterWasUnclearAndLeavesASuggestion() {
        ChapterEndPage chapter = new ChapterEndPage(session.browser());
        chapter.answerClear(false).suggest("A diagram would help.");
        assertThat(chapter.feedbackState()).contains("Thank you for your feedback!");
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        session.browser().driver().navigate().refresh();
        assertThat(new ChapterEndPage(session.browser()).feedbackState()).contains("Thank you for your feedback!");
    }
}
