package org.lectern.quiz;

import java.util.List;
import org.lectern.content.QuestionKind;

/** A quiz question with what grading needs: its options, or its expected output or line order. */
public record Question(long id, String key, QuestionKind kind, int points, List<Option> options, String answer) {

    /** One option of a choice question. */
    public record Option(long id, String key, boolean correct) {}

    public Question {
        options = List.copyOf(options);
    }

    public long correctCount() {
        return options.stream().filter(Option::correct).count();
    }
}
