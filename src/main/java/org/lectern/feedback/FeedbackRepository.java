package org.lectern.feedback;

import static org.lectern.db.schema.Tables.CHAPTER_FEEDBACK;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** Chapter feedback: one row per learner and chapter, updated when they change their answer. */
final class FeedbackRepository {
    private final DSLContext dsl;

    FeedbackRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<ChapterFeedback> find(long userId, long chapterId) {
        return dsl.selectFrom(CHAPTER_FEEDBACK)
                .where(CHAPTER_FEEDBACK.USER_ID.eq(userId))
                .and(CHAPTER_FEEDBACK.CHAPTER_ID.eq(chapterId))
                .fetchOptional()
                .map(r -> new ChapterFeedback(r.getClear(), r.getComment()));
    }

    /** Records the answer; a null comment keeps the one given before (the Yes/No step sends none). */
    void save(long userId, long chapterId, boolean clear, String comment, OffsetDateTime now) {
        var insert = dsl.insertInto(CHAPTER_FEEDBACK)
                .set(CHAPTER_FEEDBACK.USER_ID, userId)
                .set(CHAPTER_FEEDBACK.CHAPTER_ID, chapterId)
                .set(CHAPTER_FEEDBACK.CLEAR, clear)
                .set(CHAPTER_FEEDBACK.COMMENT, comment)
                .set(CHAPTER_FEEDBACK.CREATED_AT, now)
                .set(CHAPTER_FEEDBACK.UPDATED_AT, now)
                .onConflict(CHAPTER_FEEDBACK.CHAPTER_ID, CHAPTER_FEEDBACK.USER_ID)
                .doUpdate()
                .set(CHAPTER_FEEDBACK.CLEAR, clear)
                .set(CHAPTER_FEEDBACK.UPDATED_AT, now);
        (comment == null ? insert : insert.set(CHAPTER_FEEDBACK.COMMENT, comment)).execute();
    }
}
