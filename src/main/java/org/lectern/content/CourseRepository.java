package org.lectern.content;

import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.COURSE_ASSET;
import static org.lectern.db.schema.Tables.SECTION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.lectern.content.CourseOutline.ChapterEntry;
import org.lectern.content.CourseOutline.SectionEntry;

/** Reads courses for learners' pages: only what is not retired, in the authors' order. */
final class CourseRepository {
    private final DSLContext dsl;

    CourseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<String> courseSlugs() {
        return dsl.select(COURSE.SLUG)
                .from(COURSE)
                .orderBy(COURSE.POSITION, COURSE.TITLE)
                .fetch(COURSE.SLUG);
    }

    Optional<CourseOutline> outline(String courseSlug) {
        var course = dsl.selectFrom(COURSE).where(COURSE.SLUG.eq(courseSlug)).fetchOne();
        if (course == null) {
            return Optional.empty();
        }
        var rows = dsl.select(
                        SECTION.ID,
                        SECTION.SLUG,
                        SECTION.TITLE,
                        SECTION.SUMMARY_MD,
                        CHAPTER.ID,
                        CHAPTER.SLUG,
                        CHAPTER.TITLE,
                        CHAPTER.SUMMARY,
                        CHAPTER.WORD_COUNT,
                        CHAPTER.FREE)
                .from(SECTION)
                .leftJoin(CHAPTER)
                .on(CHAPTER.SECTION_ID.eq(SECTION.ID).and(CHAPTER.RETIRED_AT.isNull()))
                .where(SECTION.COURSE_ID.eq(course.getId()).and(SECTION.RETIRED_AT.isNull()))
                .orderBy(SECTION.POSITION, SECTION.ID, CHAPTER.POSITION, CHAPTER.ID)
                .fetch();
        Map<Long, List<ChapterEntry>> chaptersBySection = new LinkedHashMap<>();
        Map<Long, SectionEntry> sections = new LinkedHashMap<>();
        for (var row : rows) {
            long sectionId = row.get(SECTION.ID);
            int sectionNumber = sections.size() + (sections.containsKey(sectionId) ? 0 : 1);
            List<ChapterEntry> chapters = chaptersBySection.computeIfAbsent(sectionId, id -> new ArrayList<>());
            if (!sections.containsKey(sectionId)) {
                sections.put(
                        sectionId,
                        new SectionEntry(
                                sectionId,
                                row.get(SECTION.SLUG),
                                sectionNumber,
                                row.get(SECTION.TITLE),
                                row.get(SECTION.SUMMARY_MD),
                                chapters));
            }
            if (row.get(CHAPTER.ID) != null) {
                Boolean free = row.get(CHAPTER.FREE);
                chapters.add(new ChapterEntry(
                        row.get(CHAPTER.ID),
                        row.get(CHAPTER.SLUG),
                        chapters.size() + 1,
                        row.get(CHAPTER.TITLE),
                        row.get(CHAPTER.SUMMARY),
                        Math.max(1, (int) Math.ceil(row.get(CHAPTER.WORD_COUNT) / 200.0)),
                        free != null ? free : sectionNumber <= course.getFreeSections()));
            }
        }
        List<SectionEntry> entries = sections.values().stream()
                .map(s -> new SectionEntry(
                        s.id(), s.slug(), s.number(), s.title(), s.summaryMd(), List.copyOf(s.chapters())))
                .toList();
        return Optional.of(new CourseOutline(
                course.getId(),
                course.getSlug(),
                course.getTitle(),
                course.getSummary(),
                course.getDescriptionMd(),
                course.getLocale(),
                entries));
    }

    /** The Markdown of a chapter and when it last changed. */
    record ChapterBody(String bodyMd, OffsetDateTime updatedAt) {}

    Optional<ChapterBody> chapterBody(long chapterId) {
        return dsl.select(CHAPTER.BODY_MD, CHAPTER.UPDATED_AT)
                .from(CHAPTER)
                .where(CHAPTER.ID.eq(chapterId))
                .fetchOptional(r -> new ChapterBody(r.value1(), r.value2()));
    }

    /** A file a course ships, e.g. a diagram. */
    record Asset(String mediaType, byte[] content, String sha256) {}

    Optional<Asset> asset(String courseSlug, String path) {
        return dsl.select(COURSE_ASSET.MEDIA_TYPE, COURSE_ASSET.CONTENT, COURSE_ASSET.SHA256)
                .from(COURSE_ASSET)
                .join(COURSE)
                .on(COURSE.ID.eq(COURSE_ASSET.COURSE_ID))
                .where(COURSE.SLUG.eq(courseSlug).and(COURSE_ASSET.PATH.eq(path)))
                .fetchOptional(r -> new Asset(r.value1(), r.value2(), r.value3()));
    }
}
