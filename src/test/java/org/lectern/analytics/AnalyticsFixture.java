package org.lectern.analytics;

import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.CHAPTER_FEEDBACK;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.RUN;
import static org.lectern.db.schema.Tables.SECTION;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.lectern.testing.TestUsers;

/** Writes courses, questions, people and attempts straight into a test database, for the analytics tests. */
public final class AnalyticsFixture {
    private final DSLContext dsl;

    public AnalyticsFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    long course(String slug) {
        return dsl.insertInto(COURSE)
                .set(COURSE.SLUG, slug)
                .set(COURSE.TITLE, "Course " + slug)
                .returning(COURSE.ID)
                .fetchOne(COURSE.ID);
    }

    long section(long course, String slug, int position) {
        return dsl.insertInto(SECTION)
                .set(SECTION.COURSE_ID, course)
                .set(SECTION.SLUG, slug)
                .set(SECTION.POSITION, position)
                .set(SECTION.TITLE, "Section " + slug)
                .returning(SECTION.ID)
                .fetchOne(SECTION.ID);
    }

    long chapter(long section, String slug, int position) {
        return dsl.insertInto(CHAPTER)
                .set(CHAPTER.SECTION_ID, section)
                .set(CHAPTER.SLUG, slug)
                .set(CHAPTER.POSITION, position)
                .set(CHAPTER.TITLE, "Chapter " + slug)
                .set(CHAPTER.BODY_MD, "text")
                .returning(CHAPTER.ID)
                .fetchOne(CHAPTER.ID);
    }

    long question(long chapter, String key, int position, String kind, int points, String answer) {
        return dsl.insertInto(QUESTION)
                .set(QUESTION.CHAPTER_ID, chapter)
                .set(QUESTION.QUESTION_KEY, key)
                .set(QUESTION.POSITION, position)
                .set(QUESTION.KIND, kind)
                .set(QUESTION.PROMPT_MD, "Question " + key)
                .set(QUESTION.POINTS, points)
                .set(QUESTION.ANSWER, answer)
                .returning(QUESTION.ID)
                .fetchOne(QUESTION.ID);
    }

    long option(long question, String key, int position, boolean correct) {
        return dsl.insertInto(QUESTION_OPTION)
                .set(QUESTION_OPTION.QUESTION_ID, question)
                .set(QUESTION_OPTION.OPTION_KEY, key)
                .set(QUESTION_OPTION.POSITION, position)
                .set(QUESTION_OPTION.BODY_MD, "Option " + key)
                .set(QUESTION_OPTION.CORRECT, correct)
                .returning(QUESTION_OPTION.ID)
                .fetchOne(QUESTION_OPTION.ID);
    }

    long learner(String name) {
        return TestUsers.learner(dsl, name);
    }

    /** @param optionIds comma-separated, or null for text answers */
    void attempt(
            long user, long question, int number, double fraction, String optionIds, Long timeMs, OffsetDateTime at) {
        dsl.insertInto(QUESTION_ATTEMPT)
                .set(QUESTION_ATTEMPT.USER_ID, user)
                .set(QUESTION_ATTEMPT.QUESTION_ID, question)
                .set(QUESTION_ATTEMPT.ATTEMPT_NO, number)
                .set(QUESTION_ATTEMPT.OPTION_IDS, optionIds)
                .set(QUESTION_ATTEMPT.ANSWER_TEXT, optionIds == null ? "answer" : null)
                .set(QUESTION_ATTEMPT.CORRECT, fraction == 1.0)
                .set(QUESTION_ATTEMPT.FRACTION, fraction)
                .set(QUESTION_ATTEMPT.TIME_TAKEN_MS, timeMs)
                .set(QUESTION_ATTEMPT.CREATED_AT, at)
                .execute();
    }

    void feedback(long chapter, long user, boolean clear, String comment, OffsetDateTime at) {
        dsl.insertInto(CHAPTER_FEEDBACK)
                .set(CHAPTER_FEEDBACK.CHAPTER_ID, chapter)
                .set(CHAPTER_FEEDBACK.USER_ID, user)
                .set(CHAPTER_FEEDBACK.CLEAR, clear)
                .set(CHAPTER_FEEDBACK.COMMENT, comment)
                .set(CHAPTER_FEEDBACK.CREATED_AT, at)
                .set(CHAPTER_FEEDBACK.UPDATED_AT, at)
                .execute();
    }

    void visit(long chapter, long user, OffsetDateTime at, boolean read) {
        dsl.insertInto(CHAPTER_PROGRESS)
                .set(CHAPTER_PROGRESS.CHAPTER_ID, chapter)
                .set(CHAPTER_PROGRESS.USER_ID, user)
                .set(CHAPTER_PROGRESS.VISITED_AT, at)
                .set(CHAPTER_PROGRESS.READ_AT, read ? at : null)
                .execute();
    }

    void run(long user, String course, String chapter, int block, String status, long wallMs, OffsetDateTime at) {
        dsl.insertInto(RUN)
                .set(RUN.RUN_KEY, java.util.UUID.randomUUID().toString())
                .set(RUN.USER_ID, user)
                .set(RUN.COURSE_SLUG, course)
                .set(RUN.CHAPTER_SLUG, chapter)
                .set(RUN.BLOCK_INDEX, block)
                .set(RUN.STATUS, status)
                .set(RUN.WALL_MS, wallMs)
                .set(RUN.CPU_MS, wallMs)
                .set(RUN.PEAK_MEMORY_KB, 1000L)
                .set(RUN.PROCESSES, 1)
                .set(RUN.CODE_BYTES, 10)
                .set(RUN.OUTPUT_BYTES, 10L)
                .set(RUN.QUEUED_MS, 0L)
                .set(RUN.STARTED_AT, at)
                .set(RUN.FINISHED_AT, at)
                .execute();
    }

    public void submission(long challenge, long user, int number, boolean passed, OffsetDateTime at) {
        dsl.insertInto(CHALLENGE_SUBMISSION)
                .set(CHALLENGE_SUBMISSION.CHALLENGE_ID, challenge)
                .set(CHALLENGE_SUBMISSION.USER_ID, user)
                .set(CHALLENGE_SUBMISSION.ATTEMPT_NO, number)
                .set(CHALLENGE_SUBMISSION.CODE, "pass")
                .set(CHALLENGE_SUBMISSION.PASSED, passed)
                .set(CHALLENGE_SUBMISSION.STATUS, passed ? "ok" : "error")
                .set(CHALLENGE_SUBMISSION.TESTS_PASSED, passed ? 2 : 1)
                .set(CHALLENGE_SUBMISSION.TESTS_TOTAL, 2)
                .set(CHALLENGE_SUBMISSION.RESULTS_JSON, "[]")
                .set(CHALLENGE_SUBMISSION.WALL_MS, 100L)
                .set(CHALLENGE_SUBMISSION.CREATED_AT, at)
                .execute();
    }
}
