package org.lectern.quiz;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lectern.content.OutputPattern;

/**
 * Grades answers. Single choice, output prediction and Parsons problems are right or wrong. Multiple choice earns
 * partial credit as in Moodle: each correct option chosen adds its share, each wrong one takes a share away, and
 * the mark never drops below zero; it counts as correct only when exactly the correct options are chosen.
 */
public final class Grader {

    /** An answer that does not fit its question, such as an option key the question does not have. */
    public static final class InvalidAnswer extends RuntimeException {
        public InvalidAnswer(String message) {
            super(message);
        }
    }

    public Grade grade(Question question, Answer answer) {
        if (answer instanceof Answer.GaveUp) {
            return Grade.WRONG;
        }
        return switch (question.kind()) {
            case SINGLE -> single(question, choices(question, answer));
            case MULTIPLE -> multiple(question, choices(question, answer));
            case OUTPUT -> output(question, answer);
            case PARSONS -> parsons(question, answer);
        };
    }

    private static Set<String> choices(Question question, Answer answer) {
        if (!(answer instanceof Answer.Choices choices)) {
            throw new InvalidAnswer("this question takes a choice of options");
        }
        Set<String> known =
                question.options().stream().map(Question.Option::key).collect(Collectors.toSet());
        for (String key : choices.optionKeys()) {
            if (!known.contains(key)) {
                throw new InvalidAnswer("this question has no option '" + key + "'");
            }
        }
        if (choices.optionKeys().isEmpty()) {
            throw new InvalidAnswer("choose an option first");
        }
        return choices.optionKeys();
    }

    private static Grade single(Question question, Set<String> chosen) {
        if (chosen.size() != 1) {
            throw new InvalidAnswer("choose exactly one option");
        }
        return question.options().stream().anyMatch(o -> o.correct() && chosen.contains(o.key()))
                ? Grade.RIGHT
                : Grade.WRONG;
    }

    private static Grade multiple(Question question, Set<String> chosen) {
        long correct = question.correctCount();
        long wrong = question.options().size() - correct;
        long hits = question.options().stream()
                .filter(o -> o.correct() && chosen.contains(o.key()))
                .count();
        long falseAlarms = question.options().stream()
                .filter(o -> !o.correct() && chosen.contains(o.key()))
                .count();
        double mark = (double) hits / correct - (wrong == 0 ? 0 : (double) falseAlarms / wrong);
        boolean exact = hits == correct && falseAlarms == 0;
        return new Grade(exact, exact ? 1.0 : Math.max(0, Math.min(1, mark)));
    }

    private static Grade output(Question question, Answer answer) {
        if (!(answer instanceof Answer.Text text)) {
            throw new InvalidAnswer("this question takes the output as text");
        }
        String expected = OutputPattern.normalize(question.answer() == null ? "" : question.answer());
        return OutputPattern.normalize(text.text()).equals(expected) ? Grade.RIGHT : Grade.WRONG;
    }

    private static Grade parsons(Question question, Answer answer) {
        if (!(answer instanceof Answer.Order order)) {
            throw new InvalidAnswer("this question takes the lines in order");
        }
        List<String> expected = lines(question.answer());
        List<String> given = order.lines().stream().map(String::stripTrailing).toList();
        if (!sameLines(expected, given)) {
            throw new InvalidAnswer("the answer must use each given line exactly once");
        }
        return expected.equals(given) ? Grade.RIGHT : Grade.WRONG;
    }

    /** The lines of a Parsons program in their correct order, blank lines dropped. */
    public static List<String> lines(String program) {
        return program.lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** The same lines ignoring indentation and order: a tampered answer cannot bring its own code. */
    private static boolean sameLines(List<String> expected, List<String> given) {
        return expected.stream()
                .map(String::strip)
                .sorted()
                .toList()
                .equals(given.stream().map(String::strip).sorted().toList());
    }
}
