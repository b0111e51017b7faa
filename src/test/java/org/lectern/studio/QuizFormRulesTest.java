package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.content.ContentException;
import org.lectern.content.QuestionKind;
import org.lectern.content.QuizSource;
import org.lectern.studio.QuizForm.LinesStyle;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;
import org.lectern.studio.QuizFormRules.Problem;

/** The form's rules per kind, each told beside its field, and agreeing with the importer's. */
class QuizFormRulesTest {
    private static final Option RIGHT = new Option("right", "Right", true, "Why it is right.");
    private static final Option WRONG = new Option("wrong", "Wrong", false, "Why it is wrong.");

    private static Question question(QuestionKind kind, List<Option> options) {
        return new Question("q", kind, "The question?", "", "", "", LinesStyle.LIST, "", "", options);
    }

    private static Question output(String code, String answer) {
        return new Question(
                "q", QuestionKind.OUTPUT, "What prints?", code, answer, "", LinesStyle.LIST, "", "", List.of());
    }

    private static Question parsons(String lines) {
        return new Question("q", QuestionKind.PARSONS, "Order", "", "", lines, LinesStyle.LIST, "", "", List.of());
    }

    private static List<String> problems(Question... questions) {
        return QuizFormRules.check(new QuizForm(List.of(questions))).stream()
                .map(p -> p.field() + " " + p.key() + (p.arguments().isEmpty() ? "" : " " + p.arguments()))
                .toList();
    }

    /** The importer refuses what the form refuses (and reads what it accepts). */
    private static void importerAgrees(boolean formAccepts, Question... questions) {
        String yaml = QuizYaml.write(new QuizForm(List.of(questions)));
        if (formAccepts) {
            assertThat(QuizSource.read("q.quiz.yaml", yaml)).hasSize(questions.length);
        } else {
            assertThatThrownBy(() -> QuizSource.read("q.quiz.yaml", yaml)).isInstanceOf(ContentException.class);
        }
    }

    @Test
    void aSingleChoiceQuestionNeedsExactlyOneCorrectOption() {
        Question none = question(QuestionKind.SINGLE, List.of(WRONG, new Option("other", "Other", false, "No.")));
        Question two = question(QuestionKind.SINGLE, List.of(RIGHT, new Option("also", "Also", true, "Yes.")));
        Question one = question(QuestionKind.SINGLE, List.of(RIGHT, WRONG));
        assertThat(problems(none)).containsExactly("q0-options studio.quizForm.error.single [0]");
        assertThat(problems(two)).containsExactly("q0-options studio.quizForm.error.single [2]");
        assertThat(problems(one)).isEmpty();
        importerAgrees(false, two);
        importerAgrees(true, one);
    }

    @Test
    void aMultipleChoiceQuestionNeedsACorrectOptionAndEveryChoiceQuestionTwoOptions() {
        Question noneRight =
                question(QuestionKind.MULTIPLE, List.of(WRONG, new Option("other", "Other", false, "No.")));
        Question alone = question(QuestionKind.MULTIPLE, List.of(RIGHT));
        assertThat(problems(noneRight)).containsExactly("q0-options studio.quizForm.error.multiple");
        assertThat(problems(alone)).containsExactly("q0-options studio.quizForm.error.fewOptions");
        assertThat(problems(question(QuestionKind.MULTIPLE, List.of(RIGHT, WRONG))))
                .isEmpty();
        importerAgrees(false, noneRight);
        importerAgrees(false, alone);
    }

    @Test
    void everyOptionNeedsItsTextAndAnExplanationToldBesideTheOption() {
        Question q = question(QuestionKind.SINGLE, List.of(RIGHT, new Option("wrong", " ", false, "")));
        assertThat(problems(q))
                .containsExactly(
                        "q0-o1-text studio.quizForm.error.optionText",
                        "q0-o1-explanation studio.quizForm.error.optionExplanation");
        importerAgrees(false, q);
    }

    @Test
    void anOutputQuestionNeedsItsProgramAndWhatItPrints() {
        assertThat(problems(output("", "")))
                .containsExactly("q0-code studio.quizForm.error.code", "q0-answer studio.quizForm.error.answer");
        assertThat(problems(output("print(2)", "2\n"))).isEmpty();
        importerAgrees(false, output("", "2"));
        importerAgrees(true, output("print(2)", "2\n"));
    }

    @Test
    void aParsonsProblemNeedsThreeLinesBlankOnesNotCounted() {
        assertThat(problems(parsons("a = 1\n\nprint(a)\n")))
                .containsExactly("q0-lines studio.quizForm.error.lines [2]");
        assertThat(problems(parsons("a = 1\nb = 2\nprint(a + b)"))).isEmpty();
        importerAgrees(false, parsons("a = 1\n\nprint(a)\n"));
        importerAgrees(true, parsons("a = 1\nb = 2\nprint(a + b)"));
    }

    @Test
    void theQuestionNeedsAPromptPointsInRangeAndIdsThatAreValidAndUnique() {
        Question blank =
                new Question("q", QuestionKind.PARSONS, " ", "", "", "a\nb\nc", LinesStyle.LIST, "", "0", List.of());
        Question twin =
                new Question("q", QuestionKind.PARSONS, "P", "", "", "a\nb\nc", LinesStyle.LIST, "", "100", List.of());
        Question badId = new Question(
                "Bad Id", QuestionKind.PARSONS, "P", "", "", "a\nb\nc", LinesStyle.LIST, "", "x", List.of());
        assertThat(problems(blank, twin, badId))
                .containsExactly(
                        "q0-prompt studio.quizForm.error.prompt",
                        "q0-points studio.quizForm.error.points",
                        "q1-id studio.quizForm.error.id [q]",
                        "q2-id studio.quizForm.error.id [Bad Id]",
                        "q2-points studio.quizForm.error.points");
        importerAgrees(false, blank);
        importerAgrees(false, blank, twin);
    }

    @Test
    void eachProblemKnowsWhichQuestionAndOptionItIsAbout() {
        Question q = question(QuestionKind.SINGLE, List.of(RIGHT, new Option("wrong", "Wrong", false, "")));
        Question second =
                new Question("p", QuestionKind.PARSONS, "", "", "", "a\nb\nc", LinesStyle.LIST, "", "", List.of());
        assertThat(QuizFormRules.check(new QuizForm(List.of(q, second))))
                .extracting(Problem::place)
                .containsExactly(List.of(1, 2), List.of(2));
        assertThat(QuizFormRules.check(new QuizForm(List.of())))
                .extracting(Problem::place)
                .containsExactly(List.of());
    }

    @Test
    void aQuizNeedsAQuestion() {
        assertThat(QuizFormRules.check(new QuizForm(List.of())))
                .containsExactly(new Problem("questions", "studio.quizForm.error.noQuestions", List.of()));
    }
}
