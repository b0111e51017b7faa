package org.lectern.content;

import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.COURSE_ASSET;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.lectern.content.CourseSource.AssetSource;
import org.lectern.content.CourseSource.ChallengeSource;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.OptionSource;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.content.CourseSource.SectionSource;

/**
 * Writes parsed courses into the database in one transaction, matching everything by slug or key, and a chapter
 * that changed section by {@link ChapterMoves}. What left the files is retired, never deleted, so answers and
 * submissions that hang off it survive.
 */
public final class ContentImporter {
    private final DSLContext dsl;

    public ContentImporter(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One line per course of what an import did. */
    public record Report(List<String> lines) {}

    /** A course as read from its files, those files, and whether they came from the content folder. */
    public record Incoming(CourseSource source, CourseFiles files, boolean fromFolder) {}

    public Report importCourses(List<Incoming> courses) {
        return importCourses(courses, tx -> {});
    }

    /**
     * Imports the courses and stores their files as the published copy, all in one transaction.
     *
     * @param alsoInTransaction more writes that must commit or fail with the import (a studio revision)
     */
    public Report importCourses(List<Incoming> courses, java.util.function.Consumer<DSLContext> alsoInTransaction) {
        List<String> lines = new ArrayList<>();
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            for (Incoming course : courses) {
                CourseSource source = course.source();
                lines.add(new CourseWriter(tx, OffsetDateTime.now(ZoneOffset.UTC)).write(source));
                new CourseFileStore(tx).replace(source.slug(), CourseFileStore.Copy.PUBLISHED, course.files(), null);
                if (course.fromFolder()) {
                    tx.update(COURSE)
                            .set(COURSE.FOLDER_HASH, source.contentHash())
                            .where(COURSE.SLUG.eq(source.slug()))
                            .execute();
                }
            }
            alsoInTransaction.accept(tx);
        });
        return new Report(List.copyOf(lines));
    }

    /**
     * The hash of each course's folder at its last import from the content folder, to tell which folders changed
     * since. Courses never imported from a folder, or from before files were stored, have none.
     */
    public java.util.Map<String, String> storedHashes() {
        return dsl.select(COURSE.SLUG, COURSE.FOLDER_HASH)
                .from(COURSE)
                .where(COURSE.FOLDER_HASH.isNotNull())
                .fetchMap(COURSE.SLUG, COURSE.FOLDER_HASH);
    }

    private static final class CourseWriter {
        private final DSLContext tx;
        private final OffsetDateTime now;
        private int chapters;
        private int questions;
        private int challenges;
        // chapters arriving from another section of the course: where each comes from, by where it arrives
        private final java.util.Map<ChapterMoves.Place, ChapterMoves.Place> arrivals = new java.util.HashMap<>();

        CourseWriter(DSLContext tx, OffsetDateTime now) {
            this.tx = tx;
            this.now = now;
        }

        String write(CourseSource c) {
            Long courseId = tx.select(COURSE.ID)
                    .from(COURSE)
                    .where(COURSE.SLUG.eq(c.slug()))
                    .fetchOne(COURSE.ID);
            boolean created = courseId == null;
            if (created) {
                courseId = tx.insertInto(COURSE)
                        .set(COURSE.SLUG, c.slug())
                        .set(COURSE.TITLE, c.title())
                        .returning(COURSE.ID)
                        .fetchOne(COURSE.ID);
            }
            tx.update(COURSE)
                    .set(COURSE.TITLE, c.title())
                    .set(COURSE.SUMMARY, c.summary())
                    .set(COURSE.DESCRIPTION_MD, c.descriptionMd())
                    .set(COURSE.LOCALE, c.locale())
                    .set(COURSE.POSITION, c.position())
                    .set(COURSE.FREE_SECTIONS, c.freeSections())
                    .set(COURSE.CONTENT_HASH, c.contentHash())
                    .set(COURSE.UPDATED_AT, now)
                    .where(COURSE.ID.eq(courseId))
                    .execute();
            ChapterMoves.between(ChapterMoves.published(tx, c.slug()), ChapterMoves.places(c))
                    .forEach((from, to) -> arrivals.put(new ChapterMoves.Place(to, from.chapter()), from));
            List<Long> sectionIds = new ArrayList<>();
            for (SectionSource s : c.sections()) {
                sectionIds.add(section(courseId, s));
            }
            retireOthers(SECTION, SECTION.COURSE_ID, courseId, SECTION.ID, sectionIds, SECTION.RETIRED_AT);
            assets(courseId, c.assets());
            return "%s %s: %d sections, %d chapters, %d questions, %d challenges, %d files"
                    .formatted(
                            created ? "created" : "updated",
                            c.slug(),
                            c.sections().size(),
                            chapters,
                            questions,
                            challenges,
                            c.assets().size());
        }

        private long section(long courseId, SectionSource s) {
            long id = upsertId(
                    SECTION,
                    SECTION.ID,
                    SECTION.COURSE_ID.eq(courseId).and(SECTION.SLUG.eq(s.slug())),
                    () -> tx.insertInto(SECTION)
                            .set(SECTION.COURSE_ID, courseId)
                            .set(SECTION.SLUG, s.slug())
                            .set(SECTION.POSITION, s.position())
                            .set(SECTION.TITLE, s.title())
                            .returning(SECTION.ID)
                            .fetchOne(SECTION.ID));
            tx.update(SECTION)
                    .set(SECTION.POSITION, s.position())
                    .set(SECTION.TITLE, s.title())
                    .set(SECTION.SUMMARY_MD, s.summaryMd())
                    .setNull(SECTION.RETIRED_AT)
                    .where(SECTION.ID.eq(id))
                    .execute();
            List<Long> chapterIds = new ArrayList<>();
            for (ChapterSource ch : s.chapters()) {
                ChapterMoves.Place from = arrivals.get(new ChapterMoves.Place(s.slug(), ch.slug()));
                if (from != null) {
                    moveInto(courseId, id, from);
                }
                chapterIds.add(chapter(id, ch));
            }
            retireOthers(CHAPTER, CHAPTER.SECTION_ID, id, CHAPTER.ID, chapterIds, CHAPTER.RETIRED_AT);
            return id;
        }

        private long chapter(long sectionId, ChapterSource ch) {
            chapters++;
            var existing = tx.selectFrom(CHAPTER)
                    .where(CHAPTER.SECTION_ID.eq(sectionId).and(CHAPTER.SLUG.eq(ch.slug())))
                    .fetchOne();
            var record = existing != null ? existing : tx.newRecord(CHAPTER);
            int words = new MarkdownRenderer()
                    .render(ch.bodyMd(), MarkdownRenderer.Place.NOWHERE)
                    .wordCount();
            // Only real differences mark the record changed, so an unchanged chapter keeps its updated_at.
            setIfDifferent(record, CHAPTER.SECTION_ID, sectionId);
            setIfDifferent(record, CHAPTER.SLUG, ch.slug());
            setIfDifferent(record, CHAPTER.POSITION, ch.position());
            setIfDifferent(record, CHAPTER.TITLE, ch.title());
            setIfDifferent(record, CHAPTER.SUMMARY, ch.summary());
            setIfDifferent(record, CHAPTER.BODY_MD, ch.bodyMd());
            setIfDifferent(record, CHAPTER.FREE, ch.free());
            setIfDifferent(record, CHAPTER.WORD_COUNT, words);
            setIfDifferent(record, CHAPTER.RETIRED_AT, null);
            if (record.changed()) {
                record.setUpdatedAt(now);
                record.store();
            }
            long id = record.getId();
            List<Long> questionIds = new ArrayList<>();
            for (QuestionSource q : ch.questions()) {
                questionIds.add(question(id, q));
            }
            retireOthers(QUESTION, QUESTION.CHAPTER_ID, id, QUESTION.ID, questionIds, QUESTION.RETIRED_AT);
            List<Long> challengeIds = new ArrayList<>();
            for (ChallengeSource cs : ch.challenges()) {
                challengeIds.add(challenge(id, cs));
            }
            retireOthers(CHALLENGE, CHALLENGE.CHAPTER_ID, id, CHALLENGE.ID, challengeIds, CHALLENGE.RETIRED_AT);
            return id;
        }

        /**
         * Gives a chapter that moved here from another section of the course its new section, keeping its row. A
         * chapter deleted from here earlier may hold the slug: it takes the moving one's old place, still retired.
         */
        private void moveInto(long courseId, long sectionId, ChapterMoves.Place from) {
            var moving = tx.select(CHAPTER.ID, CHAPTER.SECTION_ID)
                    .from(CHAPTER)
                    .join(SECTION)
                    .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                    .where(SECTION.COURSE_ID.eq(courseId))
                    .and(SECTION.SLUG.eq(from.section()))
                    .and(CHAPTER.SLUG.eq(from.chapter()))
                    .fetchOne();
            Long retiredHere = tx.select(CHAPTER.ID)
                    .from(CHAPTER)
                    .where(CHAPTER.SECTION_ID.eq(sectionId).and(CHAPTER.SLUG.eq(from.chapter())))
                    .fetchOne(CHAPTER.ID);
            if (retiredHere != null) {
                // (section, slug) is unique: free the old place first, then swap.
                tx.update(CHAPTER)
                        .set(CHAPTER.SLUG, "~moving-" + moving.value1())
                        .where(CHAPTER.ID.eq(moving.value1()))
                        .execute();
                tx.update(CHAPTER)
                        .set(CHAPTER.SECTION_ID, moving.value2())
                        .where(CHAPTER.ID.eq(retiredHere))
                        .execute();
            }
            tx.update(CHAPTER)
                    .set(CHAPTER.SECTION_ID, sectionId)
                    .set(CHAPTER.SLUG, from.chapter())
                    .set(CHAPTER.UPDATED_AT, now)
                    .where(CHAPTER.ID.eq(moving.value1()))
                    .execute();
        }

        private long question(long chapterId, QuestionSource q) {
            questions++;
            var existing = tx.selectFrom(QUESTION)
                    .where(QUESTION.CHAPTER_ID.eq(chapterId).and(QUESTION.QUESTION_KEY.eq(q.key())))
                    .fetchOne();
            var record = existing != null ? existing : tx.newRecord(QUESTION);
            record.setChapterId(chapterId);
            record.setQuestionKey(q.key());
            record.setPosition(q.position());
            record.setKind(q.kind().code());
            record.setPromptMd(q.promptMd());
            record.setCode(q.code());
            record.setAnswer(q.answer());
            record.setExplanationMd(q.explanationMd());
            record.setPoints(q.points());
            record.setRetiredAt(null);
            record.store();
            long id = record.getId();
            List<Long> optionIds = new ArrayList<>();
            for (OptionSource o : q.options()) {
                var opt = tx.selectFrom(QUESTION_OPTION)
                        .where(QUESTION_OPTION.QUESTION_ID.eq(id).and(QUESTION_OPTION.OPTION_KEY.eq(o.key())))
                        .fetchOne();
                var optRecord = opt != null ? opt : tx.newRecord(QUESTION_OPTION);
                optRecord.setQuestionId(id);
                optRecord.setOptionKey(o.key());
                optRecord.setPosition(o.position());
                optRecord.setBodyMd(o.bodyMd());
                optRecord.setCorrect(o.correct());
                optRecord.setExplanationMd(o.explanationMd());
                optRecord.setRetiredAt(null);
                optRecord.store();
                optionIds.add(optRecord.getId());
            }
            retireOthers(
                    QUESTION_OPTION,
                    QUESTION_OPTION.QUESTION_ID,
                    id,
                    QUESTION_OPTION.ID,
                    optionIds,
                    QUESTION_OPTION.RETIRED_AT);
            return id;
        }

        private long challenge(long chapterId, ChallengeSource c) {
            challenges++;
            var existing = tx.selectFrom(CHALLENGE)
                    .where(CHALLENGE.CHAPTER_ID.eq(chapterId).and(CHALLENGE.CHALLENGE_KEY.eq(c.key())))
                    .fetchOne();
            var record = existing != null ? existing : tx.newRecord(CHALLENGE);
            record.setChapterId(chapterId);
            record.setChallengeKey(c.key());
            record.setPosition(c.position());
            record.setTitle(c.title());
            record.setStatementMd(c.statementMd());
            record.setStarterCode(c.starterCode());
            record.setTestCode(c.testCode());
            record.setSolutionCode(c.solutionCode());
            record.setMaxWallMs(c.maxWallMs());
            record.setRepeatRuns(c.repeatRuns());
            record.setMinProcesses(c.minProcesses());
            record.setRetiredAt(null);
            record.store();
            return record.getId();
        }

        private void assets(long courseId, List<AssetSource> assets) {
            List<String> paths = assets.stream().map(AssetSource::path).toList();
            for (AssetSource a : assets) {
                String stored = tx.select(COURSE_ASSET.SHA256)
                        .from(COURSE_ASSET)
                        .where(COURSE_ASSET.COURSE_ID.eq(courseId).and(COURSE_ASSET.PATH.eq(a.path())))
                        .fetchOne(COURSE_ASSET.SHA256);
                if (stored == null) {
                    tx.insertInto(COURSE_ASSET)
                            .set(COURSE_ASSET.COURSE_ID, courseId)
                            .set(COURSE_ASSET.PATH, a.path())
                            .set(COURSE_ASSET.MEDIA_TYPE, a.mediaType())
                            .set(COURSE_ASSET.CONTENT, a.content())
                            .set(COURSE_ASSET.SHA256, a.sha256())
                            .execute();
                } else if (!Objects.equals(stored, a.sha256())) {
                    tx.update(COURSE_ASSET)
                            .set(COURSE_ASSET.MEDIA_TYPE, a.mediaType())
                            .set(COURSE_ASSET.CONTENT, a.content())
                            .set(COURSE_ASSET.SHA256, a.sha256())
                            .where(COURSE_ASSET.COURSE_ID.eq(courseId).and(COURSE_ASSET.PATH.eq(a.path())))
                            .execute();
                }
            }
            // Files are not learner data: one that left the folder is simply gone.
            tx.deleteFrom(COURSE_ASSET)
                    .where(COURSE_ASSET
                            .COURSE_ID
                            .eq(courseId)
                            .and(paths.isEmpty() ? org.jooq.impl.DSL.trueCondition() : COURSE_ASSET.PATH.notIn(paths)))
                    .execute();
        }

        private static <R extends Record, T> void setIfDifferent(R record, Field<T> field, T value) {
            if (!Objects.equals(record.get(field), value)) {
                record.set(field, value);
            }
        }

        private long upsertId(
                Table<?> table, Field<Long> id, org.jooq.Condition key, java.util.function.Supplier<Long> insert) {
            Long existing = tx.select(id).from(table).where(key).fetchOne(id);
            return existing != null ? existing : insert.get();
        }

        private <R extends Record> void retireOthers(
                Table<R> table,
                TableField<R, Long> parent,
                long parentId,
                TableField<R, Long> id,
                List<Long> keep,
                TableField<R, OffsetDateTime> retiredAt) {
            tx.update(table)
                    .set(retiredAt, now)
                    .where(parent.eq(parentId))
                    .and(keep.isEmpty() ? org.jooq.impl.DSL.trueCondition() : id.notIn(keep))
                    .and(retiredAt.isNull())
                    .execute();
        }
    }
}
