package org.lectern.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;

/** The funnel, feedback and run reports' SQL on H2 and PostgreSQL, against rows written here. */
class EngagementDatabaseIntegrationTest {
    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private DSLContext open(TestDatabase kind) {
        return databases.open(kind, dataDir).dsl();
    }

    /** 23:30 UTC on a Sunday is already Monday in Amsterdam: weeks and days are taken in UTC. */
    private static OffsetDateTime at(int day, int hour) {
        return OffsetDateTime.of(2026, 3, day, hour, 30, 0, 0, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void funnelFeedbackAndRunsCountWhatTheRowsSay(TestDatabase kind) {
        DSLContext dsl = open(kind);
        AnalyticsFixture f = new AnalyticsFixture(dsl);
        long course = f.course("c");
        long section = f.section(course, "s", 1);
        long reading = f.chapter(section, "reading", 1);
        long quiz = f.chapter(section, "quiz", 2);
        long q1 = f.question(quiz, "q1", 1, "output", 1, "2");
        long q2 = f.question(quiz, "q2", 2, "output", 1, "3");
        long ann = f.learner("ann"), bob = f.learner("bob"), cy = f.learner("cy");
        f.visit(reading, ann, at(1, 10), true);
        f.visit(reading, bob, at(1, 10), false);
        f.visit(reading, cy, at(2, 10), true);
        f.attempt(ann, q1, 1, 1, null, 1000L, at(2, 10));
        f.attempt(ann, q2, 1, 0, null, 1000L, at(2, 11));
        f.attempt(ann, q2, 2, 1, null, 1000L, at(3, 11));
        f.attempt(bob, q1, 1, 1, null, 1000L, at(3, 11));
        f.feedback(reading, ann, true, "Nice DIAGRAM", at(1, 23));
        f.feedback(reading, bob, false, "too fast", at(2, 1));
        f.feedback(quiz, ann, false, "", at(9, 12));

        EngagementRepository engagement = new EngagementRepository(dsl);
        var funnel = engagement.funnel(course, ReportFilter.ALL);
        assertThat(funnel.get(reading)).isEqualTo(new EngagementRepository.FunnelCounts(3, 2));
        assertThat(funnel.get(quiz)).isEqualTo(new EngagementRepository.FunnelCounts(2, 1));
        ReportFilter firstTwoDays = new ReportFilter(AttemptBasis.FIRST, null, LocalDate.of(2026, 3, 2));
        assertThat(engagement.funnel(course, firstTwoDays).get(quiz))
                .isEqualTo(new EngagementRepository.FunnelCounts(1, 0));

        assertThat(engagement.feedback(course, ReportFilter.ALL).get(reading))
                .isEqualTo(new EngagementRepository.FeedbackCounts(1, 1, 2));
        assertThat(engagement.comments(course, null, "diagram", ReportFilter.ALL, 10))
                .extracting(EngagementRepository.Comment::text)
                .containsExactly("Nice DIAGRAM");
        assertThat(engagement.comments(course, null, null, ReportFilter.ALL, 10))
                .extracting(EngagementRepository.Comment::text)
                .containsExactly("too fast", "Nice DIAGRAM");
        assertThat(engagement.weeks(course, null, ReportFilter.ALL))
                .containsExactly(
                        new EngagementRepository.WeekCounts(LocalDate.of(2026, 2, 23), 1, 0),
                        new EngagementRepository.WeekCounts(LocalDate.of(2026, 3, 2), 0, 1),
                        new EngagementRepository.WeekCounts(LocalDate.of(2026, 3, 9), 0, 1));

        f.run(ann, "c", "reading", 0, "ok", 100, at(1, 10));
        f.run(ann, "c", "reading", 0, "error", 300, at(1, 11));
        f.run(bob, "c", "quiz", 2, "stopped", 500, at(2, 10));
        f.run(bob, "c", "quiz", 1, "memory_limit", 200, at(2, 11));
        f.run(bob, "other", "x", 1, "error", 200, at(2, 11));
        RunAnalyticsRepository runs = new RunAnalyticsRepository(dsl);
        assertThat(runs.statuses("c", ReportFilter.ALL)).hasSize(4).allMatch(s -> s.runs() == 1);
        var times = runs.wallTimes("c", ReportFilter.ALL);
        assertThat(times.runs()).isEqualTo(4);
        assertThat(times.p50()).isCloseTo(250.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(times.p95()).isCloseTo(470.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(runs.failingSnippets("c", ReportFilter.ALL, 10))
                .extracting(s -> s.chapterSlug() + "/" + s.blockIndex() + ":" + s.failures() + "/" + s.runs())
                .containsExactly("reading/0:1/2", "quiz/1:1/1");

        long hard = dsl.insertInto(org.lectern.db.schema.Tables.CHALLENGE)
                .set(org.lectern.db.schema.Tables.CHALLENGE.CHAPTER_ID, quiz)
                .set(org.lectern.db.schema.Tables.CHALLENGE.CHALLENGE_KEY, "hard")
                .set(org.lectern.db.schema.Tables.CHALLENGE.POSITION, 1)
                .set(org.lectern.db.schema.Tables.CHALLENGE.TITLE, "Hard")
                .set(org.lectern.db.schema.Tables.CHALLENGE.STATEMENT_MD, "x")
                .set(org.lectern.db.schema.Tables.CHALLENGE.STARTER_CODE, "x")
                .set(org.lectern.db.schema.Tables.CHALLENGE.TEST_CODE, "x")
                .set(org.lectern.db.schema.Tables.CHALLENGE.SOLUTION_CODE, "x")
                .returning(org.lectern.db.schema.Tables.CHALLENGE.ID)
                .fetchOne(org.lectern.db.schema.Tables.CHALLENGE.ID);
        f.submission(hard, ann, 1, false, at(2, 10));
        f.submission(hard, ann, 2, false, at(2, 11));
        f.submission(hard, ann, 3, true, at(3, 11));
        f.submission(hard, bob, 1, false, at(3, 12));
        var challenge = runs.hardestChallenges(course, ReportFilter.ALL, 10).get(0);
        assertThat(challenge.submissions()).isEqualTo(4);
        assertThat(challenge.passed()).isEqualTo(1);
        assertThat(challenge.learners()).isEqualTo(2);
        assertThat(challenge.learnersPassed()).isEqualTo(1);
    }
}
