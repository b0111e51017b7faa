package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.content.QuestionKind;

class GraderTest {
    private final Grader grader = new Grader();

    private static Question choice(QuestionKind kind, String... correctKeysThenWrong) {
        List<Question.Option> options = new java.util.ArrayList<>();
        long id = 1;
        for (String key : correctKeysThenWrong) {
            options.add(new Question.Option(id++, key.replace("*", ""), key.endsWith("*")));
        }
        return new Question(10, "q", kind, 1, options, null);
    }

    private Grade choose(Question q, String... keys) {
        return grader.grade(q, new Answer.Choices(Set.of(keys)));
    }

    @Test
    void singleChoiceIsRightOnlyForTheCorrectOption() {
        Question q = choice(QuestionKind.SINGLE, "a*", "b", "c");
        assertThat(choose(q, "a")).isEqualTo(Grade.RIGHT);
        assertThat(choose(q, "b")).isEqualTo(Grade.WRONG);
        assertThatThrownBy(() -> choose(q, "a", "b")).isInstanceOf(Grader.InvalidAnswer.class);
    }

    @Test
    void multipleChoiceGivesPartialCreditAndTakesItBackForWrongChoices() {
        Question q = choice(QuestionKind.MULTIPLE, "a*", "b*", "c", "d");
        assertThat(choose(q, "a", "b")).isEqualTo(Grade.RIGHT);
        assertThat(choose(q, "a")).isEqualTo(new Grade(false, 0.5));
        assertThat(choose(q, "a", "c")).isEqualTo(new Grade(false, 0.0));
        assertThat(choose(q, "a", "b", "c")).isEqualTo(new Grade(false, 0.5));
        assertThat(choose(q, "c", "d")).isEqualTo(new Grade(false, 0.0));
    }

    @Test
    void tamperedOptionKeysAreRejectedNotGraded() {
        Question q = choice(QuestionKind.SINGLE, "a*", "b");
        assertThatThrownBy(() -> choose(q, "z")).hasMessageContaining("no option 'z'");
        assertThatThrownBy(() -> grader.grade(q, new Answer.Text("a"))).isInstanceOf(Grader.InvalidAnswer.class);
    }

    @Test
    void outputPredictionIgnoresTrailingWhitespaceOnly() {
        Question q = new Question(1, "o", QuestionKind.OUTPUT, 1, List.of(), "0 1\n2\n");
        assertThat(grader.grade(q, new Answer.Text("0 1  \n2\n\n"))).isEqualTo(Grade.RIGHT);
        assertThat(grader.grade(q, new Answer.Text("0  1\n2"))).isEqualTo(Grade.WRONG);
        assertThat(grader.grade(q, new Answer.Text(" 0 1\n2"))).isEqualTo(Grade.WRONG);
    }

    @Test
    void parsonsNeedsOrderAndIndentation() {
        Question q = new Question(1, "p", QuestionKind.PARSONS, 1, List.of(), "def f():\n    return 1\nprint(f())\n");
        assertThat(grader.grade(q, new Answer.Order(List.of("def f():", "    return 1", "print(f())"))))
                .isEqualTo(Grade.RIGHT);
        assertThat(grader.grade(q, new Answer.Order(List.of("def f():", "return 1", "print(f())"))))
                .isEqualTo(Grade.WRONG);
        assertThat(grader.grade(q, new Answer.Order(List.of("print(f())", "def f():", "    return 1"))))
                .isEqualTo(Grade.WRONG);
        assertThatThrownBy(() -> grader.grade(q, new Answer.Order(List.of("import os", "def f():", "    return 1"))))
                .hasMessageContaining("each given line exactly once");
    }

    @Test
    void givingUpIsAWrongAnswer() {
        assertThat(grader.grade(choice(QuestionKind.SINGLE, "a*", "b"), new Answer.GaveUp()))
                .isEqualTo(Grade.WRONG);
    }
}
