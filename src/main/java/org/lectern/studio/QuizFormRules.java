package org.lectern.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.content.QuestionKind;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;

/**
 * The importer's rules for a quiz (see {@code content/README.md}), checked on the form so that each problem is told
 * beside its field in the author's language; the importer still reads the written file before it is saved. One
 * rule goes further than the importer: an output question needs its expected output, without which no learner's
 * answer could ever be right.
 */
final class QuizFormRules {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private QuizFormRules() {}

    /**
     * One thing wrong with the form.
     *
     * @param field the form field it belongs beside ({@code q0-prompt}, {@code q0-o1-text}, {@code q0-options}),
     *     or {@code questions} for the quiz as a whole
     * @param key its message in the bundles, which takes {@code arguments}
     */
    record Problem(String field, String key, List<Object> arguments) {
        private static final Pattern PLACE = Pattern.compile("q([0-9]+)(?:-o([0-9]+))?-.*");

        /** Where it is, counted from 1: the question's number and, for an option's problem, the option's. */
        List<Integer> place() {
            Matcher m = PLACE.matcher(field);
            if (!m.matches()) {
                return List.of();
            }
            int question = Integer.parseInt(m.group(1)) + 1;
            return m.group(2) == null ? List.of(question) : List.of(question, Integer.parseInt(m.group(2)) + 1);
        }
    }

    static List<Problem> check(QuizForm form) {
        List<Problem> problems = new ArrayList<>();
        if (form.questions().isEmpty()) {
            problems.add(new Problem("questions", "studio.quizForm.error.noQuestions", List.of()));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < form.questions().size(); i++) {
            Question q = form.questions().get(i);
            String name = QuizFormFields.question(i);
            if (!ID.matcher(q.id()).matches() || !ids.add(q.id())) {
                problems.add(new Problem(name + "-id", "studio.quizForm.error.id", List.of(q.id())));
            }
            if (q.prompt().isBlank()) {
                problems.add(new Problem(name + "-prompt", "studio.quizForm.error.prompt", List.of()));
            }
            kindRules(q, name, problems);
            String points = q.points().trim();
            if (!points.isEmpty() && !(points.matches("[0-9]{1,3}") && inRange(Integer.parseInt(points)))) {
                problems.add(new Problem(name + "-points", "studio.quizForm.error.points", List.of()));
            }
        }
        return List.copyOf(problems);
    }

    private static boolean inRange(int points) {
        return points >= 1 && points <= 100;
    }

    private static void kindRules(Question q, String name, List<Problem> problems) {
        switch (q.kind()) {
            case SINGLE, MULTIPLE -> options(q, name, problems);
            case OUTPUT -> {
                if (q.code().isBlank()) {
                    problems.add(new Problem(name + "-code", "studio.quizForm.error.code", List.of()));
                }
                if (q.answer().isBlank()) {
                    problems.add(new Problem(name + "-answer", "studio.quizForm.error.answer", List.of()));
                }
            }
            case PARSONS -> {
                long lines = q.lines().lines().filter(l -> !l.isBlank()).count();
                if (lines < 3) {
                    problems.add(new Problem(name + "-lines", "studio.quizForm.error.lines", List.of(lines)));
                }
            }
        }
    }

    private static void options(Question q, String name, List<Problem> problems) {
        long correct = q.options().stream().filter(Option::correct).count();
        if (q.options().size() < 2) {
            problems.add(new Problem(name + "-options", "studio.quizForm.error.fewOptions", List.of()));
        } else if (q.kind() == QuestionKind.SINGLE && correct != 1) {
            problems.add(new Problem(name + "-options", "studio.quizForm.error.single", List.of(correct)));
        } else if (correct == 0) {
            problems.add(new Problem(name + "-options", "studio.quizForm.error.multiple", List.of()));
        }
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < q.options().size(); j++) {
            Option o = q.options().get(j);
            String field = QuizFormFields.option(name, j);
            if (!ID.matcher(o.id()).matches() || !ids.add(o.id())) {
                problems.add(new Problem(field + "-id", "studio.quizForm.error.id", List.of(o.id())));
            }
            if (o.text().isBlank()) {
                problems.add(new Problem(field + "-text", "studio.quizForm.error.optionText", List.of()));
            }
            if (o.explanation().isBlank()) {
                problems.add(new Problem(field + "-explanation", "studio.quizForm.error.optionExplanation", List.of()));
            }
        }
    }
}
