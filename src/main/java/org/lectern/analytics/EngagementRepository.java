package org.lectern.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.CHAPTER_FEEDBACK;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.SECTION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** How learners move through a course (the completion funnel) and what they say about its chapters (feedback). */
final class EngagementRepository {
    private final DSLContext dsl;

    EngagementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A chapter of the course in order, with whether it has current questions. */
    record ChapterRow(long id, String sectionSlug, String slug, String title, int questions) {}

    /** Learners who reached and who completed a chapter. */
    record FunnelCounts(long reached, long completed) {}

    /** Yes and No answers to "Was everything clear?", and how many left a suggestion. */
    record FeedbackCounts(long yes, long no, long comments) {}

    /** A suggestion, newest first. */
    record Comment(long chapterId, String chapterTitle, boolean clear, String text, OffsetDateTime at) {}

    /** Yes and No answers given in one week (starting on the Monday). */
    record WeekCounts(LocalDate week, long yes, long no) {}

    List<ChapterRow> chapters(long courseId) {
        var questions = select(count())
                .from(QUESTION)
                .where(QUESTION.CHAPTER_ID.eq(CHAPTER.ID))
                .and(QUESTION.RETIRED_AT.isNull())
                .<Integer>asField("questions");
        return dsl.select(CHAPTER.ID, SECTION.SLUG, CHAPTER.SLUG, CHAPTER.TITLE, questions)
                .from(CHAPTER)
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(SECTION.COURSE_ID.eq(courseId))
                .and(CHAPTER.RETIRED_AT.isNull())
                .and(SECTION.RETIRED_AT.isNull())
                .orderBy(SECTION.POSITION, CHAPTER.POSITION)
                .fetch(r -> new ChapterRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * Per chapter: reached, a visit (the last one in the period) or an answer in the period; completed, by the
     * period's end, as the progress feature defines it (every current question answered correctly or given up, or
     * "Mark as read" for a chapter without questions).
     */
    Map<Long, FunnelCounts> funnel(long courseId, ReportFilter filter) {
        Condition inCourse = CHAPTER.ID.in(courseChapters(courseId));
        Field<Long> chapter = field(name("v", "chapter_id"), Long.class);
        Field<Long> user = field(name("v", "user_id"), Long.class);
        var visits = select(CHAPTER_PROGRESS.CHAPTER_ID, CHAPTER_PROGRESS.USER_ID)
                .from(CHAPTER_PROGRESS)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHAPTER_PROGRESS.CHAPTER_ID))
                .where(inCourse)
                .and(period(CHAPTER_PROGRESS.VISITED_AT, filter))
                .union(select(QUESTION.CHAPTER_ID, QUESTION_ATTEMPT.USER_ID)
                        .from(QUESTION_ATTEMPT)
                        .join(QUESTION)
                        .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                        .join(CHAPTER)
                        .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                        .where(inCourse)
                        .and(period(QUESTION_ATTEMPT.CREATED_AT, filter)))
                .asTable("v");
        Map<Long, Long> reached = new HashMap<>();
        dsl.select(chapter, countDistinct(user))
                .from(visits)
                .groupBy(chapter)
                .forEach(r -> reached.put(r.value1(), r.value2().longValue()));

