package org.lectern.studio;

import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.COURSE_REVISION;
import static org.lectern.db.schema.Tables.COURSE_REVISION_FILE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The revision log: every save, restore, publish and regrade, with a snapshot of each file it changed. */
final class RevisionRepository {
    private final DSLContext dsl;

    RevisionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A revision as the log lists it. */
    record Revision(
            long id, String kind, String message, String author, OffsetDateTime createdAt, List<String> paths) {}

    /**
     * @param changed each changed file's new content, or null where the revision removed it
     */
    long record(String slug, RevisionKind kind, String message, Long authorId, Map<String, byte[]> changed) {
        long id = dsl.insertInto(COURSE_REVISION)
                .set(COURSE_REVISION.COURSE_SLUG, slug)
                .set(COURSE_REVISION.KIND, kind.code())
                .set(COURSE_REVISION.MESSAGE, message.length() > 500 ? message.substring(0, 500) : message)
                .set(COURSE_REVISION.AUTHOR_ID, authorId)
                .set(COURSE_REVISION.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returning(COURSE_REVISION.ID)
                .fetchOne(COURSE_REVISION.ID);
        for (var file : changed.entrySet()) {
            dsl.insertInto(COURSE_REVISION_FILE)
                    .set(COURSE_REVISION_FILE.REVISION_ID, id)
                    .set(COURSE_REVISION_FILE.PATH, file.getKey())
                    .set(COURSE_REVISION_FILE.CONTENT, file.getValue())
                    .execute();
        }
        return id;
    }

    /** The course's revisions, newest first. */
    List<Revision> list(String slug, int limit) {
        return fetch(COURSE_REVISION.COURSE_SLUG.eq(slug), limit);
    }

    Optional<Revision> find(String slug, long id) {
        return fetch(COURSE_REVISION.COURSE_SLUG.eq(slug).and(COURSE_REVISION.ID.eq(id)), 1).stream()
                .findFirst();
    }

    private List<Revision> fetch(Condition where, int limit) {
        var paths = dsl.select(COURSE_REVISION_FILE.REVISION_ID, COURSE_REVISION_FILE.PATH)
                .from(COURSE_REVISION_FILE)
                .join(COURSE_REVISION)
                .on(COURSE_REVISION.ID.eq(COURSE_REVISION_FILE.REVISION_ID))
                .where(where)
                .orderBy(COURSE_REVISION_FILE.PATH)
                .fetchGroups(COURSE_REVISION_FILE.REVISION_ID, COURSE_REVISION_FILE.PATH);
        return dsl.select(
                        COURSE_REVISION.ID,
                        COURSE_REVISION.KIND,
                        COURSE_REVISION.MESSAGE,
                        APP_USER.DISPLAY_NAME,
                        COURSE_REVISION.CREATED_AT)
                .from(COURSE_REVISION)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(COURSE_REVISION.AUTHOR_ID))
                .where(where)
                .orderBy(COURSE_REVISION.ID.desc())
                .limit(limit)
                .fetch(r -> new Revision(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4() == null ? "" : r.value4(),
                        r.value5(),
                        paths.getOrDefault(r.value1(), List.of())));
    }

    /** The files a revision recorded: their content then, or null where it removed them. */
    Map<String, byte[]> files(long id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        dsl.select(COURSE_REVISION_FILE.PATH, COURSE_REVISION_FILE.CONTENT)
                .from(COURSE_REVISION_FILE)
                .where(COURSE_REVISION_FILE.REVISION_ID.eq(id))
                .orderBy(COURSE_REVISION_FILE.PATH)
                .forEach(r -> files.put(r.value1(), r.value2()));
        return files;
    }
}
