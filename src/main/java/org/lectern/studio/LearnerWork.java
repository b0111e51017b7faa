package org.lectern.studio;

import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.SECTION;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What learners did in a published chapter or section, so deleting it can warn first (their work is kept). */
final class LearnerWork {
    private final DSLContext dsl;

    LearnerWork(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Question attempts and challenge submissions, and how many learners made them. */
    record Count(int attempts, int learners) {
        public boolean any() {
            return attempts > 0;
        }
    }

    Count inChapter(String course, String section, String chapter) {
        return count(COURSE.SLUG.eq(course).and(SECTION.SLUG.eq(section)).and(CHAPTER.SLUG.eq(chapter)));
    }

    Count inSection(String course, String section) {
        return count(COURSE.SLUG.eq(course).and(SECTION.SLUG.eq(section)));
    }

    /** Answers per published question of the course, keyed {@code section/chapter/question}. */
    java.util.Map<String, Integer> attemptsByQuestion(String course) {
        var attempts = DSL.count(QUESTION_ATTEMPT.ID);
        return dsl.select(SECTION.SLUG, CHAPTER.SLUG, QUESTION.QUESTION_KEY, attempts)
                .from(QUESTION_ATTEMPT)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(COURSE.SLUG.eq(course))
                .groupBy(SECTION.SLUG, CHAPTER.SLUG, QUESTION.QUESTION_KEY)
                .fetchMap(r -> r.value1() + "/" + r.value2() + "/" + r.value3(), r -> r.value4());
    }

    private Count count(Condition where) {
        var chapters = dsl.select(CHAPTER.ID)
                .from(CHAPTER)
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(where);
        var work = dsl.select(QUESTION_ATTEMPT.USER_ID.as("user_id"))
                .from(QUESTION_ATTEMPT)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                .where(QUESTION.CHAPTER_ID.in(chapters))
                .unionAll(dsl.select(CHALLENGE_SUBMISSION.USER_ID)
                        .from(CHALLENGE_SUBMISSION)
                        .join(CHALLENGE)
                        .on(CHALLENGE.ID.eq(CHALLENGE_SUBMISSION.CHALLENGE_ID))
                        .where(CHALLENGE.CHAPTER_ID.in(chapters)))
                .asTable("work");
        var userId = work.field("user_id", Long.class);
        var row = dsl.select(DSL.count(), DSL.countDistinct(userId)).from(work).fetchOne();
        return new Count(row.value1(), row.value2());
    }
}
