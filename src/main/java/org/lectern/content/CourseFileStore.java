package org.lectern.content;

import static org.lectern.db.schema.Tables.COURSE_FILE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The stored copies of each course's source files: the published copy (what was last imported) and the authors'
 * draft. Give it the transaction's {@link DSLContext} when it must commit with other changes.
 */
public final class CourseFileStore {
    /** Which copy of a course's files. */
    public enum Copy {
        PUBLISHED("published"),
        DRAFT("draft");

        private final String code;

        Copy(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final DSLContext dsl;

    public CourseFileStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public CourseFiles load(String slug, Copy copy) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        dsl.select(COURSE_FILE.PATH, COURSE_FILE.CONTENT)
                .from(COURSE_FILE)
                .where(COURSE_FILE.COURSE_SLUG.eq(slug).and(COURSE_FILE.COPY.eq(copy.code())))
                .orderBy(COURSE_FILE.PATH)
                .forEach(r -> files.put(r.value1(), r.value2()));
        return CourseFiles.of(files);
    }

    /** Every file's SHA-256 by path, without loading the contents. */
    public Map<String, String> hashes(String slug, Copy copy) {
        return dsl.select(COURSE_FILE.PATH, COURSE_FILE.SHA256)
                .from(COURSE_FILE)
                .where(COURSE_FILE.COURSE_SLUG.eq(slug).and(COURSE_FILE.COPY.eq(copy.code())))
                .orderBy(COURSE_FILE.PATH)
                .fetchMap(COURSE_FILE.PATH, COURSE_FILE.SHA256);
    }

    /** The slugs of every course with stored files, in either copy. */
    public List<String> slugs() {
        return dsl.selectDistinct(COURSE_FILE.COURSE_SLUG)
                .from(COURSE_FILE)
                .orderBy(COURSE_FILE.COURSE_SLUG)
                .fetch(COURSE_FILE.COURSE_SLUG);
    }

    /** Makes the copy hold exactly these files; rows of unchanged files are left alone. */
    public void replace(String slug, Copy copy, CourseFiles files, Long userId) {
        Map<String, String> stored = hashes(slug, copy);
        for (String path : stored.keySet()) {
            if (!files.contains(path)) {
                delete(slug, copy, path);
            }
        }
        for (var file : files.asMap().entrySet()) {
            String sha = CourseFolderReader.sha256(file.getValue());
            if (!sha.equals(stored.get(file.getKey()))) {
                put(slug, copy, file.getKey(), file.getValue(), userId);
            }
        }
    }

    public void put(String slug, Copy copy, String path, byte[] content, Long userId) {
        CourseFiles.requireSafePath(path);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String sha = CourseFolderReader.sha256(content);
        int updated = dsl.update(COURSE_FILE)
                .set(COURSE_FILE.CONTENT, content)
                .set(COURSE_FILE.SHA256, sha)
                .set(COURSE_FILE.UPDATED_AT, now)
                .set(COURSE_FILE.UPDATED_BY, userId)
                .where(key(slug, copy, path))
                .execute();
        if (updated == 0) {
            dsl.insertInto(COURSE_FILE)
                    .set(COURSE_FILE.COURSE_SLUG, slug)
                    .set(COURSE_FILE.COPY, copy.code())
                    .set(COURSE_FILE.PATH, path)
                    .set(COURSE_FILE.CONTENT, content)
                    .set(COURSE_FILE.SHA256, sha)
                    .set(COURSE_FILE.UPDATED_AT, now)
                    .set(COURSE_FILE.UPDATED_BY, userId)
                    .execute();
        }
    }

    public void delete(String slug, Copy copy, String path) {
        dsl.deleteFrom(COURSE_FILE).where(key(slug, copy, path)).execute();
    }

    public void deleteAll(String slug, Copy copy) {
        dsl.deleteFrom(COURSE_FILE)
                .where(COURSE_FILE.COURSE_SLUG.eq(slug).and(COURSE_FILE.COPY.eq(copy.code())))
                .execute();
    }

    private static org.jooq.Condition key(String slug, Copy copy, String path) {
        return COURSE_FILE
                .COURSE_SLUG
                .eq(slug)
                .and(COURSE_FILE.COPY.eq(copy.code()))
                .and(COURSE_FILE.PATH.eq(path));
    }
}
