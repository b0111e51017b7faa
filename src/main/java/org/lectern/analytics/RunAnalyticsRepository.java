package org.lectern.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.lectern.analytics.EngagementRepository.period;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.RUN;
import static org.lectern.db.schema.Tables.SECTION;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** What happens when learners run code: statuses, wall times, the snippets that fail, the hardest challenges. */
final class RunAnalyticsRepository {
    /** Statuses that mean the program failed; "stopped" is the learner's choice and "ok" a success. */
    static final List<String> FAILURES =
            List.of("error", "timeout", "cpu_limit", "memory_limit", "process_limit", "output_limit");

    private final DSLContext dsl;

    RunAnalyticsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record StatusCount(String status, long runs) {}

    /** p50 and p95 wall time of all runs, in ms; null without runs. */
    record WallTimes(long runs, Double p50, Double p95) {}

    /** A runnable block of a chapter (by slugs and its index on the page) and how often it failed. */
    record Snippet(String chapterSlug, int blockIndex, long runs, long failures) {
        public double failureRate() {
            return runs == 0 ? 0 : 100.0 * failures / runs;
        }
    }

    /** A challenge's submissions: how many passed, how many learners tried and how many got there. */
    record ChallengeRate(
            long id,
            String title,
            String chapterTitle,
            long submissions,
            long passed,
            long learners,
            long learnersPassed) {
        public double passRate() {
            return submissions == 0 ? 0 : 100.0 * passed / submissions;
        }
    }

    List<StatusCount> statuses(String courseSlug, ReportFilter filter) {
        return dsl.select(RUN.STATUS, count())
                .from(RUN)
                .where(runs(courseSlug, filter))
                .groupBy(RUN.STATUS)
                .orderBy(count().desc(), RUN.STATUS)
                .fetch(r -> new StatusCount(r.value1(), r.value2()));
    }

    WallTimes wallTimes(String courseSlug, ReportFilter filter) {
        var r = dsl.select(
                        count(),
                        percentileCont(0.5).withinGroupOrderBy(RUN.WALL_MS),
                        percentileCont(0.95).withinGroupOrderBy(RUN.WALL_MS))
                .from(RUN)
                .where(runs(courseSlug, filter))
                .fetchOne();
        return new WallTimes(
                r.value1(),
                r.value2() == null ? null : r.value2().doubleValue(),
                r.value3() == null ? null : r.value3().doubleValue());
    }

    /** The snippets with the most failed runs, at most {@code limit}. */
    List<Snippet> failingSnippets(String courseSlug, ReportFilter filter, int limit) {
        Field<Integer> failures = sum(when(RUN.STATUS.in(FAILURES), inline(1)).otherwise(inline(0)))
                .cast(Integer.class);
        return dsl.select(RUN.CHAPTER_SLUG, RUN.BLOCK_INDEX, count(), failures)
                .from(RUN)
                .where(runs(courseSlug, filter))
                .and(RUN.CHAPTER_SLUG.isNotNull())
                .and(RUN.BLOCK_INDEX.isNotNull())
                .groupBy(RUN.CHAPTER_SLUG, RUN.BLOCK_INDEX)
                .having(sum(when(RUN.STATUS.in(FAILURES), inline(1)).otherwise(inline(0)))
                        .gt(inline(java.math.BigDecimal.ZERO)))
                .orderBy(failures.desc(), count().desc(), RUN.CHAPTER_SLUG, RUN.BLOCK_INDEX)
                .limit(limit)
                .fetch(r -> new Snippet(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The challenges of the course with the lowest share of passing submissions, at most {@code limit}. */
    List<ChallengeRate> hardestChallenges(long courseId, ReportFilter filter, int limit) {
        var cs = CHALLENGE_SUBMISSION;
        Field<Integer> passed =
                sum(when(cs.PASSED, inline(1)).otherwise(inline(0))).cast(Integer.class);
        Field<Double> rate = passed.cast(Double.class).div(count().cast(Double.class));
        return dsl.select(
                        CHALLENGE.ID,
                        CHALLENGE.TITLE,
                        CHAPTER.TITLE,
                        count(),
                        passed,
                        countDistinct(cs.USER_ID),
                        countDistinct(when(cs.PASSED, cs.USER_ID)))
                .from(cs)
                .join(CHALLENGE)
                .on(CHALLENGE.ID.eq(cs.CHALLENGE_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHALLENGE.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(SECTION.COURSE_ID.eq(courseId))
                .and(period(cs.CREATED_AT, filter))
                .groupBy(CHALLENGE.ID, CHALLENGE.TITLE, CHAPTER.TITLE)
                .orderBy(rate.asc(), count().desc(), CHALLENGE.ID)
                .limit(limit)
                .fetch(r -> new ChallengeRate(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    private static Condition runs(String courseSlug, ReportFilter filter) {
        return RUN.COURSE_SLUG.eq(courseSlug).and(period(RUN.STARTED_AT, filter));
    }
}
