package org.lectern.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lectern.content.CourseFolderReader;
import org.lectern.content.CourseSource;

/**
 * The challenges of a content folder, read as the server reads them, with their starter (a wrong solution) and their
 * solution (a right one), found by the chapter's path and the title its page shows.
 */
final class CourseChallenges {
    /** The code a learner may press Check on: the starter fails the tests, the solution passes them. */
    record Code(String starter, String solution) {}

    /** Keyed by "/courses/{course}/{section}/{chapter} {title}". */
    private final Map<String, Code> byChapterAndTitle;

    private CourseChallenges(Map<String, Code> byChapterAndTitle) {
        this.byChapterAndTitle = byChapterAndTitle;
    }

    static CourseChallenges read(Path content) {
        Map<String, Code> found = new HashMap<>();
        CourseFolderReader reader = new CourseFolderReader(content);
        for (Path folder : reader.courseFolders()) {
            CourseSource course = reader.read(folder);
            for (CourseSource.SectionSource section : course.sections()) {
                for (CourseSource.ChapterSource chapter : section.chapters()) {
                    String path = "/courses/" + course.slug() + "/" + section.slug() + "/" + chapter.slug();
                    chapter.challenges()
                            .forEach(c ->
                                    found.put(path + " " + c.title(), new Code(c.starterCode(), c.solutionCode())));
                }
            }
        }
        return new CourseChallenges(Map.copyOf(found));
    }

    Optional<Code> find(String chapterPath, String title) {
        return Optional.ofNullable(byChapterAndTitle.get(chapterPath + " " + title));
    }
}
