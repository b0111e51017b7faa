package org.lectern.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.LoginPage;
import org.lectern.analytics.pages.QuizStatisticsPage;
import org.lectern.testing.Browser;
import org.lectern.testing.BrowserSession;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;
import org.openqa.selenium.By;

/** An admin reading a quiz's statistics in a real browser; a learner turned away. */
class AnalyticsBrowserTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String QUIZ = "/admin/analytics/sample-course/quiz?quiz=basics/second";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);

    private Path downloads;

    @BeforeAll
    static void attempts() {
        TestServer server = session.server();
        server.app().accounts().createUser("boss@example.org", "Boss", PASSWORD, Role.ADMIN);
        AnalyticsFixture fixture = new AnalyticsFixture(server.app().database().dsl());
        long question = FixtureQuiz.question(server, "pick-processes");
        String cpu = Long.toString(FixtureQuiz.option(server, "pick-processes", "cpu"));
        String io = Long.toString(FixtureQuiz.option(server, "pick-processes", "io"));
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        long ann = fixture.learner("ann");
        long bob = fixture.learner("bob");
        fixture.attempt(ann, question, 1, 1, cpu, 3_000L, at);
        fixture.attempt(bob, question, 1, 0, io, 9_000L, at);
        fixture.attempt(bob, question, 2, 1, cpu, 4_000L, at.plusMinutes(1));
    }

    @BeforeEach
    void downloadFolder() throws IOException {
        downloads = Files.createTempDirectory("lectern-downloads-");
        session.browser()
                .driver()
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterEach
    void removeDownloads() {
        TestFiles.deleteTree(downloads);
    }

    private void logIn(String email, String next) {
        Browser browser = session.browser();
        browser.resize(Browser.DESKTOP);
        browser.driver().manage().deleteAllCookies();
        LoginPage.open(browser, session.server().url("/login?next=" + next))
                .fill(email, PASSWORD)
                .submit();
    }

    @Test
    void anAdminSwitchesToLastAttemptsAndDownloadsTheQuestionsAsCsv() throws IOException {
        logIn("boss@example.org", QUIZ);
        QuizStatisticsPage page = new QuizStatisticsPage(session.browser());
        assertThat(page.basisShown()).isEqualTo("First attempt");
        assertThat(page.learners()).isEqualTo("2");
        assertThat(page.facilityOf("pick-processes")).isEqualTo("50.0%");
        assertThat(page.scatterHasAccessibleName()).isTrue();
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();

        page = page.countAttempts("Last attempt");
        assertThat(page.basisShown()).isEqualTo("Last attempt");
        assertThat(page.facilityOf("pick-processes")).isEqualTo("100.0%");
        assertThat(session.browser().driver().getCurrentUrl()).contains("basis=last", "quiz=basics");

        page.downloadCsv("questions");
        Path csv = downloads.resolve("sample-course-questions.csv");
        session.browser().waiting().until(d -> Files.exists(csv) && !Files.exists(Path.of(csv + ".crdownload")));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("number,chapter,question_key,");
        assertThat(text).contains("pick-processes").contains("100.0000");

        session.browser().resize(Browser.PHONE);
        assertThat(session.browser().seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aLearnerIsRefused() {
        session.signInNewLearner("Curious", "/");
        session.browser().driver().get(session.server().url(QUIZ));
        String heading = session.browser()
                .waiting()
                .until(d -> d.findElement(By.tagName("h1")))
                .getText();
        assertThat(heading).isNotBlank();
        assertThat(session.browser().driver().getPageSource()).doesNotContain("quiz-summary", "pick-processes");
        assertThat(heading).isEqualTo("Not allowed");
    }
}
