package org.lectern.studio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.content.CourseFiles;

/** Applies structural changes to a course's working copy as one revision each, under the optimistic lock. */
final class Structure {
    private final Drafts drafts;

    Structure(Drafts drafts) {
        this.drafts = drafts;
    }

    /**
     * Saves a change computed from the working copy as it was read: a file that changed meanwhile makes it a
     * {@link Conflict} rather than a silent overwrite.
     */
    void apply(String slug, CourseFiles read, Map<String, byte[]> change, String message, Long authorId) {
        if (change.isEmpty()) {
            return;
        }
        Map<String, String> bases = new HashMap<>();
        for (String path : change.keySet()) {
            bases.put(path, read.bytes(path).map(Drafts::sha).orElse(""));
        }
        drafts.save(slug, change, bases, RevisionKind.SAVE, message, authorId);
    }

    static List<String> chapterOrder(StudioOutline.Section section) {
        return section.chapters().stream().map(StudioOutline.Chapter::slug).toList();
    }

    static List<String> sectionOrder(StudioOutline outline) {
        return outline.sections().stream().map(StudioOutline.Section::slug).toList();
    }
}
