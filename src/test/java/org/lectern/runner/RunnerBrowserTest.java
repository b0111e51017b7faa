package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.runner.pages.RunnerPanel;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.TestServer;

/** A learner running the chapter's code in real Chromium, against the real server and the real sandbox. */
class RunnerBrowserTest {
    private static final String CHAPTER = "/courses/sample-course/basics/first";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(
            TestServer.FIXTURE_CONTENT,
            Map.of("LECTERN_GUEST_CONCURRENT_RUNS", "4", "LECTERN_GUEST_RUNS_PER_MINUTE", "600"));

    @BeforeEach
    void open() {
        session.browser().driver().get(session.server().url(CHAPTER));
    }

    @Test
    void outputStreamsLiveThreadStartingArrivesAboutASecondBeforeThreadFinished() {
        RunnerPanel panel = RunnerPanel.nth(session.browser(), 0);
        panel.recordArrivals();
        panel.run();
        panel.waitForOutput("Thread finished", RUN_TIMEOUT);
        double starting = panel.arrivalOf("Thread starting");
        double finished = panel.arrivalOf("Thread finished");
        assertThat(starting).as("'Thread starting' was shown on its own").isPositive();
        assertThat(finished - starting)
                .as("ms between the two lines in the browser")
                .isBetween(800.0, 2500.0);
        assertThat(panel.finalStatus(RUN_TIMEOUT)).isEqualTo("ok");
    }

    @Test
    void aLearnerAnswersInputFromTheConsole() {
        RunnerPanel panel = RunnerPanel.nth(session.browser(), 1);
        panel.run();
        panel.waitForOutput("Your name?", RUN_TIMEOUT);
        panel.typeLine("Grace");
        panel.waitForOutput("Hello, Grace!", RUN_TIMEOUT);
        assertThat(panel.finalStatus(RUN_TIMEOUT)).isEqualTo("ok");
    }

    @Test
    void stopEndsARunningLoop() {
        RunnerPanel panel = RunnerPanel.nth(session.browser(), 2);
        panel.run();
        panel.waitForOutput("tick 2", RUN_TIMEOUT);
        panel.stop();
        assertThat(panel.finalStatus(RUN_TIMEOUT)).isEqualTo("stopped");
        String afterStop = panel.output();
        assertThat(afterStop).contains("tick 0", "tick 1", "tick 2");
    }
}
