package org.lectern.analytics;

import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.SECTION;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * What a quiz report covers: a chapter's questions, a section's or a whole course's. Retired questions, and those of
 * retired chapters or sections, are left out, as learners no longer meet them.
 *
 * @param sectionId null for the whole course
 * @param chapterId null for the whole section (or course)
 */
public record Scope(long courseId, Long sectionId, Long chapterId) {
    public static Scope course(long courseId) {
        return new Scope(courseId, null, null);
    }

    public static Scope section(long courseId, long sectionId) {
        return new Scope(courseId, sectionId, null);
    }

    public static Scope chapter(long courseId, long sectionId, long chapterId) {
        return new Scope(courseId, sectionId, chapterId);
    }

    /** The questions in scope, as a condition on {@code question}. */
    Condition questions() {
        Condition chapters = chapterId != null
                ? CHAPTER.ID.eq(chapterId)
                : sectionId != null ? CHAPTER.SECTION_ID.eq(sectionId) : SECTION.COURSE_ID.eq(courseId);
        return QUESTION.RETIRED_AT
                .isNull()
                .and(QUESTION.CHAPTER_ID.in(DSL.select(CHAPTER.ID)
                        .from(CHAPTER)
                        .join(SECTION)
                        .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                        .where(chapters)
                        .and(CHAPTER.RETIRED_AT.isNull())
                        .and(SECTION.RETIRED_AT.isNull())));
    }
}
