package org.lectern.studio;

import java.util.List;
import org.lectern.content.ContentException;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.content.QuizSource;

/** What the quiz editor shows beside the YAML: each question as the importer reads it, or why it cannot. */
record QuizCheck(List<Item> questions, String error) {
    /** One question: its key, kind, and its options or answer in short. */
    record Item(String key, String kind, String prompt, List<String> correct, List<String> wrong, String answer) {}

    static QuizCheck of(String path, String text) {
        try {
            List<Item> items =
                    QuizSource.read(path, text).stream().map(QuizCheck::item).toList();
            return new QuizCheck(items, null);
        } catch (ContentException invalid) {
            return new QuizCheck(List.of(), invalid.getMessage());
        }
    }

    private static Item item(QuestionSource q) {
        return new Item(
                q.key(),
                q.kind().code(),
                q.promptMd(),
                q.options().stream().filter(o -> o.correct()).map(o -> o.key()).toList(),
                q.options().stream().filter(o -> !o.correct()).map(o -> o.key()).toList(),
                q.answer() == null ? "" : q.answer());
    }
}
