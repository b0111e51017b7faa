package org.lectern.studio;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Ids for questions and options the form adds. They are random rather than numbered: a question removed with
 * learners' answers stays in the database, retired, under its id, and a numbered successor could take that id and
 * inherit those answers. Six characters of {@code [a-z0-9]} make a clash with a retired id a one-in-billions event,
 * and a clash within the form is drawn again.
 */
final class QuizIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final RandomGenerator random;

    QuizIds(RandomGenerator random) {
        this.random = random;
    }

    String freshQuestion(QuizForm within) {
        Set<String> taken =
                within.questions().stream().map(QuizForm.Question::id).collect(Collectors.toSet());
        return fresh("question-", taken);
    }

    String freshOption(List<QuizForm.Option> siblings) {
        Set<String> taken = siblings.stream().map(QuizForm.Option::id).collect(Collectors.toSet());
        return fresh("option-", taken);
    }

    private String fresh(String prefix, Set<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; i < 6; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!taken.contains(id.toString())) {
                return id.toString();
            }
        }
    }
}