        Condition beforeEnd = filter.end() == null ? DSL.noCondition() : QUESTION_ATTEMPT.CREATED_AT.lt(filter.end());
        var settled = select(QUESTION.CHAPTER_ID, QUESTION_ATTEMPT.USER_ID)
                .from(QUESTION_ATTEMPT)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .where(inCourse)
                .and(QUESTION.RETIRED_AT.isNull())
                .and(QUESTION_ATTEMPT.CORRECT.isTrue().or(QUESTION_ATTEMPT.GAVE_UP.isTrue()))
                .and(beforeEnd)
                .groupBy(QUESTION.CHAPTER_ID, QUESTION_ATTEMPT.USER_ID)
                .having(countDistinct(QUESTION_ATTEMPT.QUESTION_ID)
                        .eq(select(count())
                                .from(QUESTION.as("all_q"))
                                .where(QUESTION.as("all_q").CHAPTER_ID.eq(QUESTION.CHAPTER_ID))
                                .and(QUESTION.as("all_q").RETIRED_AT.isNull())))
                .asTable("s");
        Map<Long, Long> completed = new HashMap<>();
        dsl.select(settled.field(0, Long.class), count())
                .from(settled)
                .groupBy(settled.field(0, Long.class))
                .forEach(r -> completed.put(r.value1(), r.value2().longValue()));
        dsl.select(CHAPTER_PROGRESS.CHAPTER_ID, count())
                .from(CHAPTER_PROGRESS)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHAPTER_PROGRESS.CHAPTER_ID))
                .where(inCourse)
                .and(CHAPTER_PROGRESS.READ_AT.isNotNull())
                .and(filter.end() == null ? DSL.noCondition() : CHAPTER_PROGRESS.READ_AT.lt(filter.end()))
                .andNotExists(select(inline(1))
                        .from(QUESTION)
                        .where(QUESTION.CHAPTER_ID.eq(CHAPTER.ID))
                        .and(QUESTION.RETIRED_AT.isNull()))
                .groupBy(CHAPTER_PROGRESS.CHAPTER_ID)
                .forEach(r -> completed.put(r.value1(), r.value2().longValue()));
        Map<Long, FunnelCounts> result = new HashMap<>();
        reached.forEach((id, n) -> result.put(id, new FunnelCounts(n, completed.getOrDefault(id, 0L))));
        completed.forEach((id, n) -> result.putIfAbsent(id, new FunnelCounts(0, n)));
        return result;
    }

    /** Per chapter, the answers last given in the period. */
    Map<Long, FeedbackCounts> feedback(long courseId, ReportFilter filter) {
        Map<Long, FeedbackCounts> result = new HashMap<>();
        dsl.select(
                        CHAPTER_FEEDBACK.CHAPTER_ID,
                        sum(when(CHAPTER_FEEDBACK.CLEAR, inline(1)).otherwise(inline(0))),
                        sum(when(CHAPTER_FEEDBACK.CLEAR, inline(0)).otherwise(inline(1))),
                        sum(when(DSL.trim(CHAPTER_FEEDBACK.COMMENT).ne(inline("")), inline(1))
                                .otherwise(inline(0))))
                .from(CHAPTER_FEEDBACK)
                .where(CHAPTER_FEEDBACK.CHAPTER_ID.in(courseChapters(courseId)))
                .and(period(CHAPTER_FEEDBACK.UPDATED_AT, filter))
                .groupBy(CHAPTER_FEEDBACK.CHAPTER_ID)
                .forEach(r -> result.put(
                        r.value1(),
                        new FeedbackCounts(
                                r.value2().longValue(),
                                r.value3().longValue(),
                                r.value4().longValue())));
        return result;
    }

    /**
     * Suggestions, newest first: of one chapter or the whole course, containing {@code search} (ignoring case) when
     * it is not blank.
     */
    List<Comment> comments(long courseId, Long chapterId, String search, ReportFilter filter, int limit) {
        Condition where = CHAPTER_FEEDBACK
                .CHAPTER_ID
                .in(courseChapters(courseId))
                .and(CHAPTER_FEEDBACK.COMMENT.isNotNull())
                .and(DSL.trim(CHAPTER_FEEDBACK.COMMENT).ne(inline("")))
                .and(period(CHAPTER_FEEDBACK.UPDATED_AT, filter));
        if (chapterId != null) {
            where = where.and(CHAPTER_FEEDBACK.CHAPTER_ID.eq(chapterId));
        }
        if (search != null && !search.isBlank()) {
            where = where.and(CHAPTER_FEEDBACK.COMMENT.containsIgnoreCase(search.strip()));
        }
        return dsl.select(
                        CHAPTER_FEEDBACK.CHAPTER_ID,
                        CHAPTER.TITLE,
                        CHAPTER_FEEDBACK.CLEAR,
                        CHAPTER_FEEDBACK.COMMENT,
                        CHAPTER_FEEDBACK.UPDATED_AT)
                .from(CHAPTER_FEEDBACK)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHAPTER_FEEDBACK.CHAPTER_ID))
                .where(where)
                .orderBy(CHAPTER_FEEDBACK.UPDATED_AT.desc(), CHAPTER_FEEDBACK.ID.desc())
                .limit(limit)
                .fetch(r -> new Comment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Yes and No per week (from Monday, UTC), of one chapter or the whole course, oldest week first. */
    List<WeekCounts> weeks(long courseId, Long chapterId, ReportFilter filter) {
        // Counted per day in SQL; days fold into ISO weeks here, as H2 and PostgreSQL start weeks on different days.
        Field<java.sql.Date> day =
                DSL.field("cast({0} at time zone 'UTC' as date)", java.sql.Date.class, CHAPTER_FEEDBACK.UPDATED_AT);
        java.util.TreeMap<LocalDate, long[]> weeks = new java.util.TreeMap<>();
        dsl.select(
                        day,
                        sum(when(CHAPTER_FEEDBACK.CLEAR, inline(1)).otherwise(inline(0))),
                        sum(when(CHAPTER_FEEDBACK.CLEAR, inline(0)).otherwise(inline(1))))
                .from(CHAPTER_FEEDBACK)
                .where(CHAPTER_FEEDBACK.CHAPTER_ID.in(courseChapters(courseId)))
                .and(chapterId == null ? DSL.noCondition() : CHAPTER_FEEDBACK.CHAPTER_ID.eq(chapterId))
                .and(period(CHAPTER_FEEDBACK.UPDATED_AT, filter))
                .groupBy(day)
                .forEach(r -> {
                    LocalDate date = r.value1().toLocalDate();
                    long[] counts = weeks.computeIfAbsent(
                            date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)),
                            w -> new long[2]);
                    counts[0] += r.value2().longValue();
                    counts[1] += r.value3().longValue();
                });
        return weeks.entrySet().stream()
                .map(e -> new WeekCounts(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    static org.jooq.Select<org.jooq.Record1<Long>> courseChapters(long courseId) {
        return select(CHAPTER.ID)
                .from(CHAPTER)
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(SECTION.COURSE_ID.eq(courseId));
    }

    static Condition period(Field<OffsetDateTime> at, ReportFilter filter) {
        Condition c = DSL.noCondition();
        if (filter.start() != null) {
            c = c.and(at.ge(filter.start()));
        }
        if (filter.end() != null) {
            c = c.and(at.lt(filter.end()));
        }
        return c;
    }
}
