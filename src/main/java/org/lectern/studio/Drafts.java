package org.lectern.studio;

import static org.lectern.db.schema.Tables.COURSE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.lectern.content.CourseFileStore;
import org.lectern.content.CourseFileStore.Copy;
import org.lectern.content.CourseFiles;

/**
 * The authors' working copy of each course's files. A course has a draft copy only while it differs from what was
 * published; reading the draft of a course without one gives its published files. Every save is a revision, and
 * a save based on a file that changed meanwhile is refused with a {@link Conflict}, never applied.
 */
final class Drafts {
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final DSLContext dsl;

    Drafts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Where a course stands. */
    enum State {
        /** Never published: learners do not see it. */
        DRAFT,
        /** Learners see exactly the authors' files. */
        PUBLISHED,
        /** Published, and authors changed files since. */
        CHANGED
    }

    /** A course in the studio's list. */
    record CourseEntry(String slug, String title, State state) {
        public String stateCode() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    List<CourseEntry> courses() {
        return new CourseFileStore(dsl)
                .slugs().stream()
                        .map(slug -> new CourseEntry(
                                slug, StudioOutline.of(current(slug)).title(), state(slug)))
                        .toList();
    }

    /**
     * Starts a course in the working copy: its {@code course.md}, one section and one chapter, ready to edit.
     *
     * @throws InvalidCourse for a slug that is malformed or taken, or an empty title
     */
    void create(String slug, String title, Long authorId) {
        if (!SLUG.matcher(slug).matches() || slug.length() > 100) {
            throw new InvalidCourse("studio.create.badSlug");
        }
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidCourse("studio.create.badTitle");
        }
        if (!current(slug).isEmpty() || dsl.fetchExists(COURSE, COURSE.SLUG.eq(slug))) {
            throw new InvalidCourse("studio.create.taken");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("course.md", utf8("---\ntitle: " + yamlString(title) + "\n---\n"));
        files.put("01-start/section.md", utf8("---\ntitle: Start\n---\n"));
        files.put("01-start/01-welcome.md", utf8("---\ntitle: Welcome\n---\nWrite the first chapter here.\n"));
        Map<String, String> bases = new LinkedHashMap<>();
        files.keySet().forEach(path -> bases.put(path, ""));
        save(slug, files, bases, RevisionKind.CREATE, title, authorId);
    }

    CourseFiles current(String slug) {
        return current(new CourseFileStore(dsl), slug);
    }

    CourseFiles published(String slug) {
        return new CourseFileStore(dsl).load(slug, Copy.PUBLISHED);
    }

    State state(String slug) {
        CourseFileStore store = new CourseFileStore(dsl);
        Map<String, String> published = store.hashes(slug, Copy.PUBLISHED);
        Map<String, String> draft = store.hashes(slug, Copy.DRAFT);
        if (published.isEmpty()) {
            return State.DRAFT;
        }
        return draft.isEmpty() || draft.equals(published) ? State.PUBLISHED : State.CHANGED;
    }

    /**
     * Applies changes to the working copy and records them as one revision, in one transaction.
     *
     * @param changes each file's new content, or null to remove it
     * @param bases the SHA-256 each changed file had when the author began ("" for a file they created); a file
     *     whose current hash differs was saved by someone else meanwhile
     * @return the revision's id
     * @throws Conflict naming the first file saved meanwhile, with its current content
     */
    long save(
            String slug,
            Map<String, byte[]> changes,
            Map<String, String> bases,
            RevisionKind kind,
            String message,
            Long authorId) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            CourseFileStore store = new CourseFileStore(tx);
            CourseFiles before = current(store, slug);
            for (var base : bases.entrySet()) {
                String now = before.bytes(base.getKey()).map(Drafts::sha).orElse("");
                if (!now.equals(base.getValue())) {
                    throw new Conflict(base.getKey(), before.text(base.getKey()).orElse(""), now);
                }
            }
            if (store.hashes(slug, Copy.DRAFT).isEmpty()) {
                store.replace(slug, Copy.DRAFT, before, authorId);
            }
            Map<String, byte[]> changed = new LinkedHashMap<>();
            for (var change : changes.entrySet()) {
                byte[] old = before.bytes(change.getKey()).orElse(null);
                if (change.getValue() == null && old != null) {
                    store.delete(slug, Copy.DRAFT, change.getKey());
                    changed.put(change.getKey(), null);
                } else if (change.getValue() != null && !java.util.Arrays.equals(old, change.getValue())) {
                    store.put(slug, Copy.DRAFT, change.getKey(), change.getValue(), authorId);
                    changed.put(change.getKey(), change.getValue());
                }
            }
            return new RevisionRepository(tx).record(slug, kind, message, authorId, changed);
        });
    }

    /** Drops the draft copy once it equals the published one, so the course reads as published again. */
    static void dropIfPublished(DSLContext tx, String slug) {
        CourseFileStore store = new CourseFileStore(tx);
        Map<String, String> draft = store.hashes(slug, Copy.DRAFT);
        if (Objects.equals(draft, store.hashes(slug, Copy.PUBLISHED))) {
            store.deleteAll(slug, Copy.DRAFT);
        }
    }

    private static CourseFiles current(CourseFileStore store, String slug) {
        CourseFiles draft = store.load(slug, Copy.DRAFT);
        return draft.isEmpty() ? store.load(slug, Copy.PUBLISHED) : draft;
    }

    /** A YAML double-quoted scalar, so any title (colons, quotes, a leading dash) stays one string. */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String sha(byte[] content) {
        return CourseFiles.sha256(content);
    }
}
