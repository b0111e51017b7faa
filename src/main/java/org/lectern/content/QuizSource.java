package org.lectern.content;

import java.nio.file.Path;
import java.util.List;
import org.lectern.content.CourseSource.QuestionSource;

/** Reads and checks a quiz file's text with the importer's own rules, for editors that validate before saving. */
public final class QuizSource {
    private QuizSource() {}

    /** @throws ContentException naming the file, the line and the problem */
    public static List<QuestionSource> read(String path, String text) {
        return new QuizReader().read(Path.of(path), text);
    }
}
