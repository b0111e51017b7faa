package org.lectern.quiz;

import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Grades a question's stored attempts again with its current answer key, after an author changed what is correct:
 * {@code correct} and {@code fraction} are recomputed with {@link Grader}, everything else of an attempt stays.
 */
public final class Regrader {
    private final Grader grader = new Grader();

    /**
     * @param tx the transaction that imported the new answer key
     * @return how many attempts changed their verdict or mark
     */
    public int regrade(DSLContext tx, long questionId) {
        QuizRepository.StoredQuestion stored =
                new QuizRepository(tx).questionById(questionId).orElse(null);
        if (stored == null) {
            return 0;
        }
        Map<Long, String> keys = stored.options().stream()
                .collect(Collectors.toMap(QuizRepository.StoredOption::id, QuizRepository.StoredOption::key));
        int changed = 0;
        for (var attempt : tx.selectFrom(QUESTION_ATTEMPT)
                .where(QUESTION_ATTEMPT.QUESTION_ID.eq(questionId))
                .fetch()) {
            Grade grade = attempt.getGaveUp() ? Grade.WRONG : grade(stored, keys, attempt);
            if (grade.correct() != attempt.getCorrect() || grade.fraction() != attempt.getFraction()) {
                attempt.setCorrect(grade.correct());
                attempt.setFraction(grade.fraction());
                attempt.store();
                changed++;
            }
        }
        return changed;
    }

    private Grade grade(
            QuizRepository.StoredQuestion stored,
            Map<Long, String> keys,
            org.lectern.db.schema.tables.records.QuestionAttemptRecord attempt) {
        Answer answer = switch (stored.question().kind()) {
            case SINGLE, MULTIPLE -> {
                List<Long> ids = attempt.getOptionIds() == null
                        ? List.of()
                        : Arrays.stream(attempt.getOptionIds().split(","))
                                .map(Long::parseLong)
                                .toList();
                // An option the author removed was not one of the right ones any more.
                if (ids.isEmpty() || !keys.keySet().containsAll(ids)) {
                    yield null;
                }
                yield new Answer.Choices(ids.stream().map(keys::get).collect(Collectors.toSet()));
            }
            case OUTPUT -> new Answer.Text(attempt.getAnswerText() == null ? "" : attempt.getAnswerText());
            case PARSONS ->
                new Answer.Order(
                        attempt.getAnswerText() == null
                                ? List.of()
                                : List.of(attempt.getAnswerText().split("\n", -1)));
        };
        if (answer == null) {
            return Grade.WRONG;
        }
        try {
            return grader.grade(stored.question(), answer);
        } catch (Grader.InvalidAnswer unanswerable) {
            return Grade.WRONG;
        }
    }
}
