package org.lectern.studio;

import java.util.ArrayList;
import java.util.List;
import org.lectern.content.QuestionKind;

/**
 * A quiz as the studio's form edits it: every field of every question as the author typed it, in file order, with
 * the ids that attempts and analytics hang on. Fields of other kinds than a question's own stay while the author
 * switches kinds; only its own kind's fields reach the file ({@link QuizYaml#write}).
 */
record QuizForm(List<Question> questions) {

    /** Lines of a Parsons problem are written as one block ({@code lines: |}) or as a list of quoted lines. */
    enum LinesStyle {
        LIST,
        BLOCK
    }

    /**
     * One question. {@code points} is as typed, empty when the file leaves it to its default.
     *
     * @param code the program shown with the question (an output question's is required, the others' optional)
     * @param answer what an output question's program prints
     * @param lines a Parsons problem's program in order, one line per line
     */
    record Question(
            String id,
            QuestionKind kind,
            String prompt,
            String code,
            String answer,
            String lines,
            LinesStyle linesStyle,
            String explanation,
            String points,
            List<Option> options) {

        Question {
            options = List.copyOf(options);
        }

        /** Whether a field of this name is part of this question's kind, e.g. "answer" for an output question. */
        public boolean uses(String field) {
            return switch (field) {
                case "options" -> kind.hasOptions();
                case "answer" -> kind == QuestionKind.OUTPUT;
                case "lines" -> kind == QuestionKind.PARSONS;
                default -> true;
            };
        }

        public String kindCode() {
            return kind.code();
        }

        Question withOptions(List<Option> changed) {
            return new Question(id, kind, prompt, code, answer, lines, linesStyle, explanation, points, changed);
        }
    }

    /** One option of a single- or multiple-choice question. */
    record Option(String id, String text, boolean correct, String explanation) {}

    QuizForm {
        questions = List.copyOf(questions);
    }

    /** A blank single-choice question with two blank options, each with a fresh id. */
    static Question blankQuestion(QuizIds ids, QuizForm within) {
        String id = ids.freshQuestion(within);
        String first = ids.freshOption(List.of());
        String second = ids.freshOption(List.of(new Option(first, "", false, "")));
        return new Question(
                id,
                QuestionKind.SINGLE,
                "",
                "",
                "",
                "",
                LinesStyle.LIST,
                "",
                "",
                List.of(new Option(first, "", false, ""), new Option(second, "", false, "")));
    }

    QuizForm withQuestion(Question added) {
        List<Question> changed = new ArrayList<>(questions);
        changed.add(added);
        return new QuizForm(changed);
    }

    QuizForm withoutQuestion(int index) {
        List<Question> changed = new ArrayList<>(questions);
        changed.remove(index);
        return new QuizForm(changed);
    }

    /** Swaps the question with its neighbour above ({@code by} -1) or below (+1); at either end nothing moves. */
    QuizForm movingQuestion(int index, int by) {
        return new QuizForm(swapped(questions, index, by));
    }

    QuizForm withOption(int question, Option added) {
        List<Option> options = new ArrayList<>(questions.get(question).options());
        options.add(added);
        return replacing(question, questions.get(question).withOptions(options));
    }

    QuizForm withoutOption(int question, int option) {
        List<Option> options = new ArrayList<>(questions.get(question).options());
        options.remove(option);
        return replacing(question, questions.get(question).withOptions(options));
    }

    QuizForm movingOption(int question, int option, int by) {
        Question q = questions.get(question);
        return replacing(question, q.withOptions(swapped(q.options(), option, by)));
    }

    private QuizForm replacing(int index, Question changed) {
        List<Question> all = new ArrayList<>(questions);
        all.set(index, changed);
        return new QuizForm(all);
    }

    private static <T> List<T> swapped(List<T> items, int index, int by) {
        List<T> changed = new ArrayList<>(items);
        int other = index + by;
        if (other >= 0 && other < changed.size()) {
            changed.set(index, items.get(other));
            changed.set(other, items.get(index));
        }
        return changed;
    }
}
